import type { ParsedFile } from '../../../main/puzzles/types.ts';

const kindNames = { sudoku: 'Sudoku', maze: 'maze', arc: 'ARC task' } as const;

/** "2 Sudoku puzzles read, 1 problem" — what a person wants to know first. */
export function summariseParse(parsed: ParsedFile): string {
  const count = parsed.puzzles.length;
  const noun = parsed.kind ? kindNames[parsed.kind] : 'puzzle';
  const read = `${count} ${noun}${count === 1 ? '' : 's'} read`;
  const problems = parsed.errors.length;
  return problems === 0 ? read : `${read}, ${problems} problem${problems === 1 ? '' : 's'}`;
}
