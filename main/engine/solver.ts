// One puzzle through the model: encode, run the recursion; while its answer does not check out,
// rethink (keep the cells it was surest of as given and run again), then let transformed copies
// vote; map answers back, verify. Runs inside the inference worker.
import type { SolveStep } from '../../preload/api.ts';
import type { Conflict, Puzzle, PuzzleKind } from '../puzzles/index.ts';
import { kinds } from '../puzzles/index.ts';
import type { TokenTransform } from './augment.ts';
import { applyTransform, augmentations, invertTransform } from './augment.ts';
import type { HaltingPolicy, RowResult, Scheduler } from './scheduler.ts';
import { sigmoid } from './scheduler.ts';
import { vote } from './vote.ts';

export interface SolveSettings {
  policy: HaltingPolicy;
  maxSteps: number;
  augmentations: number;
  /** Rethinking rounds at most, for kinds that can keep answer cells as given. */
  rethinks: number;
}

/** Cells a rethinking round adds to what is kept (measured in models/sudoku-mlp-d128.md). */
export const CELLS_KEPT_PER_RETHINK = 8;

/** One supervision step as the UI shows it (the contract's event, before it is given its solve id). */
export type StepView = Omit<SolveStep, 'solveId'>;

export type SolveStatus = 'solved' | 'unsolved' | 'cancelled' | 'failed';

export interface PuzzleResult {
  status: SolveStatus;
  /** Supervision steps taken by the puzzle as given and its rethinking rounds (copies not counted). */
  steps: number;
  /** Why the recursion stopped. */
  end: RowResult['end'];
  answer: unknown;
  tokens: number[];
  conflicts: Conflict[];
  haltProbability: number;
  /** Views that agreed with the chosen answer, out of `views`: those that gave an answer (copies
   * run only when the puzzle as given ends with an answer that does not check out). */
  votes: number;
  views: number;
  elapsedMs: number;
  /** Per-step answers and halting probabilities, when asked for (replay in history). */
  trace: { tokens: number[]; haltProbability: number; round: number }[] | null;
  error?: string;
}

export interface SolveCall {
  puzzle: Puzzle;
  settings: SolveSettings;
  urgent: boolean;
  keepTrace: boolean;
  signal?: AbortSignal;
  onStep?(view: StepView): void;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function failure(error: string, elapsedMs = 0): PuzzleResult {
  return {
    status: 'failed',
    steps: 0,
    end: 'failed',
    answer: null,
    tokens: [],
    conflicts: [],
    haltProbability: 0,
    votes: 0,
    views: 0,
    elapsedMs,
    trace: null,
    error,
  };
}

export async function solvePuzzle(scheduler: Scheduler, call: SolveCall): Promise<PuzzleResult> {
  const started = performance.now();
  const { puzzle, settings } = call;
  const kind = kinds[puzzle.kind] as unknown as PuzzleKind<Puzzle, unknown>;
  const transforms = augmentations(puzzle.kind, settings.augmentations);
  const base = kind.encode(puzzle);
  const back = (view: TokenTransform | null, tokens: Uint8Array) => (view ? invertTransform(view, tokens) : tokens);
  // Always against the puzzle itself: a rethinking round's kept cells are answers, not givens.
  const verdictOf = (tokens: Uint8Array) => kind.verify(puzzle, kind.decode(puzzle, tokens));
  const trace: PuzzleResult['trace'] = call.keepTrace ? [] : null;

  /** One row of the scheduler; `shown` rows (the puzzle's own chain of rounds) stream their steps. */
  const run = (
    input: Uint8Array,
    view: TokenTransform | null,
    signal: AbortSignal | undefined,
    shown?: { round: number; stepsBefore: number },
  ) =>
    scheduler.submit({
      tokens: view ? applyTransform(view, input) : input,
      policy: settings.policy,
      maxSteps: settings.maxSteps,
      urgent: call.urgent,
      signal,
      verifies: (tokens) => verdictOf(back(view, tokens)).ok,
      onStep:
        shown && (call.onStep || trace)
          ? (step) => {
              const haltProbability = sigmoid(step.haltLogit);
              trace?.push({ tokens: Array.from(step.tokens), haltProbability, round: shown.round });
              if (!call.onStep) return;
              const answer = kind.decode(puzzle, step.tokens);
              call.onStep({
                step: shown.stepsBefore + step.step,
                round: shown.round,
                answer,
                changed: step.changed,
                confidence: Array.from(step.confidence),
                haltProbability,
                verified: kind.verify(puzzle, answer).ok,
              });
            }
          : undefined,
    });

  const ended = (result: RowResult) => result.end === 'halted' || result.end === 'max-steps';
  const checksOut = (view: TokenTransform | null, result: RowResult) =>
    result.last !== null && verdictOf(back(view, result.last.tokens)).ok;
  /** The puzzle's own row ended on an answer that does not check out: what rethinking and copies are for. */
  const unsettled = (result: RowResult) => ended(result) && !checksOut(null, result);

  // The puzzle's own chain: as given, then while its answer does not check out, rounds that keep
  // the cells the model was surest of as given (a wrong one can sink a round; the copies below
  // start afresh from the puzzle itself).
  let input = base;
  let steps = 0;
  let last = await run(input, null, call.signal, { round: 0, stepsBefore: 0 });
  for (let round = 1; round <= settings.rethinks && kind.keepSurest; round++) {
    if (!unsettled(last) || !last.last) break;
    const kept = kind.keepSurest(input, last.last.tokens, last.last.confidence, CELLS_KEPT_PER_RETHINK);
    if (kept.every((token, i) => token === input[i])) break; // nothing left it can keep
    steps += last.last.step;
    input = kept;
    last = await run(input, null, call.signal, { round, stepsBefore: steps });
  }
  steps += last.last?.step ?? 0;

  // An answer that checks out wins any vote, so the copies run only when the chain ends without
  // one, and all stop at the first that finds one: voting costs nothing extra on a puzzle the
  // model solves alone.
  const results: { view: TokenTransform | null; result: RowResult }[] = [{ view: null, result: last }];
  if (transforms.length > 0 && unsettled(last)) {
    const found = new AbortController();
    const signal = call.signal ? AbortSignal.any([call.signal, found.signal]) : found.signal;
    const copies = transforms.map((view) =>
      run(base, view, signal).then((result) => {
        if (checksOut(view, result)) found.abort();
        return { view, result };
      }),
    );
    results.push(...(await Promise.all(copies)));
  }

  const elapsedMs = performance.now() - started;
  if (last.end === 'failed') return failure(last.error ?? 'The model failed.', elapsedMs);

  const candidates = results.flatMap(({ view, result }) => {
    if (!result.last) return [];
    const tokens = back(view, result.last.tokens);
    return [{ tokens, verified: verdictOf(tokens).ok, confidence: mean(result.haltTrace) }];
  });
  const common = { steps, end: last.end, views: candidates.length, elapsedMs, trace };
  if (last.end === 'cancelled' || call.signal?.aborted || candidates.length === 0) {
    return { ...failure('cancelled', elapsedMs), ...common, status: 'cancelled', error: undefined };
  }
  const { winner, votes } = vote(candidates);
  const tokens = candidates[winner]!.tokens;
  const answer = kind.decode(puzzle, tokens);
  const verdict = kind.verify(puzzle, answer);
  return {
    ...common,
    status: verdict.ok ? 'solved' : 'unsolved',
    answer,
    tokens: Array.from(tokens),
    conflicts: verdict.ok ? [] : verdict.conflicts,
    haltProbability: last.haltTrace.at(-1) ?? 0,
    votes,
  };
}
