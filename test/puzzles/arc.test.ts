import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arc, decodeArcGrid, encodeArcGrid, parsePuzzleText } from '../../main/puzzles/index.ts';
import type { ArcGrid, ArcPuzzle } from '../../main/puzzles/index.ts';

const grid = fc
  .record({ rows: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 30 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

const puzzleOf = (input: ArcGrid, output?: ArcGrid): ArcPuzzle => ({
  kind: 'arc',
  source: { file: 'test' },
  taskId: 'test',
  train: [],
  test: output === undefined ? { input } : { input, output },
});

describe('arc tokens', () => {
  it('pads to 30x30 with the end-of-grid marker below and right of the grid (TRM.md)', () => {
    const tokens = encodeArcGrid([
      [0, 9],
      [5, 1],
    ]);
    expect(arc.tokens).toEqual({ length: 900, vocabulary: 12 });
    expect(Array.from(tokens.slice(0, 4))).toEqual([2, 11, 1, 0]);
    expect(Array.from(tokens.slice(30, 34))).toEqual([7, 3, 1, 0]);
    expect(Array.from(tokens.slice(60, 64))).toEqual([1, 1, 0, 0]);
    expect(tokens.slice(90).every((t) => t === 0)).toBe(true);
  });

  it('needs no marker for a full 30x30 grid', () => {
    const full = Array.from({ length: 30 }, () => new Array<number>(30).fill(3));
    expect(encodeArcGrid(full).every((t) => t === 5)).toBe(true);
  });

  it('decodes what it encodes, for any grid from 1x1 to 30x30', () => {
    fc.assert(
      fc.property(grid, (g) => {
        expect(decodeArcGrid(encodeArcGrid(g))).toEqual(g);
      }),
    );
  });

  it('crops a model output at the first non-colour token', () => {
    const tokens = encodeArcGrid([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    tokens[32] = 0; // row 1 ends early: the widest full rectangle is 2 rows of 2
    expect(decodeArcGrid(tokens)).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(decodeArcGrid(new Uint8Array(900))).toEqual([]);
  });
});

describe('arc verify', () => {
  const expected = [
    [1, 2],
    [3, 4],
  ];

  it('accepts the expected output', () => {
    expect(arc.verify(puzzleOf([[0]], expected), expected)).toEqual({ ok: true });
  });

  it('lists every cell that differs', () => {
    const verdict = arc.verify(puzzleOf([[0]], expected), [
      [1, 2],
      [4, 3],
    ]);
    expect(verdict).toEqual({
      ok: false,
      conflicts: [
        { message: 'row 2, column 1 is 4, expected 3', cells: [2] },
        { message: 'row 2, column 2 is 3, expected 4', cells: [3] },
      ],
    });
  });

  it('reports a shape mismatch, and a missing expected output', () => {
    expect(arc.verify(puzzleOf([[0]], expected), [[1, 2, 0]])).toMatchObject({
      ok: false,
      conflicts: [{ message: 'the answer is 1x3, expected 2x2' }],
    });
    expect(arc.verify(puzzleOf([[0]]), expected)).toMatchObject({
      ok: false,
      conflicts: [{ message: 'no expected output is known for this test input' }],
    });
  });

  it('has no reference solver', () => {
    expect(arc.solve()).toBeNull();
  });
});

describe('arc text', () => {
  it('formats a puzzle as a task that parses back to it', () => {
    fc.assert(
      fc.property(grid, grid, grid, (input, output, testInput) => {
        const puzzle: ArcPuzzle = { ...puzzleOf(testInput), train: [{ input, output }] };
        const parsed = parsePuzzleText(arc.format(puzzle), 'test.json');
        expect(parsed.errors).toEqual([]);
        expect(parsed.puzzles).toEqual([{ ...puzzle, source: { file: 'test.json', index: 0, jsonPath: 'test[0]' } }]);
      }),
      { numRuns: 30 },
    );
  });

  it('formats an answer as rows of digits', () => {
    expect(
      arc.formatAnswer(puzzleOf([[0]]), [
        [1, 2],
        [3, 4],
      ]),
    ).toBe('12\n34');
  });
});
