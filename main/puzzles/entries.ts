// What a reader returns for one file: the puzzles it could read and an error for each
// entry it could not. Both carry `source.index`, the entry's position in the file, so a
// separate solutions file can be matched entry by entry.
import type { Conflict } from './kind.ts';
import type { Puzzle, PuzzleFileError, PuzzleSource } from './types.ts';

export interface Entries<P extends Puzzle> {
  puzzles: P[];
  errors: PuzzleFileError[];
  /** Entries seen, read or not. */
  count: number;
}

export function emptyEntries<P extends Puzzle>(): Entries<P> {
  return { puzzles: [], errors: [], count: 0 };
}

/** Conflicts as one error line: the first few in full, then how many more. */
export function describeConflicts(conflicts: readonly Conflict[], shown = 3): string {
  const head = conflicts.slice(0, shown).map((c) => c.message);
  const more = conflicts.length - head.length;
  return head.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Counts an entry and files it as a puzzle or an error. */
export function addEntry<P extends Puzzle>(entries: Entries<P>, entry: P | PuzzleFileError): void {
  entries.count++;
  if ('message' in entry) entries.errors.push(entry);
  else entries.puzzles.push(entry);
}

/** `1 cell`, `2 cells`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function fileError(source: PuzzleSource, message: string): PuzzleFileError {
  return { source, message };
}

/** The single entry of a text that should hold exactly one puzzle. */
export function onlyEntry<P extends Puzzle>(
  entries: Entries<P>,
  source: PuzzleSource,
  what: string,
): P | PuzzleFileError {
  const [first] = entries.errors.length > 0 ? entries.errors : entries.puzzles;
  if (entries.count !== 1 || first === undefined)
    return fileError(source, `expected one ${what}, found ${entries.count}`);
  return first;
}

/** Where a puzzle or error sits, as editors and terminals link it: `file:line`, `file test[0]`, or `file#3`. */
export function sourceLabel(source: PuzzleSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.jsonPath !== undefined) return `${source.file} ${source.jsonPath}`;
  return source.index !== undefined ? `${source.file}#${source.index + 1}` : source.file;
}
