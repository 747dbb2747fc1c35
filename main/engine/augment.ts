// Test-time augmentation in token space: a symmetry of the puzzle is a permutation of
// positions plus a relabelling of tokens. The model sees the transformed puzzle; its
// answer is mapped back before voting, so every kind with such symmetries shares this code.
import type { PuzzleKindId } from '../puzzles/index.ts';
import { seededRandom, shuffle } from '../puzzles/index.ts';
import { votingCopies } from '../../preload/defaults.ts';

export interface TokenTransform {
  /** Output position i reads input position `positions[i]`. */
  positions: Int32Array;
  /** Token t becomes `tokens[t]`. */
  tokens: Uint8Array;
}

export function applyTransform(t: TokenTransform, input: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(t.positions.length);
  for (let i = 0; i < out.length; i++) out[i] = t.tokens[input[t.positions[i]!]!]!;
  return out;
}

export function invertTransform(t: TokenTransform, output: ArrayLike<number>): Uint8Array {
  const inverseTokens = new Uint8Array(t.tokens.length);
  t.tokens.forEach((to, from) => (inverseTokens[to] = from));
  const out = new Uint8Array(t.positions.length);
  for (let i = 0; i < out.length; i++) out[t.positions[i]!] = inverseTokens[output[i]!]!;
  return out;
}

function identityTokens(vocab: number): Uint8Array {
  return Uint8Array.from({ length: vocab }, (_, t) => t);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Digit relabelling, transpose, band and row, stack and column permutations. */
function sudokuTransform(seed: number): TokenTransform {
  const random = seededRandom(seed);
  const rows = shuffle(random, range(3)).flatMap((band) => shuffle(random, range(3)).map((r) => band * 3 + r));
  const cols = shuffle(random, range(3)).flatMap((stack) => shuffle(random, range(3)).map((c) => stack * 3 + c));
  const transpose = random() < 0.5;
  const positions = new Int32Array(81);
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      const [sr, sc] = transpose ? [cols[c]!, rows[r]!] : [rows[r]!, cols[c]!];
      positions[r * 9 + c] = sr * 9 + sc;
    }
  }
  const tokens = identityTokens(11);
  // Tokens 2..10 are the digits 1..9; 0 (padding) and 1 (blank) keep their meaning.
  shuffle(random, range(9)).forEach((to, from) => (tokens[2 + from] = 2 + to));
  return { positions, tokens };
}

/** The 8 symmetries of a square grid of side n (rotations and reflections). */
function dihedral(n: number, vocab: number, which: number): TokenTransform {
  const positions = new Int32Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let [sr, sc] = [r, c];
      for (let k = 0; k < which % 4; k++) [sr, sc] = [n - 1 - sc, sr];
      if (which >= 4) sc = n - 1 - sc;
      positions[r * n + c] = sr * n + sc;
    }
  }
  return { positions, tokens: identityTokens(vocab) };
}

/** The transforms besides the identity that a solve asking for `count` voting copies runs (votingCopies). */
export function augmentations(kind: PuzzleKindId, count: number, seed = 1): TokenTransform[] {
  const copies = votingCopies(kind, count);
  switch (kind) {
    case 'sudoku':
      return range(copies).map((i) => sudokuTransform(seed * 7919 + i));
    case 'maze':
      return range(copies).map((i) => dihedral(30, 6, i + 1));
    case 'arc':
      return [];
  }
}
