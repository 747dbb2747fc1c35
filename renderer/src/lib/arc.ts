// ARC answers as the model writes them: tokens on a 30x30 grid (0 pad, 1 end of grid,
// 2..11 the colours 0..9), read back as the grid they hold.
import type { ArcGrid } from '../../../main/puzzles/types.ts';
import { MODEL_WIDTH as SIDE } from './model-grid.ts';

const COLOUR_OFFSET = 2;
const isColour = (token: number | undefined): boolean =>
  token !== undefined && token >= COLOUR_OFFSET && token < COLOUR_OFFSET + 10;

/**
 * History keeps the model's tokens: the grid is the largest rectangle of colours anchored at the
 * top-left corner (what the core's decodeArcGrid reads, so the replay draws what was checked).
 */
export function arcFromTokens(tokens: readonly number[]): number[][] {
  let width = SIDE;
  let best = { rows: 0, cols: 0 };
  for (let r = 0; r < SIDE && width > 0; r++) {
    let run = 0;
    while (run < width && isColour(tokens[r * SIDE + run])) run++;
    width = run;
    if ((r + 1) * width > best.rows * best.cols) best = { rows: r + 1, cols: width };
  }
  return Array.from({ length: best.rows }, (_, r) =>
    Array.from({ length: best.cols }, (_, c) => (tokens[r * SIDE + c] as number) - COLOUR_OFFSET),
  );
}

/** The engine streams an ARC step's answer as a grid; anything else is not one yet. */
export const asArcGrid = (answer: unknown): ArcGrid | null =>
  Array.isArray(answer) && Array.isArray(answer[0]) ? (answer as ArcGrid) : null;
