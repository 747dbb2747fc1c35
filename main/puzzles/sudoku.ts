// The Sudoku kind: 81 cells row-major, 0 blank. Tokens (TRM.md): 0 pad, 1 blank, 2..10 digits 1..9.
import { type PuzzleKind, SOLUTION_COUNT_CAP, type SolveReport, verdictOf } from './kind.ts';
import { CELLS, PEERS } from './sudoku-geometry.ts';
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

const isDigitToken = (token: number) => token > BLANK_TOKEN && token <= 9 + DIGIT_OFFSET;

/** The input with up to `count` blanks filled from the answer, surest first, each breaking no rule. */
function keepSurest(input: Uint8Array, answer: Uint8Array, confidence: Float32Array, count: number): Uint8Array {
  const kept = input.slice();
  const open = [...kept.keys()].filter((cell) => kept[cell] === BLANK_TOKEN && isDigitToken(answer[cell] ?? 0));
  open.sort((a, b) => confidence[b]! - confidence[a]! || a - b);
  let added = 0;
  for (const cell of open) {
    if (added === count) break;
    const peers = PEERS.subarray(cell * 20, cell * 20 + 20);
    if (peers.some((peer) => kept[peer] === answer[cell])) continue;
    kept[cell] = answer[cell]!;
    added++;
  }
  return kept;
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
  keepSurest,
  generate: generateSudoku,
  expectedAnswer: (puzzle: SudokuPuzzle) => puzzle.solution,
} satisfies PuzzleKind<SudokuPuzzle, SudokuCells>;
