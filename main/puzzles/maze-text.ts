// Maze text: square grids of `#` wall, space or `.` open, `S` start, `G` goal and `o`
// path (a grid with `o` cells carries its own solution), separated by blank lines.
import { emptyEntries, type Entries, fileError } from './entries.ts';
import { MAX_MAZE_SIZE } from './maze-solver.ts';
import { forEachLine, showChar } from './text-lines.ts';
import type { MazeCell, MazePuzzle, PuzzleFileError, PuzzleSource } from './types.ts';

const CELL_BY_CHAR: Readonly<Record<string, MazeCell>> = {
  '#': 'wall',
  ' ': 'open',
  '.': 'open',
  S: 'start',
  G: 'goal',
  o: 'path',
};
export const CHAR_BY_CELL: Readonly<Record<MazeCell, string>> = {
  wall: '#',
  open: ' ',
  start: 'S',
  goal: 'G',
  path: 'o',
};

export interface MazeRow {
  text: string;
  /** The row's line in the file, for error messages. */
  line: number;
}

function countOf(cells: readonly MazeCell[], cell: MazeCell): number {
  let n = 0;
  for (const c of cells) if (c === cell) n++;
  return n;
}

/** Builds a maze from its rows, or says precisely what is wrong with them. */
export function mazeFromRows(rows: readonly MazeRow[], source: PuzzleSource): MazePuzzle | PuzzleFileError {
  const width = rows[0]?.text.length ?? 0;
  // Before reading cells, so that a huge block costs nothing.
  if (rows.length > MAX_MAZE_SIZE || width > MAX_MAZE_SIZE) {
    return fileError(source, `the maze is ${rows.length}x${width}, larger than ${MAX_MAZE_SIZE}x${MAX_MAZE_SIZE}`);
  }
  const cells: MazeCell[] = [];
  for (const [r, row] of rows.entries()) {
    const at = row.line > 0 ? { ...source, line: row.line } : source;
    if (row.text.length !== width) {
      return fileError(at, `ragged grid: row ${r + 1} has ${row.text.length} cells, row 1 has ${width}`);
    }
    for (let c = 0; c < width; c++) {
      const cell = CELL_BY_CHAR[row.text.charAt(c)];
      if (cell === undefined)
        return fileError(at, `invalid character ${showChar(row.text.charAt(c))} at row ${r + 1}, column ${c + 1}`);
      cells.push(cell);
    }
  }
  if (rows.length !== width) return fileError(source, `the maze is not square: ${rows.length} rows of ${width} cells`);
  for (const [cell, letter] of [
    ['start', 'S'],
    ['goal', 'G'],
  ] as const) {
    const n = countOf(cells, cell);
    if (n !== 1) return fileError(source, `the maze has ${n} ${letter} (${cell}) cells, expected exactly one`);
  }
  const puzzle: MazePuzzle = {
    kind: 'maze',
    source,
    rows: width,
    cols: width,
    cells: cells.map((c) => (c === 'path' ? 'open' : c)),
  };
  return cells.includes('path') ? { ...puzzle, solution: cells } : puzzle;
}

/** A comment line: `#` then a word, with characters no maze row may hold. */
const isComment = (line: string): boolean => line.startsWith('#') && /[A-Za-z]{2}/.test(line) && /[^#. SGo]/.test(line);

export function readMazeText(text: string, file: string): Entries<MazePuzzle> {
  const entries = emptyEntries<MazePuzzle>();
  let block: MazeRow[] = [];
  const endBlock = (): void => {
    if (block.length === 0) return;
    const maze = mazeFromRows(block, { file, line: block[0]?.line ?? 0, index: entries.count++ });
    if ('message' in maze) entries.errors.push(maze);
    else entries.puzzles.push(maze);
    block = [];
  };
  forEachLine(text, (start, end, line) => {
    const row = text.slice(start, end);
    if (row.trim() === '') endBlock();
    else if (!isComment(row)) block.push({ text: row, line });
  });
  endBlock();
  return entries;
}
