// One puzzle through the model: encode, run the recursion (again under each augmentation when
// voting and its answer does not check out), map answers back, vote, verify. Runs inside the
// inference worker.
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
}

/** One supervision step as the UI shows it (the contract's event, before it is given its solve id). */
export type StepView = Omit<SolveStep, 'solveId'>;

export type SolveStatus = 'solved' | 'unsolved' | 'cancelled' | 'failed';

export interface PuzzleResult {
  status: SolveStatus;
  /** Supervision steps taken (by the unaugmented view when voting). */
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
  trace: { tokens: number[]; haltProbability: number }[] | null;
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
  const views: (TokenTransform | null)[] = [null, ...transforms];
  const back = (view: TokenTransform | null, tokens: Uint8Array) => (view ? invertTransform(view, tokens) : tokens);
  const verdictOf = (tokens: Uint8Array) => kind.verify(puzzle, kind.decode(puzzle, tokens));
  const trace: PuzzleResult['trace'] = call.keepTrace ? [] : null;

  const run = (i: number, signal: AbortSignal | undefined) => {
    const view = views[i]!;
    return scheduler.submit({
      tokens: view ? applyTransform(view, base) : base,
      policy: settings.policy,
      maxSteps: settings.maxSteps,
      urgent: call.urgent,
      signal,
      verifies: (tokens) => verdictOf(back(view, tokens)).ok,
      onStep:
        i === 0 && (call.onStep || trace)
          ? (step) => {
              const haltProbability = sigmoid(step.haltLogit);
              trace?.push({ tokens: Array.from(step.tokens), haltProbability });
              if (!call.onStep) return;
              const answer = kind.decode(puzzle, step.tokens);
              call.onStep({
                step: step.step,
                answer,
                changed: step.changed,
                confidence: Array.from(step.confidence),
                haltProbability,
                verified: kind.verify(puzzle, answer).ok,
              });
            }
          : undefined,
    });
  };

  const checksOut = (i: number, result: RowResult) =>
    result.last !== null && verdictOf(back(views[i]!, result.last.tokens)).ok;
  // An answer that checks out wins any vote, so the copies run only when the puzzle as given
  // ends without one, and all stop at the first that finds one: voting costs nothing extra on a
  // puzzle the model solves alone.
  const primary = await run(0, call.signal);
  const results = [primary];
  const ended = primary.end === 'halted' || primary.end === 'max-steps';
  if (transforms.length > 0 && ended && !checksOut(0, primary)) {
    const found = new AbortController();
    const signal = call.signal ? AbortSignal.any([call.signal, found.signal]) : found.signal;
    const copies = transforms.map((_, i) =>
      run(i + 1, signal).then((result) => {
        if (checksOut(i + 1, result)) found.abort();
        return result;
      }),
    );
    results.push(...(await Promise.all(copies)));
  }

  const elapsedMs = performance.now() - started;
  if (primary.end === 'failed') return failure(primary.error ?? 'The model failed.', elapsedMs);

  const candidates = results.flatMap((result, i) => {
    if (!result.last) return [];
    const tokens = back(views[i]!, result.last.tokens);
    return [{ tokens, verified: verdictOf(tokens).ok, confidence: mean(result.haltTrace) }];
  });
  const common = { steps: primary.last?.step ?? 0, end: primary.end, views: candidates.length, elapsedMs, trace };
  if (primary.end === 'cancelled' || call.signal?.aborted || candidates.length === 0) {
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
    haltProbability: primary.haltTrace.at(-1) ?? 0,
    votes,
  };
}
