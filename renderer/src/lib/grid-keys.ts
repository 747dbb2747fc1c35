// Moving the focused cell of a rows x cols grid with the keyboard, as a spreadsheet does.

/** The cell a key moves to, or null when the key is not a move (or would leave the grid). */
export function moveInGrid(index: number, key: string, rows: number, cols: number, shift = false): number | null {
  const r = Math.floor(index / cols);
  const c = index % cols;
  const last = rows * cols - 1;
  switch (key) {
    case 'ArrowUp':
      return r > 0 ? index - cols : null;
    case 'ArrowDown':
      return r < rows - 1 ? index + cols : null;
    case 'ArrowLeft':
      return c > 0 ? index - 1 : null;
    case 'ArrowRight':
      return c < cols - 1 ? index + 1 : null;
    case 'Home':
      return r * cols;
    case 'End':
      return r * cols + cols - 1;
    // Tab walks the cells in reading order; past either end it leaves the grid as usual.
    case 'Tab':
      if (shift) return index > 0 ? index - 1 : null;
      return index < last ? index + 1 : null;
    default:
      return null;
  }
}
