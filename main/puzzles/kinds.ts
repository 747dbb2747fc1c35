// The puzzle kinds by id.
import { arc } from './arc.ts';
import type { PuzzleKind } from './kind.ts';
import { maze } from './maze.ts';
import { sudoku } from './sudoku.ts';
import type { Puzzle } from './types.ts';

export const kinds = { sudoku, maze, arc } as const;

/** The kind of a puzzle, typed loosely enough to take any puzzle and its answer. */
export function kindOf(puzzle: Puzzle): PuzzleKind<Puzzle, unknown> {
  return kinds[puzzle.kind] as unknown as PuzzleKind<Puzzle, unknown>;
}
