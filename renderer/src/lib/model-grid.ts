// Mazes and ARC grids are written by the model on a 30x30 grid, a smaller one in its top-left
// corner; the engine reports a step's changed cells and confidence by position on that grid
// (as history's tokens are).

/** The width of the model's grid (and its height). */
export const MODEL_WIDTH = 30;

/** A step's changed positions and confidence on the model's grid, as the same facts by the cells of a rows x cols grid. */
export function stepCellsOnGrid(
  changed: readonly number[],
  confidence: readonly number[] | null,
  rows: number,
  cols: number,
): { changed: number[]; confidence: number[] | null } {
  const cellOf = (position: number): number | null => {
    const r = Math.floor(position / MODEL_WIDTH);
    const c = position % MODEL_WIDTH;
    return r < rows && c < cols ? r * cols + c : null;
  };
  const byCell = confidence
    ? Array.from({ length: rows * cols }, (_, i) => confidence[Math.floor(i / cols) * MODEL_WIDTH + (i % cols)] ?? 1)
    : null;
  return { changed: changed.flatMap((p) => cellOf(p) ?? []), confidence: byCell };
}
