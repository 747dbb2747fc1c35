// Puzzle CSV files with a header naming the puzzle and solution columns: the
// Sudoku-Extreme and HRM maze sets (`source,question,answer,rating`), Kaggle's
// `quizzes,solutions`, and `puzzle,solution`. The first row decides Sudoku or maze.
import { readCsv } from './csv.ts';
import { addEntry, emptyEntries, type Entries, fileError, plural } from './entries.ts';
import { mazeFromRows } from './maze-text.ts';
import { sudokuFromFields } from './sudoku-text.ts';
import type { MazePuzzle, PuzzleFileError, PuzzleSource, SudokuPuzzle } from './types.ts';

const PUZZLE_COLUMNS = ['question', 'quizzes', 'quiz', 'puzzle', 'puzzles'];
const SOLUTION_COLUMNS = ['answer', 'answers', 'solution', 'solutions'];

const normalise = (name: string): string => name.trim().toLowerCase();

/** Whether a first line is a header this reader understands. */
export function isPuzzleCsvHeader(line: string): boolean {
  return (
    line.includes(',') && line.split(',').some((name) => PUZZLE_COLUMNS.includes(normalise(name.replace(/"/g, ''))))
  );
}

/** A flattened square maze grid (as in the HRM CSV), unflattened row by row. */
function mazeFromField(field: string, source: PuzzleSource, name: string): MazePuzzle | PuzzleFileError {
  const size = Math.round(Math.sqrt(field.length));
  if (size * size !== field.length)
    return fileError(source, `${name}: ${field.length} characters do not make a square grid`);
  const rows = Array.from({ length: size }, (_, r) => ({ text: field.slice(r * size, (r + 1) * size), line: 0 }));
  const maze = mazeFromRows(rows, source);
  return 'message' in maze ? fileError(source, `${name}: ${maze.message}`) : maze;
}

function mazeFromFields(
  puzzle: string,
  solution: string | undefined,
  source: PuzzleSource,
  names: [string, string],
): MazePuzzle | PuzzleFileError {
  const maze = mazeFromField(puzzle, source, names[0]);
  if ('message' in maze || solution === undefined) return maze;
  const solved = mazeFromField(solution, source, names[1]);
  if ('message' in solved) return solved;
  return { ...maze, solution: solved.solution ?? solved.cells };
}

export interface PuzzleCsv {
  kind: 'sudoku' | 'maze' | null;
  entries: Entries<SudokuPuzzle | MazePuzzle>;
}

export function readPuzzleCsv(text: string, file: string): PuzzleCsv {
  const entries = emptyEntries<SudokuPuzzle | MazePuzzle>();
  let kind: PuzzleCsv['kind'] = null;
  let columns: { names: [string, string]; puzzle: number; solution: number; width: number } | null = null;
  readCsv(text, {
    record(fields, line) {
      const source = { file, line, index: entries.count };
      if (columns === null) {
        const names = fields.map(normalise);
        const puzzle = names.findIndex((name) => PUZZLE_COLUMNS.includes(name));
        const solution = names.findIndex((name) => SOLUTION_COLUMNS.includes(name));
        columns = {
          names: [names[puzzle] ?? 'puzzle', names[solution] ?? 'solution'],
          puzzle,
          solution,
          width: fields.length,
        };
        if (puzzle < 0)
          entries.errors.push(
            fileError(source, `the CSV header names no puzzle column (${PUZZLE_COLUMNS.join(', ')})`),
          );
        return;
      }
      if (columns.puzzle < 0) return;
      if (fields.length !== columns.width) {
        addEntry(entries, fileError(source, `${plural(fields.length, 'field')}, the header has ${columns.width}`));
        return;
      }
      const puzzle = fields[columns.puzzle] as string;
      const solution = fields[columns.solution] || undefined;
      kind ??= puzzle.includes('#') ? 'maze' : 'sudoku';
      // Spaces are open cells in a maze, but only padding around a Sudoku.
      if (kind === 'maze') addEntry(entries, mazeFromFields(puzzle, solution, source, columns.names));
      else addEntry(entries, sudokuFromFields(puzzle.trim(), solution?.trim(), source, columns.names));
    },
    error(message, line) {
      addEntry(entries, fileError({ file, line, index: entries.count }, `malformed CSV: ${message}`));
    },
  });
  return { kind, entries };
}
