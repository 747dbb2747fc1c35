// Sudoku files: one puzzle per line (81 cells, optionally a separator and the 81-digit
// solution) or 9x9 grid blocks separated by blank lines. `#` starts a comment line.
import { addEntry, describeConflicts, emptyEntries, type Entries, fileError } from './entries.ts';
import { CELLS, SIZE } from './sudoku-geometry.ts';
import { givenConflicts } from './sudoku-rules.ts';
import { forEachLine, showChar, skipBlanks, trimEnd } from './text-lines.ts';
import type { PuzzleFileError, PuzzleSource, SudokuPuzzle } from './types.ts';

/** Cell value by character code: 1..9 digits, 0 for the blank marks `0 . - _`, -1 otherwise. */
const CELL_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (const blank of '0.-_') table[blank.charCodeAt(0)] = 0;
  for (let d = 1; d <= 9; d++) table[48 + d] = d;
  return table;
})();

const cellValue = (code: number): number => (code < 128 ? (CELL_VALUE[code] as number) : -1);

/** `,` `;` `|` tab and space may sit between a puzzle and its solution. */
const isSeparator = (code: number): boolean => code === 44 || code === 59 || code === 124 || code === 9 || code === 32;

type Cells = number[] | PuzzleFileError;

/**
 * Reads 81 cells starting at `from`; returns the cells and where they stopped, or an
 * error. `what` names the field in messages ("puzzle", "solution").
 */
function readCells(
  text: string,
  from: number,
  end: number,
  lineStart: number,
  source: PuzzleSource,
  what: string,
): { cells: Cells; next: number } {
  // Preallocated at its exact size: arrays grown by push reserve half as much again, and a
  // 100,000-line file keeps them all, so the reader would run at half the speed.
  const cells = new Array<number>(CELLS);
  let i = from;
  for (; i < end && i - from < CELLS; i++) {
    const value = cellValue(text.charCodeAt(i));
    if (value < 0) break;
    cells[i - from] = value;
  }
  let count = i - from;
  while (i < end && cellValue(text.charCodeAt(i)) >= 0) {
    i++;
    count++;
  }
  const stop = i < end ? text.charCodeAt(i) : -1;
  if (stop >= 0 && !isSeparator(stop)) {
    return {
      cells: fileError(source, `${what}: invalid character ${showChar(text.charAt(i))} at column ${i - lineStart + 1}`),
      next: i,
    };
  }
  if (count !== CELLS)
    return { cells: fileError(source, `${what}: wrong length, ${count} cells instead of ${CELLS}`), next: i };
  return { cells, next: i };
}

/** One puzzle line: the 81 cells, then optionally separators and the solution. */
function readLine(text: string, start: number, end: number, source: PuzzleSource): SudokuPuzzle | PuzzleFileError {
  const puzzle = readCells(text, skipBlanks(text, start, end), end, start, source, 'puzzle');
  if (!Array.isArray(puzzle.cells)) return puzzle.cells;
  let i = puzzle.next;
  if (i === end) return { kind: 'sudoku', source, givens: puzzle.cells };
  while (i < end && isSeparator(text.charCodeAt(i))) i++;
  const solution = readCells(text, i, end, start, source, 'solution');
  if (!Array.isArray(solution.cells)) return solution.cells;
  if (solution.next !== end) {
    return fileError(
      source,
      `solution: unexpected ${showChar(text.charAt(solution.next))} at column ${solution.next - start + 1}`,
    );
  }
  return { kind: 'sudoku', source, givens: puzzle.cells, solution: solution.cells };
}

/** A line of dashes, pluses and bars between the rows of a grid block. */
function isRule(row: string): boolean {
  return /^[-+=|]+$/.test(row) && (row.length !== SIZE || /[+=|]/.test(row));
}

/** Reads the rows of one block; the first problem found is the block's error. */
function readBlock(
  rows: readonly { text: string; line: number }[],
  source: PuzzleSource,
): SudokuPuzzle | PuzzleFileError {
  const givens: number[] = [];
  for (const row of rows) {
    const cells = row.text.replace(/[|\s]/g, '');
    const at = { ...source, line: row.line };
    for (let i = 0; i < cells.length; i++) {
      if (cellValue(cells.charCodeAt(i)) < 0)
        return fileError(at, `invalid character ${showChar(cells.charAt(i))} in the grid row`);
    }
    if (cells.length !== SIZE) return fileError(at, `grid row has ${cells.length} cells instead of ${SIZE}`);
    for (let i = 0; i < SIZE; i++) givens.push(cellValue(cells.charCodeAt(i)));
  }
  if (rows.length !== SIZE) return fileError(source, `grid block has ${rows.length} rows instead of ${SIZE}`);
  return { kind: 'sudoku', source, givens };
}

/** Givens that already break a rule make the puzzle an error. */
function checkGivens(entry: SudokuPuzzle | PuzzleFileError): SudokuPuzzle | PuzzleFileError {
  if ('message' in entry) return entry;
  const conflicts = givenConflicts(entry.givens);
  return conflicts.length === 0
    ? entry
    : fileError(entry.source, `the givens conflict: ${describeConflicts(conflicts)}`);
}

/** 81 cells filling a whole field, or the error. */
function readField(text: string, source: PuzzleSource, name: string): number[] | PuzzleFileError {
  const read = readCells(text, 0, text.length, 0, source, name);
  if (!Array.isArray(read.cells) || read.next === text.length) return read.cells;
  return fileError(source, `${name}: unexpected ${showChar(text.charAt(read.next))} at column ${read.next + 1}`);
}

/** A puzzle from separate fields (CSV columns); `names` label them in messages. */
export function sudokuFromFields(
  puzzle: string,
  solution: string | undefined,
  source: PuzzleSource,
  names: [string, string],
): SudokuPuzzle | PuzzleFileError {
  const givens = readField(puzzle, source, names[0]);
  if (!Array.isArray(givens)) return givens;
  if (solution === undefined) return checkGivens({ kind: 'sudoku', source, givens });
  const answer = readField(solution, source, names[1]);
  if (!Array.isArray(answer)) return answer;
  return checkGivens({ kind: 'sudoku', source, givens, solution: answer });
}

/** Lines mode when the first data line is long: grid rows are at most about 25 characters. */
const LINE_MODE_MIN_LENGTH = 40;

export function readSudokuText(text: string, file: string): Entries<SudokuPuzzle> {
  const entries = emptyEntries<SudokuPuzzle>();
  const add = (entry: SudokuPuzzle | PuzzleFileError): void => addEntry(entries, checkGivens(entry));
  let mode: 'lines' | 'blocks' | null = null;
  let block: { text: string; line: number }[] = [];
  const endBlock = (): void => {
    if (block.length === 0) return;
    add(readBlock(block, { file, line: block[0]?.line ?? 0, index: entries.count }));
    block = [];
  };
  forEachLine(text, (start, lineEnd, line) => {
    const end = trimEnd(text, start, lineEnd);
    const first = skipBlanks(text, start, end);
    if (first === end) {
      endBlock();
      return;
    }
    if (text.charCodeAt(first) === 35 /* # */) return;
    mode ??= end - first >= LINE_MODE_MIN_LENGTH ? 'lines' : 'blocks';
    if (mode === 'lines') {
      add(readLine(text, start, end, { file, line, index: entries.count }));
      return;
    }
    const row = text.slice(first, end);
    if (!isRule(row.replace(/\s/g, ''))) block.push({ text: row, line });
  });
  endBlock();
  return entries;
}
