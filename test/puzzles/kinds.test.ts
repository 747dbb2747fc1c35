// The contract every kind keeps, checked the same way for each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, kinds, parsePuzzleText } from '../../main/puzzles/index.ts';
import type { Puzzle, PuzzleKind } from '../../main/puzzles/index.ts';

const generators = {
  sudoku: (seed: number): Puzzle => kinds.sudoku.generate({ seed }),
  maze: (seed: number): Puzzle => kinds.maze.generate({ seed, size: 5 + (seed % 26) }),
};

describe.each(['sudoku', 'maze'] as const)('%s', (id) => {
  /** Checks a property on puzzles generated from 30 random seeds. */
  const forGeneratedPuzzles = (check: (puzzle: Puzzle, kind: PuzzleKind<Puzzle, unknown>) => void): void => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const puzzle = generators[id](seed);
        check(puzzle, kindOf(puzzle));
      }),
      { numRuns: 30 },
    );
  };

  it('generates puzzles whose own solution verifies and whose reference solution does too', () => {
    forGeneratedPuzzles((puzzle, kind) => {
      expect(kind.verify(puzzle, kind.expectedAnswer(puzzle))).toEqual({ ok: true });
      const report = kind.solve(puzzle);
      expect(report?.solutions).toBe(1);
      expect(kind.verify(puzzle, report?.answer)).toEqual({ ok: true });
    });
  });

  it('encodes to its token layout, within its vocabulary, and decodes the answer back', () => {
    forGeneratedPuzzles((puzzle, kind) => {
      const answer = kind.expectedAnswer(puzzle);
      for (const tokens of [kind.encode(puzzle), kind.encodeAnswer(puzzle, answer)]) {
        expect(tokens).toHaveLength(kind.tokens.length);
        expect(Math.max(...tokens)).toBeLessThan(kind.tokens.vocabulary);
      }
      expect(kind.decode(puzzle, kind.encodeAnswer(puzzle, answer))).toEqual(answer);
    });
  });

  it('formats a puzzle as text that reads back as the same puzzle', () => {
    forGeneratedPuzzles((puzzle, kind) => {
      const [read] = parsePuzzleText(kind.format(puzzle), 'formatted').puzzles;
      expect(read && kind.format(read)).toBe(kind.format(puzzle));
    });
  });
});
