// Solves as the engine would hand them over, and real database files in temporary folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryStore, NewBatchRun, NewSolve, OpenOptions } from '../../main/store/index.ts';
import { openStore } from '../../main/store/index.ts';
import type { ArcPuzzle, MazePuzzle, SudokuPuzzle } from '../../main/puzzles/types.ts';

/** A distinct Sudoku for each whole number `seed` (its digits are the givens), read from `file`. */
export function sudoku(seed: number, file = 'puzzles/easy.txt'): SudokuPuzzle {
  const digits = String(seed);
  const givens = Array<number>(81).fill(0);
  for (const [i, digit] of [...digits].entries()) givens[i * 2] = Number(digit);
  givens[80] = digits.length;
  return { kind: 'sudoku', source: { file, line: seed + 1, index: seed }, givens };
}

export const maze: MazePuzzle = {
  kind: 'maze',
  source: { file: 'mazes/small.txt', line: 1, index: 0 },
  rows: 2,
  cols: 3,
  cells: ['start', 'open', 'wall', 'wall', 'open', 'goal'],
};

export const arc: ArcPuzzle = {
  kind: 'arc',
  source: { file: 'arc/0a1b2c3d.json', jsonPath: 'test[0]' },
  taskId: '0a1b2c3d',
  train: [{ input: [[1, 0]], output: [[0, 1]] }],
  test: { input: [[2, 0]] },
};

/** A batch run of a folder, as the batch runner starts one (no items unless given). */
export function aBatchRun(overrides: Partial<NewBatchRun> = {}): NewBatchRun {
  return {
    folder: '/puzzles',
    modelId: 'sudoku-mlp-5m',
    modelSha256: 'ab'.repeat(32),
    provider: 'cpu',
    settings: { policy: 'verified', maxSteps: 16, augmentations: 0, rethinks: 0 },
    items: [],
    ...overrides,
  };
}

/** A 16-step solve of `sudoku(seed)` whose answer settles step by step, as a model's does. */
export function aSolve(seed: number, overrides: Partial<NewSolve> = {}): NewSolve {
  const puzzle = overrides.puzzle ?? sudoku(seed);
  const answer = Array.from({ length: 81 }, (_, i) => ((i + seed) % 9) + 1);
  const steps = Array.from({ length: 16 }, (_, step) => ({
    cells: answer.map((value, i) => (i % 16 <= step ? value : (value % 9) + 1)),
    haltProbability: (step + 1) / 16,
  }));
  return {
    puzzle,
    modelId: 'sudoku-mlp-5m',
    modelSha256: 'ab'.repeat(32),
    provider: 'cpu',
    options: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
    status: 'solved',
    steps,
    final: { cells: answer, verified: true, conflicts: [] },
    timings: { totalMs: 120.5, stepMs: steps.map(() => 7.5) },
    createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000).toISOString(),
    ...overrides,
  };
}

/** A fresh folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'trm-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the history at `file`, for code that has no use for a history that would not open. */
export function openOrThrow(file: string, options?: OpenOptions): HistoryStore {
  const opened = openStore(file, options);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.store;
}
