// The one interface every puzzle kind implements. Adding a kind means one module that
// satisfies it, plus a grid component and a model.
import type { Puzzle, PuzzleFileError, PuzzleKindId, PuzzleSource } from './types.ts';

/** One way an answer is wrong, with the row-major cells involved (empty for whole-grid problems). */
export interface Conflict {
  message: string;
  cells: number[];
}

export type Verdict = { ok: true } | { ok: false; conflicts: Conflict[] };

/** Solution counts are capped: 2 stands for "two or more". */
export const SOLUTION_COUNT_CAP = 2;

export interface SolveReport<Answer> {
  /** 0, 1, or SOLUTION_COUNT_CAP meaning several. */
  solutions: number;
  /** One solution, when there is one. */
  answer: Answer | null;
}

/** How a kind lays its puzzles out for a model. */
export interface TokenLayout {
  /** Sequence length L. */
  length: number;
  /** Vocabulary size V; token 0 is always padding. */
  vocabulary: number;
}

export interface PuzzleKind<P extends Puzzle, Answer> {
  readonly id: PuzzleKindId & P['kind'];
  readonly tokens: TokenLayout;
  /** Reads one puzzle in the kind's own text form (what `format` writes). */
  parse(text: string, source: PuzzleSource): P | PuzzleFileError;
  format(puzzle: P): string;
  formatAnswer(puzzle: P, answer: Answer): string;
  /** The model input: `tokens.length` token ids. */
  encode(puzzle: P): Uint8Array;
  /** The training target for an answer, in the same layout as `encode`. */
  encodeAnswer(puzzle: P, answer: Answer): Uint8Array;
  /** Reads a model output (token ids) back as an answer; ids outside the vocabulary read as blanks. */
  decode(puzzle: P, tokens: ArrayLike<number>): Answer;
  /** Valid, or every conflict in the answer. */
  verify(puzzle: P, answer: Answer): Verdict;
  /** The reference solver, or null where the kind has none that is cheap (ARC). */
  solve(puzzle: P): SolveReport<Answer> | null;
  /** The answer the puzzle's file provided, if any. */
  expectedAnswer(puzzle: P): Answer | undefined;
  /**
   * For rethinking: the model input `input` with up to `count` more cells of the model's answer
   * fixed as if they were given, those it was surest of (`confidence`) among the ones that break
   * no rule with what is already fixed. Left out where the input has no place for answer cells.
   */
  keepSurest?: (input: Uint8Array, answer: Uint8Array, confidence: Float32Array, count: number) => Uint8Array;
  /** A seeded, reproducible puzzle with its solution, where the kind has a generator. */
  generate?: (options: { seed: number }) => P;
}

export function isFileError(value: Puzzle | PuzzleFileError): value is PuzzleFileError {
  return 'message' in value;
}

export function verdictOf(conflicts: Conflict[]): Verdict {
  return conflicts.length === 0 ? { ok: true } : { ok: false, conflicts };
}
