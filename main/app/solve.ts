// solve.start / solve.cancel: each solve's steps streamed as events so every door (window,
// browser, CLI) can watch the model think, and every finished solve kept in history.
import { randomUUID } from 'node:crypto';
import type { SolveOutcome } from '../../preload/api.ts';
import { votingCopies } from '../../preload/defaults.ts';
import { ApiError } from '../../preload/reply.ts';
import type { Engine, ModelInUse, PuzzleResult, SolveSettings } from '../engine/index.ts';
import { EngineError } from '../engine/index.ts';
import type { Puzzle } from '../puzzles/index.ts';
import { kinds, parsePuzzleText } from '../puzzles/index.ts';
import type { NewSolve } from '../store/index.ts';
import type { Handlers } from './dispatch.ts';
import type { EventBus } from './events.ts';

/** Receives each finished solve; the history store in the app, nothing in private mode. */
export type SolveRecorder = (solve: NewSolve) => void;

/**
 * History keeps answers in the model's token form (trace and final answer alike), the one
 * encoding every puzzle kind shares; the kind's decode turns them back into a grid.
 */
export function historyRecord(
  puzzle: Puzzle,
  model: ModelInUse,
  settings: SolveSettings,
  result: PuzzleResult,
  stepMs: number[],
): NewSolve {
  return {
    puzzle,
    modelId: model.id,
    modelSha256: model.sha256,
    provider: model.provider,
    // what actually ran: a kind may allow fewer copies than were asked for, or no rethinking
    options: {
      ...settings,
      augmentations: votingCopies(puzzle.kind, settings.augmentations),
      rethinks: 'keepSurest' in kinds[puzzle.kind] ? settings.rethinks : 0,
    },
    status: result.status,
    steps: (result.trace ?? []).map((step) => ({
      cells: step.tokens,
      haltProbability: step.haltProbability,
      round: step.round,
    })),
    final:
      result.status === 'solved' || result.status === 'unsolved'
        ? {
            cells: result.tokens,
            verified: result.status === 'solved',
            conflicts: result.conflicts.map((c) => c.message),
          }
        : null,
    ...(result.error ? { error: result.error } : {}),
    timings: { totalMs: result.elapsedMs, stepMs },
  };
}

function outcomeOf(solveId: string, model: ModelInUse, result: PuzzleResult): SolveOutcome {
  if (result.status === 'cancelled') return { solveId, status: 'cancelled', steps: result.steps };
  if (result.status === 'failed') return { solveId, status: 'failed', error: result.error ?? 'The model failed.' };
  return {
    solveId,
    status: result.status,
    model,
    steps: result.steps,
    answer: result.answer,
    conflicts: result.conflicts,
    haltProbability: result.haltProbability,
    votes: { agreed: result.votes, views: result.views },
    elapsedMs: result.elapsedMs,
  };
}

export interface SolveSources {
  /** The puzzle of an earlier solve, for re-running it; null when there is none (or no history). */
  pastPuzzle(id: string): Puzzle | null;
}

export function solveHandlers(
  engine: Engine,
  events: EventBus,
  record: SolveRecorder,
  sources: SolveSources,
): Pick<Handlers, 'solve.start' | 'solve.cancel' | 'history.rerun'> {
  const running = new Map<string, AbortController>();

  async function startSolve(puzzle: Puzzle, settings: SolveSettings, modelId?: string): Promise<{ solveId: string }> {
    // Fail fast on a missing model, before promising the caller a stream of steps.
    await engine.chooseModel(puzzle.kind, modelId).catch((error: unknown) => {
      throw new ApiError({ code: 'unavailable', message: (error as Error).message });
    });
    const solveId = randomUUID();
    const controller = new AbortController();
    running.set(solveId, controller);
    const stepMs: number[] = [];
    let last = performance.now();
    void engine
      .solve(puzzle, settings, {
        modelId,
        signal: controller.signal,
        onStep: (view) => {
          const now = performance.now();
          stepMs.push(now - last);
          last = now;
          events.emit('solve.step', { solveId, ...view });
        },
      })
      .then(({ model, result }) => {
        record(historyRecord(puzzle, model, settings, result, stepMs));
        return outcomeOf(solveId, model, result);
      })
      .catch((error: unknown): SolveOutcome => ({
        solveId,
        status: 'failed',
        error: error instanceof EngineError ? error.message : String(error),
      }))
      .then((outcome) => {
        running.delete(solveId);
        events.emit('solve.done', outcome);
      });
    return { solveId };
  }

  return {
    async 'solve.start'({ text, index, modelId, options }) {
      const parsed = parsePuzzleText(text, 'entered puzzle');
      const puzzle = parsed.puzzles[index];
      if (!puzzle) {
        const reasons = parsed.errors.map((e) => (e.source.line ? `line ${e.source.line}: ` : '') + e.message);
        throw new ApiError({
          code: 'invalid-arguments',
          message:
            parsed.puzzles.length === 0 ? 'No puzzle could be read from the text.' : `There is no puzzle ${index + 1}.`,
          details: reasons,
        });
      }
      return startSolve(puzzle, options, modelId);
    },

    async 'history.rerun'({ id, modelId, options }) {
      const puzzle = sources.pastPuzzle(id);
      if (!puzzle) throw new ApiError({ code: 'not-found', message: `There is no solve ${id} in history.` });
      return startSolve(puzzle, options, modelId);
    },

    async 'solve.cancel'({ solveId }) {
      const controller = running.get(solveId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
