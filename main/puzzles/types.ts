// The puzzle data every layer shares: plain, serialisable values (they cross IPC and HTTP).

export const puzzleKindIds = ['sudoku', 'maze', 'arc'] as const;
export type PuzzleKindId = (typeof puzzleKindIds)[number];

/** Where a puzzle (or an error) came from, precise enough to find it again. */
export interface PuzzleSource {
  file: string;
  /** 1-based line in a text file. */
  line?: number;
  /** 0-based position among the puzzles of the file. */
  index?: number;
  /** Location inside a JSON file, e.g. `train[2].input[4]`. */
  jsonPath?: string;
}

/** 81 cells row-major; 0 is blank, 1..9 are digits. */
export type SudokuCells = readonly number[];

export interface SudokuPuzzle {
  kind: 'sudoku';
  source: PuzzleSource;
  givens: SudokuCells;
  solution?: SudokuCells;
}

export type MazeCell = 'wall' | 'open' | 'start' | 'goal' | 'path';

export interface MazePuzzle {
  kind: 'maze';
  source: PuzzleSource;
  rows: number;
  cols: number;
  /** rows * cols cells, row-major, without path cells. */
  cells: readonly MazeCell[];
  /** The same grid with the shortest path marked, when the file gives it. */
  solution?: readonly MazeCell[];
}

/** Rows of colours 0..9. */
export type ArcGrid = readonly (readonly number[])[];

export interface ArcPuzzle {
  kind: 'arc';
  source: PuzzleSource;
  taskId: string;
  train: readonly { input: ArcGrid; output: ArcGrid }[];
  /** The one test input this puzzle asks for (a task with k test inputs gives k puzzles). */
  test: { input: ArcGrid; output?: ArcGrid };
}

export type Puzzle = SudokuPuzzle | MazePuzzle | ArcPuzzle;

/** A problem with one part of a file; the rest of the file is still read. */
export interface PuzzleFileError {
  source: PuzzleSource;
  message: string;
}

export interface ParsedFile {
  file: string;
  /** The kind detected from the content; null when nothing could be recognised. */
  kind: PuzzleKindId | null;
  puzzles: Puzzle[];
  errors: PuzzleFileError[];
}
