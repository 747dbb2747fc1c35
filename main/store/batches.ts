// Storage for batch runs over a folder: each item's result is committed as it completes, so a
// crash loses only the puzzles in flight and a resumed run skips what is already done.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Puzzle } from '../puzzles/types.ts';
import { puzzleRows } from './puzzles.ts';
import { readSolveSettings } from './solve-settings.ts';
import type { SolveSettings } from './types.ts';

export type BatchRunStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** Where one puzzle of a batch comes from: its file and its position in that file. */
export interface BatchItemRef {
  sourceFile: string;
  index: number;
}

export interface NewBatchRun {
  folder: string;
  modelId: string;
  modelSha256: string;
  provider: string;
  settings: SolveSettings;
  /** Every puzzle the run will solve; they stay pending until recorded. */
  items: BatchItemRef[];
}

export interface BatchRun extends Omit<NewBatchRun, 'items'> {
  id: string;
  status: BatchRunStatus;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
}

export interface BatchItemResult extends BatchItemRef {
  puzzle: Puzzle;
  /** The final answer's cells; null when the solve failed. */
  answer: number[] | null;
  verified: boolean;
  /** Whether the answer equals the file's expected one; null when the file gives none. */
  exact: boolean | null;
  steps: number;
  timeMs: number;
  error?: string;
}

export interface BatchItemRecord extends Omit<BatchItemResult, 'puzzle'> {
  doneAt: string;
}

interface RunRow {
  id: string;
  folder: string;
  model_id: string;
  model_sha256: string;
  provider: string;
  settings: string;
  status: BatchRunStatus;
  created_at: string;
  finished_at: string | null;
  total: number;
  done: number;
}

interface ItemRow {
  source_file: string;
  puzzle_index: number;
  answer: string | null;
  verified: 0 | 1;
  exact: 0 | 1 | null;
  steps: number;
  time_ms: number;
  error: string | null;
  done_at: string;
}

const flag = (value: boolean | null): 0 | 1 | null => (value === null ? null : value ? 1 : 0);

function batchRun(row: RunRow): BatchRun {
  return {
    id: row.id,
    folder: row.folder,
    modelId: row.model_id,
    modelSha256: row.model_sha256,
    provider: row.provider,
    settings: readSolveSettings(row.settings),
    status: row.status,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    total: row.total,
    done: row.done,
  };
}

export function batchRepo(db: Database) {
  const puzzleId = puzzleRows(db);
  const insertRun = db.prepare(
    `INSERT INTO batch_runs (id, folder, model_id, model_sha256, provider, settings, status, created_at)
     VALUES (@id, @folder, @modelId, @modelSha256, @provider, @settings, 'running', @createdAt)`,
  );
  const planItem = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO batch_items (run_id, source_file, puzzle_index) VALUES (?, ?, ?)',
  );
  // An item recorded once stays as it was: a resumed run that solves it again changes nothing.
  const recordItem = db.prepare(
    `INSERT INTO batch_items (run_id, source_file, puzzle_index, puzzle_id, answer, verified, exact, steps, time_ms,
       error, done_at)
     VALUES (@runId, @sourceFile, @index, @puzzleId, @answer, @verified, @exact, @steps, @timeMs, @error, @doneAt)
     ON CONFLICT (run_id, source_file, puzzle_index) DO UPDATE SET
       puzzle_id = excluded.puzzle_id, answer = excluded.answer, verified = excluded.verified, exact = excluded.exact,
       steps = excluded.steps, time_ms = excluded.time_ms, error = excluded.error, done_at = excluded.done_at
     WHERE batch_items.done_at IS NULL`,
  );
  const runs = `SELECT r.*, (SELECT count(*) FROM batch_items WHERE run_id = r.id) AS total,
       (SELECT count(*) FROM batch_items WHERE run_id = r.id AND done_at IS NOT NULL) AS done
     FROM batch_runs r`;
  const runById = db.prepare<[string], RunRow>(`${runs} WHERE r.id = ?`);
  const allRuns = db.prepare<[], RunRow>(`${runs} ORDER BY r.created_at DESC, r.rowid DESC`);
  const setStatus = db.prepare<[BatchRunStatus, string | null, string]>(
    'UPDATE batch_runs SET status = ?, finished_at = ? WHERE id = ?',
  );
  const pending = db.prepare<[string], { source_file: string; puzzle_index: number }>(
    `SELECT source_file, puzzle_index FROM batch_items WHERE run_id = ? AND done_at IS NULL
     ORDER BY source_file, puzzle_index`,
  );
  const completed = db.prepare<[string], ItemRow>(
    `SELECT source_file, puzzle_index, answer, verified, exact, steps, time_ms, error, done_at FROM batch_items
     WHERE run_id = ? AND done_at IS NOT NULL ORDER BY source_file, puzzle_index`,
  );

  return {
    /** Creates the run with all its items pending, in one transaction; returns its id. */
    createBatchRun: db.transaction((run: NewBatchRun): string => {
      const id = randomUUID();
      insertRun.run({
        id,
        folder: run.folder,
        modelId: run.modelId,
        modelSha256: run.modelSha256,
        provider: run.provider,
        settings: JSON.stringify(run.settings),
        createdAt: new Date().toISOString(),
      });
      for (const item of run.items) planItem.run(id, item.sourceFile, item.index);
      return id;
    }),

    /** Commits one result; false when that item was already recorded (nothing is written twice). */
    recordBatchItem: db.transaction((runId: string, item: BatchItemResult): boolean => {
      const written = recordItem.run({
        runId,
        sourceFile: item.sourceFile,
        index: item.index,
        puzzleId: puzzleId(item.puzzle),
        answer: item.answer && JSON.stringify(item.answer),
        verified: flag(item.verified),
        exact: flag(item.exact),
        steps: item.steps,
        timeMs: item.timeMs,
        error: item.error ?? null,
        doneAt: new Date().toISOString(),
      });
      return written.changes === 1;
    }),

    /** Marks the run running again (resume) or finished. */
    setBatchRunStatus(runId: string, status: BatchRunStatus): boolean {
      const finishedAt = status === 'running' ? null : new Date().toISOString();
      return setStatus.run(status, finishedAt, runId).changes === 1;
    },

    getBatchRun(runId: string): BatchRun | null {
      const row = runById.get(runId);
      return row ? batchRun(row) : null;
    },

    /** Every run, newest first. */
    listBatchRuns(): BatchRun[] {
      return allRuns.all().map(batchRun);
    },

    /** The items still to solve, in file order. */
    pendingItems(runId: string): BatchItemRef[] {
      return pending.all(runId).map((row) => ({ sourceFile: row.source_file, index: row.puzzle_index }));
    },

    completedItems(runId: string): BatchItemRecord[] {
      return completed.all(runId).map((row) => ({
        sourceFile: row.source_file,
        index: row.puzzle_index,
        answer: row.answer === null ? null : (JSON.parse(row.answer) as number[]),
        verified: row.verified === 1,
        exact: row.exact === null ? null : row.exact === 1,
        steps: row.steps,
        timeMs: row.time_ms,
        ...(row.error === null ? {} : { error: row.error }),
        doneAt: row.done_at,
      }));
    },
  };
}
