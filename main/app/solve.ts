// solve.start / solve.cancel: one interactive solve at a time per request, its steps
// streamed as events so every door (window, browser, CLI) can watch the model think.
import { randomUUID } from 'node:crypto';
import type { SolveOutcome } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import type { Engine } from '../engine/index.ts';
import { EngineError } from '../engine/index.ts';
import { parsePuzzleText } from '../puzzles/index.ts';
import type { Handlers } from './dispatch.ts';
import type { EventBus } from './events.ts';

export function solveHandlers(engine: Engine, events: EventBus): Pick<Handlers, 'solve.start' | 'solve.cancel'> {
  const running = new Map<string, AbortController>();

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
      // Fail fast on a missing model, before promising the caller a stream of steps.
      await engine.chooseModel(puzzle.kind, modelId).catch((error: unknown) => {
        throw new ApiError({ code: 'unavailable', message: (error as Error).message });
      });
      const solveId = randomUUID();
      const controller = new AbortController();
      running.set(solveId, controller);
      void engine
        .solve(puzzle, options, {
          modelId,
          signal: controller.signal,
          onStep: (view) => events.emit('solve.step', { solveId, ...view }),
        })
        .then(({ model, result }): SolveOutcome => {
          if (result.status === 'cancelled') return { solveId, status: 'cancelled', steps: result.steps };
          if (result.status === 'failed') return { solveId, status: 'failed', error: result.error ?? 'failed' };
          return {
            solveId,
            status: result.status,
            model,
            steps: result.steps,
            answer: result.answer,
            conflicts: result.conflicts,
            haltProbability: result.haltProbability,
            elapsedMs: result.elapsedMs,
          };
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
    },

    async 'solve.cancel'({ solveId }) {
      const controller = running.get(solveId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
