// One supervision step as the thinking view shows it, whether it streamed in from a solve
// or was replayed from history: what changed and how sure the model was, by the cells of the
// board drawn for the puzzle (the engine reports them by position on the model's grid).
import type { SolveStep, TraceStep } from '../../../preload/api.ts';
import type { MazeCell } from '../../../main/puzzles/types.ts';
import { asArcGrid } from './arc.ts';
import { stepCellsOnGrid } from './model-grid.ts';

/** What the board needs of the puzzle being solved. */
export type BoardPuzzle =
  | { kind: 'sudoku'; givens: readonly number[] }
  | { kind: 'maze'; rows: number; cols: number; cells: readonly MazeCell[] }
  | { kind: 'arc' };

export interface ThinkingStep<Answer = unknown> {
  /** 1-based, counted across rethinking rounds. */
  step: number;
  /** 0 on the puzzle as given; r in the r-th rethinking round. */
  round: number;
  answer: Answer;
  /** Board cells (row-major over the puzzle's own grid) whose answer changed in this step. */
  changed: number[];
  /** Per board cell confidence 0..1; history does not keep it. */
  confidence: number[] | null;
  haltProbability: number;
  /** Shows the answer the voting copies chose in place of this last step's (see endingOn). */
  voted?: true;
}

/**
 * Model positions as board cells. Sudoku's board is the model's 81 positions; a maze or ARC
 * grid sits in the top-left corner of the model's 30x30 grid, so padding and end-of-grid
 * markers, which the model may rewrite too, are not cells of the board.
 */
function onBoard(
  puzzle: BoardPuzzle,
  answer: unknown,
  changed: readonly number[],
  confidence: readonly number[] | null,
): Pick<ThinkingStep, 'changed' | 'confidence'> {
  switch (puzzle.kind) {
    case 'sudoku':
      return { changed: [...changed], confidence: confidence && [...confidence] };
    case 'maze':
      return stepCellsOnGrid(changed, confidence, puzzle.rows, puzzle.cols);
    case 'arc': {
      const grid = asArcGrid(answer);
      return grid
        ? stepCellsOnGrid(changed, null, grid.length, grid[0]?.length ?? 0)
        : { changed: [], confidence: null };
    }
  }
}

/** Streamed steps of a solve of `puzzle`. */
export const fromSolveStep =
  (puzzle: BoardPuzzle) =>
  (step: SolveStep): ThinkingStep => ({
    step: step.step,
    round: step.round,
    answer: step.answer,
    ...onBoard(puzzle, step.answer, step.changed, step.confidence),
    haltProbability: step.haltProbability,
  });

/** A stored trace, decoded cell by cell; what changed is recomputed against the step before. */
export function fromTrace<Answer extends readonly unknown[]>(
  puzzle: BoardPuzzle,
  trace: readonly TraceStep[],
  decode: (tokens: readonly number[]) => Answer,
): ThinkingStep<Answer>[] {
  let previous: readonly number[] | null = null;
  return trace.map((entry, i) => {
    const before = previous;
    previous = entry.cells;
    const positions = before ? entry.cells.flatMap((t, position) => (t !== before[position] ? [position] : [])) : [];
    const answer = decode(entry.cells);
    return {
      step: i + 1,
      round: entry.round ?? 0,
      answer,
      changed: onBoard(puzzle, answer, positions, null).changed,
      confidence: null,
      haltProbability: entry.haltProbability,
    };
  });
}

/**
 * The steps ending on the answer the verdict is about. Where voting chose another answer than
 * the puzzle's own last step (its copies run when that step does not check out), the last step
 * shows the chosen answer, marked, so the board never pairs one answer with another's verdict.
 */
export function endingOn<Answer>(steps: ThinkingStep<Answer>[], final: Answer | null): ThinkingStep<Answer>[] {
  const last = steps.at(-1);
  if (!last || final === null || JSON.stringify(final) === JSON.stringify(last.answer)) return steps;
  return [...steps.slice(0, -1), { ...last, answer: final, changed: [], confidence: null, voted: true }];
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
