// From a file's text to puzzles and precise errors. Pure: the CLI, the server and the
// Electron shell share it; reading files from disk is read-file.ts's job.
import { readArcJson, readArcSolutions } from './arc-json.ts';
import { detectFormat } from './detect.ts';
import { describeConflicts, type Entries, fileError } from './entries.ts';
import { kindOf } from './kinds.ts';
import { readMazeText } from './maze-text.ts';
import { readPuzzleCsv } from './puzzle-csv.ts';
import { readSudokuText } from './sudoku-text.ts';
import type { ParsedFile, Puzzle, PuzzleKindId } from './types.ts';

/** A separate file of solutions for the puzzles, in the same order (or, for ARC, by task id). */
export interface SolutionsText {
  text: string;
  fileName: string;
}

type GridPuzzle = Exclude<Puzzle, { kind: 'arc' }>;

function readGridText(
  text: string,
  file: string,
  format: 'csv' | 'sudoku-text' | 'maze-text',
): { kind: PuzzleKindId | null; entries: Entries<GridPuzzle> } {
  if (format === 'csv') return readPuzzleCsv(text, file);
  return format === 'maze-text'
    ? { kind: 'maze', entries: readMazeText(text, file) }
    : { kind: 'sudoku', entries: readSudokuText(text, file) };
}

/** A byte-order mark some editors put first; pasted text may still carry one. */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Gives each puzzle the solution at its position in the solutions file. */
function attachSolutions(entries: Entries<GridPuzzle>, solutions: SolutionsText, kind: PuzzleKindId | null): void {
  const text = withoutBom(solutions.text);
  const format = detectFormat(text);
  const read = format === null || format === 'arc-json' ? null : readGridText(text, solutions.fileName, format);
  if (read === null || read.kind !== kind) {
    entries.errors.push(fileError({ file: solutions.fileName }, `not a ${kind ?? 'puzzle'} solutions file`));
    return;
  }
  entries.errors.push(...read.entries.errors);
  if (read.entries.count !== entries.count) {
    entries.errors.push(
      fileError({ file: solutions.fileName }, `${read.entries.count} solutions for ${entries.count} puzzles`),
    );
  }
  const byIndex = new Map(read.entries.puzzles.map((p) => [p.source.index, p]));
  entries.puzzles = entries.puzzles.map((puzzle) => {
    const solved = byIndex.get(puzzle.source.index);
    if (solved === undefined || puzzle.solution !== undefined) return puzzle;
    // A solutions file holds completed grids: Sudoku digits read as givens, maze paths as solutions.
    return solved.kind === 'sudoku'
      ? { ...puzzle, solution: solved.givens }
      : { ...puzzle, solution: solved.solution ?? solved.cells };
  }) as GridPuzzle[];
}

/** Drops puzzles whose provided solution is wrong, each with an error saying why. */
function checkSolutions(entries: Entries<Puzzle>): void {
  entries.puzzles = entries.puzzles.filter((puzzle) => {
    const kind = kindOf(puzzle);
    const expected = kind.expectedAnswer(puzzle);
    if (expected === undefined) return true;
    const verdict = kind.verify(puzzle, expected);
    if (!verdict.ok)
      entries.errors.push(
        fileError(puzzle.source, `the solution does not match its puzzle: ${describeConflicts(verdict.conflicts)}`),
      );
    return verdict.ok;
  });
}

export function parsePuzzleText(text: string, fileName: string, solutions?: SolutionsText): ParsedFile {
  const file = fileName;
  const content = withoutBom(text);
  if (content.trim() === '') return { file, kind: null, puzzles: [], errors: [fileError({ file }, 'empty file')] };
  const format = detectFormat(content);
  if (format === null) {
    return {
      file,
      kind: null,
      puzzles: [],
      errors: [fileError({ file }, 'not a puzzle file: no Sudoku, maze or ARC task recognised')],
    };
  }
  let kind: PuzzleKindId | null;
  let entries: Entries<Puzzle>;
  if (format === 'arc-json') {
    const outputs = solutions === undefined ? undefined : readArcSolutions(solutions.text, solutions.fileName);
    kind = 'arc';
    entries = readArcJson(content, file, outputs !== undefined && 'message' in outputs ? undefined : outputs);
    if (outputs !== undefined && 'message' in outputs) entries.errors.push(outputs);
  } else {
    const read = readGridText(content, file, format);
    if (solutions !== undefined) attachSolutions(read.entries, solutions, read.kind);
    kind = read.kind;
    entries = read.entries;
  }
  checkSolutions(entries);
  const errors = [...entries.errors].sort((a, b) => (a.source.index ?? -1) - (b.source.index ?? -1));
  return { file, kind, puzzles: entries.puzzles, errors };
}
