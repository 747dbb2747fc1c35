import { describe, expect, it } from 'vitest';
import { summariseParse } from '../../renderer/src/lib/parse-summary.ts';

const source = { file: 'f.txt' };

describe('summariseParse', () => {
  it('counts puzzles of the detected kind and the problems found', () => {
    const sudoku = { kind: 'sudoku' as const, source, givens: [] };
    expect(summariseParse({ file: 'f', kind: 'sudoku', puzzles: [sudoku], errors: [] })).toBe('1 Sudoku read');
    expect(summariseParse({ file: 'f', kind: 'sudoku', puzzles: [sudoku, sudoku], errors: [] })).toBe('2 Sudokus read');
    expect(
      summariseParse({
        file: 'f',
        kind: null,
        puzzles: [],
        errors: [
          { source, message: 'a' },
          { source, message: 'b' },
        ],
      }),
    ).toBe('0 puzzles read, 2 problems');
  });
});
