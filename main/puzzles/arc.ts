// The ARC kind: a task's demonstration pairs and one test input; the answer is the output
// grid. Tokens (TRM.md): 30x30 row-major, 0 pad, 1 end-of-grid marker on the row below and
// the column right of the grid, 2..11 colours 0..9.
import { onlyEntry } from './entries.ts';
import { type Conflict, type PuzzleKind, verdictOf } from './kind.ts';
import { MAX_ARC_SIZE, readArcJson } from './arc-json.ts';
import type { ArcGrid, ArcPuzzle, PuzzleSource } from './types.ts';

const PAD = 0;
const END_OF_GRID = 1;
const COLOUR_OFFSET = 2;
const LENGTH = MAX_ARC_SIZE * MAX_ARC_SIZE;

export function encodeArcGrid(grid: ArcGrid): Uint8Array {
  const tokens = new Uint8Array(LENGTH).fill(PAD);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) tokens[r * MAX_ARC_SIZE + c] = (grid[r]?.[c] ?? 0) + COLOUR_OFFSET;
    if (cols < MAX_ARC_SIZE) tokens[r * MAX_ARC_SIZE + cols] = END_OF_GRID;
  }
  if (rows < MAX_ARC_SIZE) tokens.fill(END_OF_GRID, rows * MAX_ARC_SIZE, rows * MAX_ARC_SIZE + cols);
  return tokens;
}

const isColour = (token: number | undefined): boolean =>
  token !== undefined && token >= COLOUR_OFFSET && token < COLOUR_OFFSET + 10;

/**
 * The grid a model wrote: the largest rectangle of colours anchored at the top-left corner,
 * which is where the end-of-grid markers (or any other non-colour) cut it off.
 */
export function decodeArcGrid(tokens: ArrayLike<number>): number[][] {
  let width = MAX_ARC_SIZE;
  let best = { rows: 0, cols: 0 };
  for (let r = 0; r < MAX_ARC_SIZE && width > 0; r++) {
    let run = 0;
    while (run < width && isColour(tokens[r * MAX_ARC_SIZE + run])) run++;
    width = run;
    if ((r + 1) * width > best.rows * best.cols) best = { rows: r + 1, cols: width };
  }
  const grid: number[][] = [];
  for (let r = 0; r < best.rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < best.cols; c++) row.push((tokens[r * MAX_ARC_SIZE + c] as number) - COLOUR_OFFSET);
    grid.push(row);
  }
  return grid;
}

const shape = (grid: ArcGrid): string => `${grid.length}x${grid[0]?.length ?? 0}`;

function gridConflicts(expected: ArcGrid, answer: ArcGrid): Conflict[] {
  const cols = expected[0]?.length ?? 0;
  if (answer.length !== expected.length || answer.some((row) => row.length !== cols)) {
    return [{ message: `the answer is ${shape(answer)}, expected ${shape(expected)}`, cells: [] }];
  }
  const conflicts: Conflict[] = [];
  for (let r = 0; r < expected.length; r++) {
    for (let c = 0; c < cols; c++) {
      const want = expected[r]?.[c];
      const got = answer[r]?.[c];
      if (got !== want)
        conflicts.push({ message: `row ${r + 1}, column ${c + 1} is ${got}, expected ${want}`, cells: [r * cols + c] });
    }
  }
  return conflicts;
}

export const formatArcGrid = (grid: ArcGrid): string => grid.map((row) => row.join('')).join('\n');

export const arc = {
  id: 'arc',
  tokens: { length: LENGTH, vocabulary: 12 },
  /** Reads an ARC task JSON that asks for exactly one test output. */
  parse: (text: string, source: PuzzleSource) => onlyEntry(readArcJson(text, source.file), source, 'ARC test input'),
  format: (puzzle: ArcPuzzle) => JSON.stringify({ train: puzzle.train, test: [puzzle.test] }),
  formatAnswer: (_puzzle: ArcPuzzle, answer: ArcGrid) => formatArcGrid(answer),
  encode: (puzzle: ArcPuzzle) => encodeArcGrid(puzzle.test.input),
  encodeAnswer: (_puzzle: ArcPuzzle, answer: ArcGrid) => encodeArcGrid(answer),
  decode: (_puzzle: ArcPuzzle, tokens: ArrayLike<number>): ArcGrid => decodeArcGrid(tokens),
  verify(puzzle: ArcPuzzle, answer: ArcGrid) {
    const expected = puzzle.test.output;
    if (expected === undefined)
      return verdictOf([{ message: 'no expected output is known for this test input', cells: [] }]);
    return verdictOf(gridConflicts(expected, answer));
  },
  /** ARC has no cheap reference solver. */
  solve: () => null,
  expectedAnswer: (puzzle: ArcPuzzle) => puzzle.test.output,
} satisfies PuzzleKind<ArcPuzzle, ArcGrid>;
