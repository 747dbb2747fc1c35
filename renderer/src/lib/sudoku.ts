// Sudoku as the editor sees it: 81 cells row-major, 0 blank, 1..9 digits.
export const SUDOKU_CELLS = 81;

export const emptySudoku = (): number[] => new Array<number>(SUDOKU_CELLS).fill(0);

/** Every cell whose digit repeats in its row, column or box: checked on each keystroke. */
export function sudokuConflicts(cells: readonly number[]): Set<number> {
  const conflicts = new Set<number>();
  const units: number[][] = [];
  for (let i = 0; i < 9; i++) {
    const row: number[] = [];
    const col: number[] = [];
    const box: number[] = [];
    for (let j = 0; j < 9; j++) {
      row.push(i * 9 + j);
      col.push(j * 9 + i);
      box.push((Math.floor(i / 3) * 3 + Math.floor(j / 3)) * 9 + (i % 3) * 3 + (j % 3));
    }
    units.push(row, col, box);
  }
  for (const unit of units) {
    const seen = new Map<number, number>();
    for (const cell of unit) {
      const digit = cells[cell] ?? 0;
      if (digit === 0) continue;
      const first = seen.get(digit);
      if (first === undefined) seen.set(digit, cell);
      else conflicts.add(first).add(cell);
    }
  }
  return conflicts;
}

/**
 * An 81-cell line or a drawn grid: digits are cells, `.` `0` `_` are blanks, and the
 * grid's rulers (`|`, `-`, `+`, spaces, line breaks) are ignored. Null when it is not 81 cells.
 */
export function readSudokuText(text: string): number[] | null {
  const cells = text.replace(/[\s|+\-=]/g, '');
  if (!/^[0-9._]{81}$/.test(cells)) return null;
  return [...cells].map((ch) => (ch >= '1' && ch <= '9' ? Number(ch) : 0));
}

export function formatSudoku(cells: readonly number[]): string {
  return cells.map((digit) => (digit === 0 ? '.' : String(digit))).join('');
}

/** History keeps the model's tokens: 1 is a blank, t >= 2 the digit t - 1. */
export function sudokuFromTokens(tokens: readonly number[]): number[] {
  return tokens.slice(0, SUDOKU_CELLS).map((t) => (t >= 2 && t <= 10 ? t - 1 : 0));
}

export const countFilled = (cells: readonly number[]): number => cells.filter((d) => d !== 0).length;
