// Telling what a file holds from its content, not its name.
import { isPuzzleCsvHeader } from './puzzle-csv.ts';

export type FileFormat = 'arc-json' | 'csv' | 'sudoku-text' | 'maze-text';

/** Lines looked at to tell mazes from Sudoku: enough to outvote comments and stray lines. */
const SAMPLE_LINES = 200;
/** Characters those lines may span: long enough for 200 CSV rows with solutions. */
const SAMPLE_CHARS = 200 * 256;

/** Sudoku comment lines start with `#`; maze rows do too, so this only skips what cannot be a CSV header. */
const firstDataLine = (lines: readonly string[]): string | undefined =>
  lines.find((line) => line.trim() !== '' && !line.startsWith('#'));

export function detectFormat(text: string): FileFormat | null {
  const start = text.search(/\S/);
  if (start < 0) return null;
  if (text[start] === '{' || text[start] === '[') return 'arc-json';
  const lines = text.slice(start, start + SAMPLE_CHARS).split('\n', SAMPLE_LINES);
  if (isPuzzleCsvHeader(firstDataLine(lines) ?? '')) return 'csv';
  let mazeRows = 0;
  let digitRows = 0;
  for (const line of lines) {
    if (/^[#. SGo\r]+$/.test(line) && /[#SG]/.test(line)) mazeRows++;
    else if (/[0-9]/.test(line) && !line.startsWith('#')) digitRows++;
  }
  if (mazeRows === 0 && digitRows === 0)
    return /^[\s.\-_|+]+$/.test(text.slice(start, start + SAMPLE_CHARS)) ? 'sudoku-text' : null;
  return mazeRows > digitRows ? 'maze-text' : 'sudoku-text';
}
