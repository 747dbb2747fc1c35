// What one answer is worth against the ground truth: exact match, accuracy over the cells the
// puzzle leaves open, and the difficulty bin the puzzle falls in. Pure functions.
import type { ArcPuzzle, MazeCell, MazePuzzle, Puzzle, SudokuCells, SudokuPuzzle } from '../puzzles/index.ts';
import { kindOf, shortestRoute } from '../puzzles/index.ts';

/** The answer a puzzle should get: the file's own, else the reference solver's when it is the only one. */
export interface GroundTruth {
  answer: unknown;
  /** The same answer as model tokens, to compare with the model's output token by token. */
  tokens: Uint8Array;
}

export function groundTruth(puzzle: Puzzle): GroundTruth | null {
  const kind = kindOf(puzzle);
  let answer = kind.expectedAnswer(puzzle);
  if (answer === undefined) {
    const report = kind.solve(puzzle);
    // Several solutions leave no single right answer to match; verification still judges the model.
    if (report === null || report.solutions !== 1 || report.answer === null) return null;
    answer = report.answer;
  }
  return { answer, tokens: kind.encodeAnswer(puzzle, answer) };
}

export function sameTokens(answer: readonly number[], truth: Uint8Array): boolean {
  return answer.length === truth.length && answer.every((token, i) => token === truth[i]);
}

/** Share of the open cells the answer got right: Sudoku's blanks, a maze's open cells, every cell of an ARC output. */
export function cellAccuracy(puzzle: Puzzle, answerTokens: readonly number[], truth: GroundTruth): number | null {
  const answer = kindOf(puzzle).decode(puzzle, answerTokens);
  switch (puzzle.kind) {
    case 'sudoku': {
      const open = (puzzle as SudokuPuzzle).givens.flatMap((given, cell) => (given === 0 ? [cell] : []));
      return share(open, (cell) => (answer as SudokuCells)[cell] === (truth.answer as SudokuCells)[cell]);
    }
    case 'maze': {
      const open = (puzzle as MazePuzzle).cells.flatMap((value, cell) => (value === 'open' ? [cell] : []));
      const got = answer as readonly MazeCell[];
      const want = truth.answer as readonly MazeCell[];
      return share(open, (cell) => got[cell] === want[cell]);
    }
    case 'arc': {
      const want = truth.answer as ArcPuzzle['test']['input'];
      const got = answer as ArcPuzzle['test']['input'];
      const cells = want.flatMap((row, r) => row.map((_, c) => [r, c] as const));
      return share(cells, ([r, c]) => got[r]?.[c] === want[r]?.[c]);
    }
  }
}

function share<T>(cells: readonly T[], right: (cell: T) => boolean): number | null {
  if (cells.length === 0) return null;
  return cells.filter(right).length / cells.length;
}

/** Sudoku by how many givens (fewer is harder), mazes by the length of the shortest path; ARC has no bins. */
export function difficultyOf(puzzle: Puzzle): string | null {
  if (puzzle.kind === 'sudoku') {
    const givens = puzzle.givens.filter((digit) => digit !== 0).length;
    if (givens > 50) return '51+ givens';
    return givens <= 21 ? '17-21 givens' : givens <= 29 ? '22-29 givens' : '30-50 givens';
  }
  if (puzzle.kind === 'maze') {
    const steps = shortestRoute(puzzle.rows, puzzle.cols, puzzle.cells).steps;
    if (steps < 0) return 'no path';
    return steps <= 20 ? 'path 1-20' : steps <= 40 ? 'path 21-40' : steps <= 60 ? 'path 41-60' : 'path 61+';
  }
  return null;
}

/** The order bins are shown in: easiest first. */
export const difficultyOrder = [
  '51+ givens',
  '30-50 givens',
  '22-29 givens',
  '17-21 givens',
  'path 1-20',
  'path 21-40',
  'path 41-60',
  'path 61+',
  'no path',
];
