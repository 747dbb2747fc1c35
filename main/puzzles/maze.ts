// The maze kind: square grids up to 30x30. Tokens (TRM.md): 30x30 row-major, 0 pad,
// `# SGo` -> 1..5; a smaller maze sits in the top-left corner, walled in.
import { onlyEntry, plural } from './entries.ts';
import { type Conflict, type PuzzleKind, verdictOf } from './kind.ts';
import { generateMaze } from './maze-generator.ts';
import { distancesFrom, MAX_MAZE_SIZE, shortestRoute, solveMaze } from './maze-solver.ts';
import { CHAR_BY_CELL, readMazeText } from './maze-text.ts';
import type { MazeCell, MazePuzzle, PuzzleSource } from './types.ts';

const TOKEN_CELLS: readonly MazeCell[] = ['wall', 'open', 'start', 'goal', 'path'];
const TOKEN_BY_CELL: Readonly<Record<MazeCell, number>> = { wall: 1, open: 2, start: 3, goal: 4, path: 5 };
const LENGTH = MAX_MAZE_SIZE * MAX_MAZE_SIZE;

function encodeCells(puzzle: MazePuzzle, cells: readonly MazeCell[]): Uint8Array {
  const tokens = new Uint8Array(LENGTH).fill(TOKEN_BY_CELL.wall);
  for (let r = 0; r < puzzle.rows; r++) {
    for (let c = 0; c < puzzle.cols; c++)
      tokens[r * MAX_MAZE_SIZE + c] = TOKEN_BY_CELL[cells[r * puzzle.cols + c] ?? 'wall'];
  }
  return tokens;
}

export function formatMazeCells(puzzle: MazePuzzle, cells: readonly MazeCell[]): string {
  const lines: string[] = [];
  for (let r = 0; r < puzzle.rows; r++) {
    lines.push(
      cells
        .slice(r * puzzle.cols, (r + 1) * puzzle.cols)
        .map((cell) => CHAR_BY_CELL[cell])
        .join(''),
    );
  }
  return lines.join('\n');
}

const cellName = (puzzle: MazePuzzle, cell: number): string =>
  `row ${Math.floor(cell / puzzle.cols) + 1}, column ${(cell % puzzle.cols) + 1}`;

/** The answer compared with the maze itself: every cell but the path must be unchanged. */
function changedCells(puzzle: MazePuzzle, answer: readonly MazeCell[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const throughWalls: number[] = [];
  for (let cell = 0; cell < puzzle.cells.length; cell++) {
    const was = puzzle.cells[cell] as MazeCell;
    const now = answer[cell] as MazeCell;
    if (now === was || (was === 'open' && now === 'path')) continue;
    if (was === 'wall' && now === 'path') throughWalls.push(cell);
    else if (was === 'start' || was === 'goal')
      conflicts.push({ message: `misses ${was === 'start' ? 'S' : 'G'} at ${cellName(puzzle, cell)}`, cells: [cell] });
    else conflicts.push({ message: `changes ${cellName(puzzle, cell)} from ${was} to ${now}`, cells: [cell] });
  }
  if (throughWalls.length > 0) {
    const where = throughWalls
      .slice(0, 3)
      .map((cell) => cellName(puzzle, cell))
      .join('; ');
    conflicts.push({
      message: `walks through ${throughWalls.length === 1 ? 'a wall' : plural(throughWalls.length, 'wall')} at ${where}`,
      cells: throughWalls,
    });
  }
  return conflicts;
}

/** The answer's path: it must join S to G and be no longer than the shortest. */
function pathConflicts(puzzle: MazePuzzle, answer: readonly MazeCell[]): Conflict[] {
  const shortest = shortestRoute(puzzle.rows, puzzle.cols, puzzle.cells);
  if (shortest.steps < 0) return [{ message: 'the maze has no path from S to G', cells: [] }];
  const start = puzzle.cells.indexOf('start');
  const goal = puzzle.cells.indexOf('goal');
  // Only open cells can carry the path; S, G and walls under a path mark are reported above.
  const onPath = (cell: number): boolean => cell === goal || (answer[cell] === 'path' && puzzle.cells[cell] === 'open');
  const distance = distancesFrom(puzzle.rows, puzzle.cols, start, onPath);
  const pathCells: number[] = [];
  for (let cell = 0; cell < answer.length; cell++)
    if (answer[cell] === 'path' && puzzle.cells[cell] === 'open') pathCells.push(cell);
  if (distance[goal] === -1) {
    const cut = pathCells.filter((cell) => distance[cell] === -1);
    return [
      { message: `the path is broken: it does not lead from S to G (${pathCells.length} path cells)`, cells: cut },
    ];
  }
  const steps = pathCells.length + 1;
  if (steps > shortest.steps) {
    return [{ message: `the path marks ${steps} steps, the shortest takes ${shortest.steps}`, cells: pathCells }];
  }
  return [];
}

export const maze = {
  id: 'maze',
  tokens: { length: LENGTH, vocabulary: 6 },
  parse: (text: string, source: PuzzleSource) => onlyEntry(readMazeText(text, source.file), source, 'maze'),
  format: (puzzle: MazePuzzle) => formatMazeCells(puzzle, puzzle.cells),
  formatAnswer: (puzzle: MazePuzzle, answer: readonly MazeCell[]) => formatMazeCells(puzzle, answer),
  encode: (puzzle: MazePuzzle) => encodeCells(puzzle, puzzle.cells),
  encodeAnswer: (puzzle: MazePuzzle, answer: readonly MazeCell[]) => encodeCells(puzzle, answer),
  decode(puzzle: MazePuzzle, tokens: ArrayLike<number>): MazeCell[] {
    const cells = new Array<MazeCell>(puzzle.rows * puzzle.cols);
    for (let r = 0; r < puzzle.rows; r++) {
      for (let c = 0; c < puzzle.cols; c++)
        cells[r * puzzle.cols + c] = TOKEN_CELLS[(tokens[r * MAX_MAZE_SIZE + c] ?? 0) - 1] ?? 'open';
    }
    return cells;
  },
  verify(puzzle: MazePuzzle, answer: readonly MazeCell[]) {
    if (answer.length !== puzzle.cells.length) {
      return verdictOf([
        { message: `the answer has ${answer.length} cells, the maze ${puzzle.cells.length}`, cells: [] },
      ]);
    }
    return verdictOf([...changedCells(puzzle, answer), ...pathConflicts(puzzle, answer)]);
  },
  solve: solveMaze,
  generate: generateMaze,
  expectedAnswer: (puzzle: MazePuzzle) => puzzle.solution,
} satisfies PuzzleKind<MazePuzzle, readonly MazeCell[]>;
