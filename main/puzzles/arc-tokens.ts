// ARC grids in the model's token layout (TRM.md): 30x30 row-major, 0 pad, 1 end-of-grid marker
// on the row below and the column right of the grid, 2..11 the colours 0..9. No runtime imports, so
// the renderer reads history's tokens with the very code the core checked them with.
import type { ArcGrid } from './types.ts';

/** The largest ARC grid, and the side of the model's square. */
export const MAX_ARC_SIZE = 30;
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
