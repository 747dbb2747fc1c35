// Every file in test/fixtures/bad gets a precise error (file, line or JSON path, reason),
// and whatever else the file holds is still read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPuzzleFile } from '../../main/puzzles/index.ts';

const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

/** Per file: the puzzles still read, and each error as [line or JSON path or null, message]. */
const expected: Record<string, { puzzles: number; errors: [number | string | null, string | RegExp][] }> = {
  'sudoku-wrong-length.txt': {
    puzzles: 1,
    errors: [
      [2, 'puzzle: wrong length, 80 cells instead of 81'],
      [3, 'puzzle: wrong length, 82 cells instead of 81'],
    ],
  },
  'sudoku-invalid-characters.txt': { puzzles: 1, errors: [[2, 'puzzle: invalid character "x" at column 41']] },
  'sudoku-conflicting-givens.txt': {
    puzzles: 1,
    errors: [[3, 'the givens conflict: row 1 repeats 5 at r1c1, r1c2; box 1 repeats 5 at r1c1, r1c2']],
  },
  'sudoku-solution-mismatch.txt': {
    puzzles: 1,
    errors: [[1, /^the solution does not match its puzzle: column 1 repeats 8 at r1c1, r7c1; /]],
  },
  'sudoku-short-block.txt': { puzzles: 1, errors: [[1, 'grid block has 8 rows instead of 9']] },
  'sudoku-quoting.csv': {
    puzzles: 1,
    errors: [
      [2, 'malformed CSV: unterminated quoted field starting at column 1'],
      [4, 'malformed CSV: unexpected text after a closing quote at column 84'],
    ],
  },
  'sudoku-fields.csv': { puzzles: 1, errors: [[2, '1 field, the header has 2']] },
  'count-mismatch.txt': { puzzles: 4, errors: [[null, '3 solutions for 4 puzzles']] },
  // Read on its own, a solutions file is a file of completed puzzles.
  'count-mismatch.solutions.txt': { puzzles: 3, errors: [] },
  'maze-no-start.txt': { puzzles: 1, errors: [[11, 'the maze has 0 S (start) cells, expected exactly one']] },
  'maze-two-goals.txt': { puzzles: 0, errors: [[1, 'the maze has 2 G (goal) cells, expected exactly one']] },
  'maze-not-square.txt': { puzzles: 0, errors: [[1, 'the maze is not square: 8 rows of 9 cells']] },
  'maze-ragged.txt': { puzzles: 0, errors: [[5, 'ragged grid: row 5 has 10 cells, row 1 has 9']] },
  'maze-too-large.txt': { puzzles: 0, errors: [[1, 'the maze is 31x31, larger than 30x30']] },
  'maze-through-wall.txt': {
    puzzles: 0,
    errors: [[1, 'the solution does not match its puzzle: walks through a wall at row 1, column 1']],
  },
  'maze-through-wall.solutions.txt': {
    puzzles: 0,
    errors: [[1, 'the solution does not match its puzzle: the path marks 15 steps, the shortest takes 14']],
  },
  'arc-ragged.json': { puzzles: 1, errors: [['test[0]', 'test[0].input[1]: ragged row of 1 cell, row 0 has 2']] },
  'arc-colour.json': { puzzles: 0, errors: [['test[0]', 'train[0].output[0][0]: colour 12 is outside 0-9']] },
  'arc-too-large.json': { puzzles: 0, errors: [['test[0]', 'test[0].input: 31 rows, at most 30']] },
  'arc-malformed.json': { puzzles: 0, errors: [[5, /^malformed JSON at line 5, column 27: /]] },
  'empty.txt': { puzzles: 0, errors: [[null, 'empty file']] },
  'blank.txt': { puzzles: 0, errors: [[null, 'empty file']] },
  'binary.bin': { puzzles: 0, errors: [[null, 'a binary file, not text (NUL byte at offset 8)']] },
  'latin1.txt': { puzzles: 0, errors: [[null, 'not UTF-8 text']] },
  'not-a-puzzle.txt': { puzzles: 0, errors: [[null, 'not a puzzle file: no Sudoku, maze or ARC task recognised']] },
};

describe('the bad fixtures', () => {
  it('are all listed here', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', async (name, want) => {
    const parsed = await readPuzzleFile(join(dir, name));
    expect(parsed.puzzles).toHaveLength(want.puzzles);
    expect(parsed.errors).toHaveLength(want.errors.length);
    for (const [i, [where, message]] of want.errors.entries()) {
      const error = parsed.errors[i];
      expect(error?.source.file).toMatch(/[\\/]bad[\\/]/);
      expect(error?.source.line ?? error?.source.jsonPath ?? null).toBe(where);
      if (typeof message === 'string') expect(error?.message).toBe(message);
      else expect(error?.message).toMatch(message);
    }
  });
});
