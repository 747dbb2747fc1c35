// Defaults the UI and the core share, in a module free of schemas so the renderer can
// import it without bundling the validator.
import type { PuzzleKindId } from '../main/puzzles/types.ts';
import type { SolveSettings } from '../main/store/types.ts';

/**
 * What a solve does unless told otherwise. Stopping at the first answer that checks out
 * beats trusting the halting head: the shipped Sudoku model solves 100% of 30-50-given
 * puzzles that way against 98.3% when it stops at q > 0, in about as many steps. When the
 * puzzle as given finds no such answer, the model rethinks: it starts again with the 8 cells
 * it was surest of kept as given, up to 8 times; then 7 transformed copies of the puzzle try.
 * Held-out 22-29-given puzzles: 74.7% alone, 97.7% rethinking, 100% with both; neither costs
 * anything on a puzzle solved alone (models/sudoku-mlp-d128.md). A kind whose answers cannot
 * be checked runs to maxSteps.
 */
export const defaultSolveOptions = { policy: 'verified', maxSteps: 16, augmentations: 7, rethinks: 8 } as const;

/**
 * The most transformed copies of a puzzle that can vote on its answer, by kind; a solve asking
 * for more uses this many. A maze has 7 symmetries besides itself; ARC has none the model can be
 * trusted with (each copy would need its own trained puzzle embedding).
 */
export const votingCopiesLimit = { sudoku: 16, maze: 7, arc: 0 } as const satisfies Record<PuzzleKindId, number>;

/** The copies a solve of a puzzle of `kind` runs when `requested` were asked for. */
export const votingCopies = (kind: PuzzleKindId, requested: number): number =>
  Math.min(requested, votingCopiesLimit[kind]);

/** Solve settings in words, for reports and history (the same wording in every door). */
export function settingsText(settings: SolveSettings): string {
  const steps =
    settings.policy === 'fixed'
      ? `fixed ${settings.maxSteps} steps`
      : `${settings.policy}, at most ${settings.maxSteps} steps`;
  const rethinks = settings.rethinks ? `up to ${settings.rethinks} rethinking rounds` : '';
  const copies = settings.augmentations ? `${settings.augmentations} voting copies` : '';
  const extras = [rethinks, copies].filter(Boolean).join(', then ');
  return extras ? `${steps}; ${extras} where the answer does not check out` : steps;
}
