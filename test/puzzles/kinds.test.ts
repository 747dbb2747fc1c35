// The contract every kind keeps, checked the same way for each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, kinds, parsePuzzleText } from '../../main/puzzles/index.ts';
import type { Puzzle } from '../../main/puzzles/index.ts';

const generated = (seed: number): Puzzle[] => [
  kinds.sudoku.generate({ seed }),
  kinds.maze.generate({ seed, size: 5 + (seed % 26) }),
];

describe.each(['sudoku', 'maze'] as const)('%s', (id) => {
  const puzzleFor = (seed: number): Puzzle => generated(seed).find((p) => p.kind === id) as Puzzle;

  it('generates puzzles whose own solution verifies and whose reference solution does too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const puzzle = puzzleFor(seed);
        const kind = kindOf(puzzle);
        expect(kind.verify(puzzle, kind.expectedAnswer(puzzle))).toEqual({ ok: true });
        const report = kind.solve(puzzle);
        expect(report?.solutions).toBe(1);
        expect(kind.verify(puzzle, report?.answer)).toEqual({ ok: true });
      }),
      { numRuns: 30 },
    );
  });

  it('encodes to its token layout, within its vocabulary, and decodes the answer back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const puzzle = puzzleFor(seed);
        const kind = kindOf(puzzle);
        const answer = kind.expectedAnswer(puzzle);
        for (const tokens of [kind.encode(puzzle), kind.encodeAnswer(puzzle, answer)]) {
          expect(tokens).toHaveLength(kind.tokens.length);
          expect(Math.max(...tokens)).toBeLessThan(kind.tokens.vocabulary);
        }
        expect(kind.decode(puzzle, kind.encodeAnswer(puzzle, answer))).toEqual(answer);
      }),
      { numRuns: 30 },
    );
  });

  it('formats a puzzle as text that reads back as the same puzzle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seed) => {
        const puzzle = puzzleFor(seed);
        const kind = kindOf(puzzle);
        const [read] = parsePuzzleText(kind.format(puzzle), 'formatted').puzzles;
        expect(read && kind.format(read)).toBe(kind.format(puzzle));
      }),
      { numRuns: 30 },
    );
  });
});
