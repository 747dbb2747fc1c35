// The public face of main/puzzles: the puzzle kinds, their reference solvers and
// generators, and the file readers.
export type * from './types.ts';
export { puzzleKindIds } from './types.ts';
export type { Conflict, PuzzleKind, SolveReport, TokenLayout, Verdict } from './kind.ts';
export { isFileError, SOLUTION_COUNT_CAP } from './kind.ts';
export { kinds, kindOf } from './kinds.ts';
export { sudoku, solveSudoku, formatSudokuCells } from './sudoku.ts';
export { maze, formatMazeCells } from './maze.ts';
export { arc, formatArcGrid } from './arc.ts';
export { encodeArcGrid, decodeArcGrid } from './arc-tokens.ts';
export { countSolutions } from './sudoku-solver.ts';
export { shortestRoute, solveMaze, type MazeRoute, MAX_MAZE_SIZE } from './maze-solver.ts';
export { generateSudoku, shuffleSudoku, type SudokuGeneratorOptions } from './sudoku-generator.ts';
export { generateMaze, type MazeGeneratorOptions, type MazeStyle } from './maze-generator.ts';
export { seededRandom, shuffle, randomInt, type Random } from './random.ts';
export { detectFormat, type FileFormat } from './detect.ts';
export { sourceLabel } from './entries.ts';
export { parsePuzzleText, type SolutionsText } from './parse-text.ts';
export { readPuzzleFile, solutionsPathFor, DEFAULT_MAX_BYTES, type ReadOptions } from './read-file.ts';
