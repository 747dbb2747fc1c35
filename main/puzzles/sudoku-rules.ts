// What makes a Sudoku answer wrong, spelled out cell by cell.
import type { Conflict } from './kind.ts';
import { boxOf, CELLS, cellName, colOf, rowOf, UNITS } from './sudoku-geometry.ts';
import type { SudokuCells } from './types.ts';

/** One conflict per digit that appears more than once in a row, column or box. */
export function repeatedDigits(cells: SudokuCells): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const unit of UNITS) {
    for (let digit = 1; digit <= 9; digit++) {
      const at = unit.cells.filter((cell) => cells[cell] === digit);
      if (at.length > 1) {
        conflicts.push({ message: `${unit.name} repeats ${digit} at ${at.map(cellName).join(', ')}`, cells: at });
      }
    }
  }
  return conflicts;
}

/** The three units of each cell: CELL_UNITS[3c .. 3c+2] are its row, column and box. */
const CELL_UNITS = Uint8Array.from({ length: CELLS * 3 }, (_, i) => {
  const cell = Math.floor(i / 3);
  return [rowOf(cell), 9 + colOf(cell), 18 + boxOf(cell)][i % 3] as number;
});
const seen = new Uint16Array(27);

/** Quick test before the detailed one: most grids have no repeats. Files are read at memory speed, so it allocates nothing. */
function hasRepeatedDigit(cells: SudokuCells): boolean {
  seen.fill(0);
  for (let cell = 0; cell < CELLS; cell++) {
    const digit = cells[cell] as number;
    if (digit === 0) continue;
    const bit = 1 << (digit - 1);
    const row = CELL_UNITS[cell * 3] as number;
    const col = CELL_UNITS[cell * 3 + 1] as number;
    const box = CELL_UNITS[cell * 3 + 2] as number;
    if (((seen[row] as number) | (seen[col] as number) | (seen[box] as number)) & bit) return true;
    seen[row] = (seen[row] as number) | bit;
    seen[col] = (seen[col] as number) | bit;
    seen[box] = (seen[box] as number) | bit;
  }
  return false;
}

/** The conflicts already present among the givens of a puzzle (none for a proper one). */
export function givenConflicts(givens: SudokuCells): Conflict[] {
  return hasRepeatedDigit(givens) ? repeatedDigits(givens) : [];
}

/** Every way `answer` fails to be a completed grid that keeps the givens. */
export function sudokuConflicts(givens: SudokuCells, answer: SudokuCells): Conflict[] {
  if (answer.length !== CELLS)
    return [{ message: `the answer has ${answer.length} cells, expected ${CELLS}`, cells: [] }];
  const conflicts: Conflict[] = [];
  for (let cell = 0; cell < CELLS; cell++) {
    const digit = answer[cell] as number;
    const given = givens[cell] as number;
    if (!(digit >= 1 && digit <= 9 && Number.isInteger(digit))) {
      conflicts.push({ message: `${cellName(cell)} is empty`, cells: [cell] });
    } else if (given !== 0 && digit !== given) {
      conflicts.push({ message: `${cellName(cell)} changes the given ${given} to ${digit}`, cells: [cell] });
    }
  }
  conflicts.push(...givenConflicts(answer));
  return conflicts;
}
