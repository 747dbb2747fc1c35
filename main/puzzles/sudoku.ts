// The Sudoku kind: 81 cells row-major, 0 blank. Tokens (TRM.md): 0 pad, 1 blank, 2..10 digits 1..9.
import { type PuzzleKind, SOLUTION_COUNT_CAP, type SolveReport, verdictOf } from './kind.ts';
import { CELLS } from './sudoku-geometry.ts';
import { sudokuConflicts } from './sudoku-rules.ts';
import { generateSudoku } from './sudoku-generator.ts';
import { countSolutions } from './sudoku-solver.ts';
import { readSudokuText } from './sudoku-text.ts';
import { onlyEntry } from './entries.ts';
import type { PuzzleSource, SudokuCells, SudokuPuzzle } from './types.ts';

const BLANK_TOKEN = 1;
const DIGIT_OFFSET = 1;

function encodeCells(cells: SudokuCells): Uint8Array {
  const tokens = new Uint8Array(CELLS);
  for (let cell = 0; cell < CELLS; cell++) {
    const digit = cells[cell] ?? 0;
    tokens[cell] = digit === 0 ? BLANK_TOKEN : digit + DIGIT_OFFSET;
  }
  return tokens;
}

/** One line: digits with `.` for blanks. */
export function formatSudokuCells(cells: SudokuCells): string {
  let text = '';
  for (let cell = 0; cell < CELLS; cell++) text += cells[cell] ? String(cells[cell]) : '.';
  return text;
}

export function solveSudoku(givens: SudokuCells): SolveReport<SudokuCells> {
  const solution = new Uint8Array(CELLS);
  const solutions = countSolutions(givens, SOLUTION_COUNT_CAP, solution);
  return { solutions, answer: solutions > 0 ? Array.from(solution) : null };
}

export const sudoku = {
  id: 'sudoku',
  tokens: { length: CELLS, vocabulary: 11 },
  parse: (text: string, source: PuzzleSource) => onlyEntry(readSudokuText(text, source.file), source, 'Sudoku'),
  format: (puzzle: SudokuPuzzle) => formatSudokuCells(puzzle.givens),
  formatAnswer: (_puzzle: SudokuPuzzle, answer: SudokuCells) => formatSudokuCells(answer),
  encode: (puzzle: SudokuPuzzle) => encodeCells(puzzle.givens),
  encodeAnswer: (_puzzle: SudokuPuzzle, answer: SudokuCells) => encodeCells(answer),
  decode(_puzzle: SudokuPuzzle, tokens: ArrayLike<number>): SudokuCells {
    const cells = new Array<number>(CELLS);
    for (let cell = 0; cell < CELLS; cell++) {
      const digit = (tokens[cell] ?? 0) - DIGIT_OFFSET;
      cells[cell] = digit >= 1 && digit <= 9 ? digit : 0;
    }
    return cells;
  },
  verify(puzzle: SudokuPuzzle, answer: SudokuCells) {
    return verdictOf(sudokuConflicts(puzzle.givens, answer));
  },
  solve: (puzzle: SudokuPuzzle) => solveSudoku(puzzle.givens),
  generate: generateSudoku,
  expectedAnswer: (puzzle: SudokuPuzzle) => puzzle.solution,
} satisfies PuzzleKind<SudokuPuzzle, SudokuCells>;
