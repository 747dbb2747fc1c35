// One supervision step as the thinking view shows it, whether it streamed in from a solve
// or was replayed from history.
import type { SolveStep, TraceStep } from '../../../preload/api.ts';

export interface ThinkingStep<Answer = unknown> {
  /** 1-based. */
  step: number;
  answer: Answer;
  changed: number[];
  /** Per-cell confidence 0..1; history does not keep it. */
  confidence: number[] | null;
  haltProbability: number;
}

export const fromSolveStep = (step: SolveStep): ThinkingStep => ({
  step: step.step,
  answer: step.answer,
  changed: step.changed,
  confidence: step.confidence,
  haltProbability: step.haltProbability,
});

/** A stored trace, decoded cell by cell; what changed is recomputed against the step before. */
export function fromTrace<Answer extends readonly unknown[]>(
  trace: readonly TraceStep[],
  decode: (tokens: readonly number[]) => Answer,
): ThinkingStep<Answer>[] {
  let previous: readonly number[] | null = null;
  return trace.map((entry, i) => {
    const before = previous;
    previous = entry.cells;
    const changed = before ? entry.cells.flatMap((t, cell) => (t !== before[cell] ? [cell] : [])) : [];
    return {
      step: i + 1,
      answer: decode(entry.cells),
      changed,
      confidence: null,
      haltProbability: entry.haltProbability,
    };
  });
}

/** How a finished solve ended, as far as the board cares: its last step and the cells of its conflicts. */
export interface FinalVerdict {
  /** The step whose answer was checked. */
  step: number;
  conflicts: readonly { cells: readonly number[] }[];
}

/** The cells to mark as conflicts at a step: the final answer's, and only on the final step. */
export function conflictCellsAt(step: ThinkingStep | null, final: FinalVerdict | null): Set<number> {
  if (!step || !final || step.step !== final.step) return new Set();
  return new Set(final.conflicts.flatMap((c) => c.cells));
}
