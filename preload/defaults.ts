// Defaults the UI and the core share, in a module free of schemas so the renderer can
// import it without bundling the validator.
import type { PuzzleKindId } from '../main/puzzles/types.ts';

/**
 * What a solve does unless told otherwise. Stopping at the first answer that checks out
 * beats trusting the halting head: the shipped Sudoku model solves 100% of 30-50-given
 * puzzles that way against 98.3% when it stops at q > 0, in about as many steps. When the
 * puzzle as given finds no such answer, 7 transformed copies try too (they run only then):
 * 74.7% -> 83.0% of 22-29-given puzzles, at no cost on the ones solved alone; more copies add
 * 1-3 points for 2-8x the work (models/sudoku-mlp-d128.md). A kind whose answers cannot be
 * checked runs to maxSteps.
 */
export const defaultSolveOptions = { policy: 'verified', maxSteps: 16, augmentations: 7 } as const;

/**
 * The most transformed copies of a puzzle that can vote on its answer, by kind; a solve asking
 * for more uses this many. A maze has 7 symmetries besides itself; ARC has none the model can be
 * trusted with (each copy would need its own trained puzzle embedding).
 */
export const votingCopiesLimit = { sudoku: 16, maze: 7, arc: 0 } as const satisfies Record<PuzzleKindId, number>;

/** The copies a solve of a puzzle of `kind` runs when `requested` were asked for. */
export const votingCopies = (kind: PuzzleKindId, requested: number): number =>
  Math.min(requested, votingCopiesLimit[kind]);
