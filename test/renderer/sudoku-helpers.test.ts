import { describe, expect, it } from 'vitest';
import { moveInGrid } from '../../renderer/src/lib/grid-keys.ts';
import { formatSudoku, readSudokuText, sudokuConflicts, sudokuFromTokens } from '../../renderer/src/lib/sudoku.ts';

const line = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';

describe('Sudoku helpers', () => {
  it('finds repeats in rows, columns and boxes, marking both cells', () => {
    const cells = readSudokuText(line) ?? [];
    expect(sudokuConflicts(cells).size).toBe(0);
    cells[2] = 5; // row 1 already has a 5
    expect([...sudokuConflicts(cells)].sort((a, b) => a - b)).toEqual([0, 2]);
    cells[2] = 0;
    cells[10] = 9; // row 2 has a 9 in column 5, and box 1 one in row 3
    expect([...sudokuConflicts(cells)].sort((a, b) => a - b)).toEqual([10, 13, 19]);
  });

  it('reads a line or a drawn grid, and refuses anything that is not 81 cells', () => {
    const grid = [
      '5 3 . | . 7 . | . . .',
      '6 . . | 1 9 5 | . . .',
      '. 9 8 | . . . | . 6 .',
      '------+-------+------',
      '8 . . | . 6 . | . . 3',
      '4 . . | 8 . 3 | . . 1',
      '7 . . | . 2 . | . . 6',
      '------+-------+------',
      '. 6 . | . . . | 2 8 .',
      '. . . | 4 1 9 | . . 5',
      '. . . | . 8 . | . 7 9',
    ].join('\n');
    expect(formatSudoku(readSudokuText(grid) ?? [])).toBe(line);
    expect(formatSudoku(readSudokuText(line.replaceAll('.', '0')) ?? [])).toBe(line);
    expect(readSudokuText(line.slice(1))).toBeNull();
    expect(readSudokuText(line.replace('5', 'x'))).toBeNull();
  });

  it('turns history tokens back into digits: 1 is blank, t is the digit t - 1', () => {
    expect(sudokuFromTokens([1, 2, 10, 0, 5])).toEqual([0, 1, 9, 0, 4]);
  });
});

describe('moving in a grid', () => {
  it('moves with arrows inside the grid and stops at its edges', () => {
    expect(moveInGrid(0, 'ArrowRight', 9, 9)).toBe(1);
    expect(moveInGrid(0, 'ArrowDown', 9, 9)).toBe(9);
    expect(moveInGrid(0, 'ArrowUp', 9, 9)).toBeNull();
    expect(moveInGrid(8, 'ArrowRight', 9, 9)).toBeNull();
    expect(moveInGrid(40, 'Home', 9, 9)).toBe(36);
    expect(moveInGrid(40, 'End', 9, 9)).toBe(44);
  });

  it('walks in reading order with Tab and lets Tab leave at either end', () => {
    expect(moveInGrid(8, 'Tab', 9, 9)).toBe(9);
    expect(moveInGrid(9, 'Tab', 9, 9, true)).toBe(8);
    expect(moveInGrid(80, 'Tab', 9, 9)).toBeNull();
    expect(moveInGrid(0, 'Tab', 9, 9, true)).toBeNull();
    expect(moveInGrid(3, 'a', 9, 9)).toBeNull();
  });
});
