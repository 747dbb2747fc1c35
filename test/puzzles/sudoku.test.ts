import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countSolutions,
  generateSudoku,
  isFileError,
  seededRandom,
  shuffleSudoku,
  solveSudoku,
  sudoku,
} from '../../main/puzzles/index.ts';
import type { SudokuPuzzle } from '../../main/puzzles/index.ts';

const cellsOf = (line: string): number[] => [...line].map((c) => (c >= '1' && c <= '9' ? Number(c) : 0));
const puzzleOf = (line: string): SudokuPuzzle => ({ kind: 'sudoku', source: { file: 'test' }, givens: cellsOf(line) });

const classic = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
const classicSolution = '534678912672195348198342567859761423426853791713924856961537284287419635345286179';
/** Well-known hard puzzles, the same file the benchmark uses. */
const hardPuzzles = readFileSync(new URL('../fixtures/good/hard-sudoku.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.length === 81);

const anyGivens = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 81, maxLength: 81 });

describe('sudoku tokens', () => {
  it('encodes blanks as 1 and digits d as d + 1 (TRM.md)', () => {
    const tokens = sudoku.encode(puzzleOf(classic));
    expect(tokens).toHaveLength(81);
    expect(Array.from(tokens.slice(0, 4))).toEqual([6, 4, 1, 1]);
    expect(sudoku.tokens).toEqual({ length: 81, vocabulary: 11 });
  });

  it('decodes what it encodes, for any grid', () => {
    fc.assert(
      fc.property(anyGivens, (givens) => {
        const puzzle: SudokuPuzzle = { kind: 'sudoku', source: { file: 'p' }, givens };
        expect(sudoku.decode(puzzle, sudoku.encode(puzzle))).toEqual(givens);
        expect(sudoku.decode(puzzle, sudoku.encodeAnswer(puzzle, givens))).toEqual(givens);
      }),
    );
  });

  it('reads padding and out-of-vocabulary tokens as blanks', () => {
    const tokens = sudoku.encodeAnswer(puzzleOf(classic), cellsOf(classicSolution));
    tokens[0] = 0;
    tokens[1] = 11;
    const answer = sudoku.decode(puzzleOf(classic), tokens);
    expect(answer.slice(0, 3)).toEqual([0, 0, 4]);
    const verdict = sudoku.verify(puzzleOf(classic), answer);
    expect(verdict.ok).toBe(false);
  });
});

describe('sudoku text', () => {
  it('formats and parses back any puzzle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const puzzle = generateSudoku({ seed, givens: 40 });
        const parsed = sudoku.parse(sudoku.format(puzzle), { file: 'round trip' });
        expect(isFileError(parsed) ? parsed.message : parsed.givens).toEqual(puzzle.givens);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a text that holds no single puzzle', () => {
    expect(sudoku.parse(`${classic}\n${classic}`, { file: 'two' })).toMatchObject({
      message: 'expected one Sudoku, found 2',
    });
  });
});

describe('sudoku verify', () => {
  const puzzle = puzzleOf(classic);

  it('accepts the solution', () => {
    expect(sudoku.verify(puzzle, cellsOf(classicSolution))).toEqual({ ok: true });
  });

  it('names a changed given and the units it breaks', () => {
    const answer = cellsOf(classicSolution);
    answer[0] = 4; // the given 5 in r1c1; row 1 already has a 4 in r1c3
    const verdict = sudoku.verify(puzzle, answer);
    expect(verdict.ok).toBe(false);
    const messages = verdict.ok ? [] : verdict.conflicts.map((c) => c.message);
    expect(messages).toContain('r1c1 changes the given 5 to 4');
    expect(messages).toContain('row 1 repeats 4 at r1c1, r1c3');
    expect(messages).toContain('box 1 repeats 4 at r1c1, r1c3');
    expect(messages.some((m) => m.startsWith('column 1 repeats 4'))).toBe(true);
  });

  it('lists empty cells and a wrong size', () => {
    const answer = cellsOf(classicSolution);
    answer[80] = 0;
    expect(sudoku.verify(puzzle, answer)).toEqual({
      ok: false,
      conflicts: [{ message: 'r9c9 is empty', cells: [80] }],
    });
    expect(sudoku.verify(puzzle, answer.slice(1))).toMatchObject({
      ok: false,
      conflicts: [{ message: 'the answer has 80 cells, expected 81' }],
    });
  });
});

describe('keeping the surest cells for a rethinking round', () => {
  const input = sudoku.encode(puzzleOf(classic));
  const answer = sudoku.encodeAnswer(puzzleOf(classic), cellsOf(classicSolution));
  const blanks = [...input.keys()].filter((cell) => input[cell] === 1);
  /** Confidence rising with the cell index, so the last blanks are the surest. */
  const rising = Float32Array.from({ length: 81 }, (_, cell) => cell / 81);

  it('fills the blanks the model was surest of, and only those', () => {
    const kept = sudoku.keepSurest!(input, answer, rising, 3);
    const filled = [...kept.keys()].filter((cell) => kept[cell] !== input[cell]);
    expect(filled).toEqual(blanks.slice(-3));
    for (const cell of filled) expect(kept[cell]).toBe(answer[cell]);
    expect(input).toEqual(sudoku.encode(puzzleOf(classic))); // the round's input is a new array
  });

  it('never overwrites a given, and passes over cells that would break a rule or hold no digit', () => {
    const wrong = answer.slice();
    const [surest, next, third] = blanks.slice(-3).reverse() as [number, number, number];
    wrong[surest] = input[79]!; // the 7 given at r9c8, beside the surest blank (r9c7)
    wrong[next] = 1; // a blank, not a digit
    const kept = sudoku.keepSurest!(input, wrong, rising, 1);
    const filled = [...kept.keys()].filter((cell) => kept[cell] !== input[cell]);
    expect(filled).toEqual([third]);
    const everything = sudoku.keepSurest!(input, answer, rising, 81);
    expect(sudoku.decode(puzzleOf(classic), everything)).toEqual(cellsOf(classicSolution));
  });
});

describe('sudoku reference solver', () => {
  it('solves the classic puzzle to its one solution', () => {
    expect(solveSudoku(cellsOf(classic))).toEqual({ solutions: 1, answer: cellsOf(classicSolution) });
  });

  it.each(hardPuzzles)('solves %s to a unique, valid solution', (line) => {
    const report = solveSudoku(cellsOf(line));
    expect(report.solutions).toBe(1);
    expect(sudoku.verify(puzzleOf(line), report.answer ?? [])).toEqual({ ok: true });
  });

  it('counts several solutions (capped at 2) and none', () => {
    expect(countSolutions(new Array(81).fill(0))).toBe(2);
    expect(countSolutions(new Array(81).fill(0), 5)).toBe(5);
    const unsolvable = cellsOf(classic);
    unsolvable[2] = 1; // consistent with its row, column and box, but leaves no solution
    expect(solveSudoku(unsolvable)).toEqual({ solutions: 0, answer: null });
    const broken = cellsOf(classic);
    broken[2] = 5; // repeats the 5 of r1c1
    expect(countSolutions(broken)).toBe(0);
  });

  it('finds the same number of solutions in any shuffled copy of a puzzle', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...hardPuzzles, classic), (seed, line) => {
        const shuffled = shuffleSudoku(cellsOf(line), seededRandom(seed));
        expect(countSolutions(shuffled)).toBe(1);
        expect(shuffled.filter((d) => d > 0)).toHaveLength(cellsOf(line).filter((d) => d > 0).length);
      }),
      { numRuns: 50 },
    );
  });

  it('agrees with a completed grid for any subset of its cells kept', () => {
    const solution = cellsOf(classicSolution);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 81, maxLength: 81 }), (keep) => {
        const givens = solution.map((d, i) => (keep[i] ? d : 0));
        const report = solveSudoku(givens);
        expect(report.solutions).toBeGreaterThanOrEqual(1);
        expect(sudoku.verify({ kind: 'sudoku', source: { file: 'p' }, givens }, report.answer ?? [])).toEqual({
          ok: true,
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('sudoku generator', () => {
  const givensOf = (puzzle: SudokuPuzzle): number => puzzle.givens.filter((d) => d > 0).length;

  it('is reproducible from its seed', () => {
    expect(generateSudoku({ seed: 7 })).toEqual(generateSudoku({ seed: 7 }));
    expect(generateSudoku({ seed: 7 }).givens).not.toEqual(generateSudoku({ seed: 8 }).givens);
  });

  it('makes minimal puzzles: unique, and no given can go', () => {
    for (let seed = 0; seed < 5; seed++) {
      const puzzle = generateSudoku({ seed });
      expect(countSolutions(puzzle.givens)).toBe(1);
      expect(sudoku.verify(puzzle, puzzle.solution ?? [])).toEqual({ ok: true });
      expect(givensOf(puzzle)).toBeLessThanOrEqual(30);
      for (let cell = 0; cell < 81; cell++) {
        if (puzzle.givens[cell] === 0) continue;
        const fewer = [...puzzle.givens];
        fewer[cell] = 0;
        expect(countSolutions(fewer)).toBe(2);
      }
    }
  });

  it('stops at the chosen number of givens', () => {
    for (const target of [25, 30, 45]) {
      const puzzle = generateSudoku({ seed: target, givens: target });
      expect(givensOf(puzzle)).toBe(target);
      expect(countSolutions(puzzle.givens)).toBe(1);
    }
  });

  it('walks on below where removal stops, keeping the fewest givens found', () => {
    const plain = generateSudoku({ seed: 3 });
    const fewer = generateSudoku({ seed: 3, givens: 17, moves: 3000 });
    expect(givensOf(fewer)).toBeLessThan(givensOf(plain));
    expect(countSolutions(fewer.givens)).toBe(1);
    expect(sudoku.verify(fewer, fewer.solution ?? [])).toEqual({ ok: true });
  });
});
