// Requests that exist for the UI's convenience: a puzzle to try without a file at hand.
import { randomInt } from 'node:crypto';
import { formatMazeCells, formatSudokuCells, generateMaze, generateSudoku } from '../puzzles/index.ts';
import type { Handlers } from './dispatch.ts';

/** Sudoku: givens kept (0 = as few as stay unique). Maze: side length and shortest route. */
const sudokuGivens = { easy: 40, medium: 30, hard: 0 } as const;
const mazeShape = {
  easy: { size: 11, minPathLength: 10 },
  medium: { size: 21, minPathLength: 30 },
  hard: { size: 30, minPathLength: 60 },
} as const;

export function uiHandlers(): Pick<Handlers, 'puzzles.generate'> {
  return {
    async 'puzzles.generate'({ kind, difficulty, seed = randomInt(2 ** 31) }) {
      if (kind === 'sudoku') {
        const puzzle = generateSudoku({ seed, givens: sudokuGivens[difficulty] });
        return { puzzle, text: formatSudokuCells(puzzle.givens) };
      }
      const puzzle = generateMaze({ seed, ...mazeShape[difficulty] });
      return { puzzle, text: formatMazeCells(puzzle, puzzle.cells) };
    },
  };
}
