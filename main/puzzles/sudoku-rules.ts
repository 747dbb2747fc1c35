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

/** Quick test before the detailed one: most grids have no repeats. */
function hasRepeatedDigit(cells: SudokuCells): boolean {
  const seen = new Uint16Array(27);
  for (let cell = 0; cell < CELLS; cell++) {
    const digit = cells[cell] as number;
    if (digit === 0) continue;
    const bit = 1 << (digit - 1);
    const row = rowOf(cell);
    const col = 9 + colOf(cell);
    const box = 18 + boxOf(cell);
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
  if (answer.length !== CELLS) return [{ message: `the answer has ${answer.length} cells, expected ${CELLS}`, cells: [] }];
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
