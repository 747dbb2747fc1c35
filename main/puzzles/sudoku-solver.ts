// The reference Sudoku solver: candidate bitmasks with naked and hidden singles, then
// depth-first search on the cell with the fewest candidates. It counts solutions up to a
// limit, so that puzzles with none or several are told apart from proper ones.
//
// All state lives in preallocated typed arrays, one 81-cell layer per search depth, so
// the hot loops allocate nothing. Not reentrant, which is fine on one JS thread.
import { SOLUTION_COUNT_CAP } from './kind.ts';
import { ALL_DIGITS, CELLS, digitOfBit, PEERS, POPCOUNT, UNIT_CELLS } from './sudoku-geometry.ts';

const LAYERS = CELLS + 1;
/** Candidate mask per cell, one layer per search depth. */
const candidates = new Uint16Array(LAYERS * CELLS);
/** 1 once a cell's single candidate has been removed from its peers (or is queued to be). */
const placed = new Uint8Array(LAYERS * CELLS);
const queue = new Uint8Array(CELLS);
let queueLength = 0;

let found = 0;
let limit = 1;
let firstSolution: Uint8Array | null = null;

/** Removes each queued cell's digit from its peers; false on a contradiction. */
function propagate(base: number): boolean {
  while (queueLength > 0) {
    const cell = queue[--queueLength] as number;
    const bit = candidates[base + cell] as number;
    const peers = cell * 20;
    for (let i = 0; i < 20; i++) {
      const peer = base + (PEERS[peers + i] as number);
      const mask = candidates[peer] as number;
      if ((mask & bit) === 0) continue;
      const rest = mask & ~bit;
      if (rest === 0) return false;
      candidates[peer] = rest;
      if ((rest & (rest - 1)) === 0 && placed[peer] === 0) {
        placed[peer] = 1;
        queue[queueLength++] = peer - base;
      }
    }
  }
  return true;
}

/** Places every digit that has only one possible cell in a unit; false on a contradiction. */
function hiddenSingles(base: number): boolean {
  for (let unit = 0; unit < 27; unit++) {
    const cells = unit * 9;
    let once = 0;
    let twice = 0;
    for (let i = 0; i < 9; i++) {
      const mask = candidates[base + (UNIT_CELLS[cells + i] as number)] as number;
      twice |= once & mask;
      once |= mask;
    }
    if (once !== ALL_DIGITS) return false;
    const unique = once & ~twice;
    if (unique === 0) continue;
    for (let i = 0; i < 9; i++) {
      const at = base + (UNIT_CELLS[cells + i] as number);
      if (placed[at] !== 0) continue;
      const bit = (candidates[at] as number) & unique;
      if (bit === 0) continue;
      if ((bit & (bit - 1)) !== 0) return false;
      candidates[at] = bit;
      placed[at] = 1;
      queue[queueLength++] = at - base;
    }
  }
  return true;
}

function search(depth: number): void {
  const base = depth * CELLS;
  for (;;) {
    if (!propagate(base)) return;
    if (!hiddenSingles(base)) {
      queueLength = 0;
      return;
    }
    if (queueLength === 0) break;
  }
  let best = -1;
  let bestCount = 10;
  for (let cell = 0; cell < CELLS; cell++) {
    if (placed[base + cell] !== 0) continue;
    const count = POPCOUNT[candidates[base + cell] as number] as number;
    if (count < bestCount) {
      bestCount = count;
      best = cell;
      if (count === 2) break;
    }
  }
  if (best < 0) {
    if (found === 0 && firstSolution) {
      for (let cell = 0; cell < CELLS; cell++) firstSolution[cell] = digitOfBit(candidates[base + cell] as number);
    }
    found++;
    return;
  }
  const next = base + CELLS;
  let options = candidates[base + best] as number;
  while (options !== 0 && found < limit) {
    const bit = options & -options;
    options ^= bit;
    candidates.copyWithin(next, base, next);
    placed.copyWithin(next, base, next);
    candidates[next + best] = bit;
    placed[next + best] = 1;
    queue[0] = best;
    queueLength = 1;
    search(depth + 1);
  }
}

/**
 * Counts the solutions of `givens` (81 digits, 0 blank) up to `maxCount`, writing the
 * first one into `solution` when given. Givens that conflict count as no solution.
 */
export function countSolutions(
  givens: ArrayLike<number>,
  maxCount = SOLUTION_COUNT_CAP,
  solution?: Uint8Array,
): number {
  candidates.fill(ALL_DIGITS, 0, CELLS);
  placed.fill(0, 0, CELLS);
  queueLength = 0;
  found = 0;
  limit = maxCount;
  firstSolution = solution ?? null;
  for (let cell = 0; cell < CELLS; cell++) {
    const digit = givens[cell] as number;
    if (digit === 0) continue;
    candidates[cell] = 1 << (digit - 1);
    placed[cell] = 1;
    queue[queueLength++] = cell;
  }
  search(0);
  return Math.min(found, maxCount);
}
