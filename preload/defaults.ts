// Defaults the UI and the core share, in a module free of schemas so the renderer can
// import it without bundling the validator.
import type { PuzzleKindId } from '../main/puzzles/types.ts';

/**
 * What a solve does unless told otherwise. Stopping at the first answer that checks out
 * beats trusting the halting head: the shipped Sudoku model solves 100% of 30-50-given
 * puzzles that way against 96.0% when it stops at q > 0, in about as many steps
 * (models/sudoku-mlp-d64.md). A kind whose answers cannot be checked runs to maxSteps.
 */
export const defaultSolveOptions = { policy: 'verified', maxSteps: 16, augmentations: 0 } as const;

/**
 * The most transformed copies of a puzzle that can vote on its answer, by kind; a solve asking
 * for more uses this many. A maze has 7 symmetries besides itself; ARC has none the model can be
 * trusted with (each copy would need its own trained puzzle embedding).
 */
export const votingCopiesLimit = { sudoku: 16, maze: 7, arc: 0 } as const satisfies Record<PuzzleKindId, number>;

/** The copies a solve of a puzzle of `kind` runs when `requested` were asked for. */
export const votingCopies = (kind: PuzzleKindId, requested: number): number =>
  Math.min(requested, votingCopiesLimit[kind]);
