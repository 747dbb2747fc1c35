// The puzzle being entered on the Solve screen, kept while the user visits other screens:
// leaving Solve for a moment must not throw away a half-typed grid.
import type { ArcPuzzle, PuzzleKindId } from '../../../main/puzzles/types.ts';
import { blankMaze, type MazeDraft } from './maze.ts';
import { emptySudoku } from './sudoku.ts';

export type Difficulty = 'easy' | 'medium' | 'hard';

export interface SolveDraft {
  kind: PuzzleKindId;
  sudoku: number[];
  maze: MazeDraft;
  arc: ArcPuzzle | null;
  arcTest: number[][];
  difficulty: Difficulty;
}

const fresh = (): SolveDraft => ({
  kind: 'sudoku',
  sudoku: emptySudoku(),
  maze: blankMaze(11),
  arc: null,
  arcTest: [],
  difficulty: 'medium',
});

export const solveDraft: SolveDraft = fresh();

/** Back to an empty Sudoku (tests start each case from here). */
export function resetSolveDraft(): void {
  Object.assign(solveDraft, fresh());
}
