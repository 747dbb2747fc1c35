// Seeded Sudoku generation: a random solved grid, then givens taken away one at a time
// for as long as the solution stays unique.
import { randomInt, seededRandom, shuffle, type Random } from './random.ts';
import { CELLS } from './sudoku-geometry.ts';
import { countSolutions } from './sudoku-solver.ts';
import type { SudokuCells, SudokuPuzzle } from './types.ts';

/** A random permutation of 0..n-1. */
const permutation = (random: Random, n: number): number[] =>
  shuffle(
    random,
    Array.from({ length: n }, (_, i) => i),
  );

/**
 * The same puzzle seen differently: digits relabelled, bands, stacks, rows within a band
 * and columns within a stack permuted, and possibly transposed. Solution counts and
 * difficulty are unchanged, which makes it the standard Sudoku augmentation.
 */
export function shuffleSudoku(cells: SudokuCells, random: Random): number[] {
  const digits = [0, ...permutation(random, 9).map((d) => d + 1)];
  const lines = (): number[] => {
    const bands = permutation(random, 3);
    return bands.flatMap((band) => permutation(random, 3).map((row) => band * 3 + row));
  };
  const rows = lines();
  const cols = lines();
  const transpose = random() < 0.5;
  const out = new Array<number>(CELLS);
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      const from = (rows[r] as number) * 9 + (cols[c] as number);
      out[transpose ? c * 9 + r : r * 9 + c] = digits[cells[from] as number] as number;
    }
  }
  return out;
}

/** A uniformly shuffled solved grid. */
function solvedGrid(random: Random): number[] {
  // The three diagonal boxes share no row or column, so any digits there are consistent.
  const givens = new Array<number>(CELLS).fill(0);
  for (const box of [0, 4, 8]) {
    const digits = permutation(random, 9);
    for (let i = 0; i < 9; i++) {
      const row = Math.floor(box / 3) * 3 + Math.floor(i / 3);
      const col = (box % 3) * 3 + (i % 3);
      givens[row * 9 + col] = (digits[i] as number) + 1;
    }
  }
  const grid = new Uint8Array(CELLS);
  countSolutions(givens, 1, grid);
  return shuffleSudoku(Array.from(grid), random);
}

const countGivens = (cells: readonly number[]): number => cells.reduce((n, d) => n + (d === 0 ? 0 : 1), 0);

/** Removes givens in random order while the solution stays unique, down to `target`. */
function removeGivens(start: readonly number[], target: number, random: Random): number[] {
  const givens = [...start];
  let count = countGivens(givens);
  for (const cell of permutation(random, CELLS)) {
    if (count <= target) break;
    const digit = givens[cell] as number;
    if (digit === 0) continue;
    givens[cell] = 0;
    if (countSolutions(givens) === 1) count--;
    else givens[cell] = digit;
  }
  return givens;
}

/**
 * Below the 21-26 givens where removal stops: a random walk that moves one given to
 * another cell of the solution while the solution stays unique, trying removal again
 * after each move; `moves` at most.
 */
function tighten(
  start: number[],
  solution: readonly number[],
  target: number,
  random: Random,
  moves: number,
): number[] {
  let givens = start;
  for (let move = 0; move < moves && countGivens(givens) > target; move++) {
    const filled = givens.flatMap((d, cell) => (d === 0 ? [] : [cell]));
    const empty = givens.flatMap((d, cell) => (d === 0 ? [cell] : []));
    const from = filled[randomInt(random, filled.length)] as number;
    const to = empty[randomInt(random, empty.length)] as number;
    const moved = [...givens];
    moved[from] = 0;
    moved[to] = solution[to] as number;
    if (countSolutions(moved) === 1) givens = removeGivens(moved, target, random);
  }
  return givens;
}

export interface SudokuGeneratorOptions {
  seed: number;
  /**
   * How many givens to keep; 0 (the default) removes every given that can go, giving a
   * minimal puzzle (typically 21-26 givens). Lower targets walk on from there (see
   * `moves`): 20-21 takes about a second, 17-19 is rarely reached; when the target is
   * not reached the puzzle with the fewest givens found is returned.
   */
  givens?: number;
  /** Fresh solved grids to start from (default 1). */
  attempts?: number;
  /** Random-walk moves per attempt when removal stops above the target (default 20,000). */
  moves?: number;
}

export function generateSudoku(options: SudokuGeneratorOptions): SudokuPuzzle {
  const random = seededRandom(options.seed);
  const target = options.givens ?? 0;
  const moves = target > 0 ? (options.moves ?? 20_000) : 0;
  let best: { givens: number[]; solution: number[]; count: number } | null = null;
  for (let attempt = 0; attempt < (options.attempts ?? 1) && (best === null || best.count > target); attempt++) {
    const solution = solvedGrid(random);
    const givens = tighten(removeGivens(solution, target, random), solution, target, random, moves);
    const count = countGivens(givens);
    if (best === null || count < best.count) best = { givens, solution, count };
  }
  if (best === null) throw new RangeError('attempts must be at least 1');
  return {
    kind: 'sudoku',
    // A generated set uses seeds 0..n-1, so the seed is the puzzle's position in it.
    source: { file: 'generated', index: options.seed },
    givens: best.givens,
    solution: best.solution,
  };
}
