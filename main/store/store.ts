// The history store: one open database, every operation a plain method returning plain values.
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { asideCopies } from './aside.ts';
import type {
  BatchItemRecord,
  BatchItemRef,
  BatchItemResult,
  BatchRun,
  BatchRunStatus,
  NewBatchRun,
} from './batches.ts';
import { batchRepo } from './batches.ts';
import { onDisk, StoreError } from './errors.ts';
import { exportCsv, exportJson, parseExport } from './exchange.ts';
import { settingsRepo } from './settings.ts';
import type { SolveRecord } from './solves.ts';
import { newSolveId, solveEditor, solveReader, solveWriter } from './solves.ts';
import type {
  ExportFormat,
  ImportOutcome,
  NewSolve,
  PageRequest,
  SaveOutcome,
  SolveDetail,
  SolveFilter,
  SolveId,
  SolvePage,
  StoreSettings,
} from './types.ts';

export type ImportResult = ({ ok: true } & ImportOutcome) | { ok: false; reason: string; details: string[] };

/**
 * Every method runs synchronously on the one connection. A refusal of the disk (full, read-only,
 * damaged) throws a StoreError that says so, except in `saveSolve`, whose caller goes on either way.
 */
export interface HistoryStore {
  readonly file: string;
  /** Not saved in private mode, or when the disk refuses; the reason says which. */
  saveSolve(solve: NewSolve): SaveOutcome;
  listSolves(filter: SolveFilter, page: PageRequest): SolvePage;
  getSolve(id: SolveId): SolveDetail | null;
  /** Returns how many were deleted; a puzzle no solve refers to any more goes with them. */
  deleteSolves(ids: readonly SolveId[]): number;
  /** Returns false when there is no such solve. */
  setLabel(id: SolveId, label: string): boolean;
  /**
   * Deletes every solve, puzzle and batch run, then rewrites the file so that none of it remains on
   * disk, and deletes damaged copies moved aside; returns how many solves there were. Settings stay.
   */
  wipe(): number;
  /** The chosen solves, or all of them, newest first. */
  exportSolves(selection: readonly SolveId[] | 'all', format: ExportFormat): string;
  /** Adds the solves of a JSON export that the history does not hold yet, in one transaction. */
  importSolves(text: string): ImportResult;
  getSettings(): StoreSettings;
  updateSettings(change: Partial<StoreSettings>): StoreSettings;
  createBatchRun(run: NewBatchRun): string;
  recordBatchItem(runId: string, item: BatchItemResult): boolean;
  setBatchRunStatus(runId: string, status: BatchRunStatus): boolean;
  getBatchRun(runId: string): BatchRun | null;
  /** Every batch run, newest first. */
  listBatchRuns(): BatchRun[];
  pendingItems(runId: string): BatchItemRef[];
  completedItems(runId: string): BatchItemRecord[];
  /** Safe to call twice. */
  close(): void;
}

export function createHistoryStore(db: Database, file: string): HistoryStore {
  const settings = settingsRepo(db);
  const writeSolve = solveWriter(db);
  const reader = solveReader(db);
  const editor = solveEditor(db);
  const batches = batchRepo(db);
  const exists = db.prepare<[string], number>('SELECT 1 FROM solves WHERE uid = ?').pluck();

  const importRecords = db.transaction((records: SolveRecord[]): ImportOutcome => {
    let added = 0;
    for (const record of records) {
      if (exists.get(record.id) !== undefined) continue;
      writeSolve(record);
      added++;
    }
    return { added, skipped: records.length - added };
  });
  const clear = db.transaction((): number => {
    db.exec('DELETE FROM solve_details');
    const solves = db.prepare('DELETE FROM solves').run().changes;
    db.exec('DELETE FROM source_files; DELETE FROM batch_items; DELETE FROM batch_runs; DELETE FROM puzzles;');
    return solves;
  });

  return {
    file,
    saveSolve(solve) {
      try {
        return onDisk('save the solve to history', () => {
          if (settings.getSettings().privateMode) {
            return { saved: false, reason: 'Private mode is on: solves are not recorded.' };
          }
          const id = newSolveId();
          writeSolve({ ...solve, id, label: '' });
          return { saved: true, id };
        });
      } catch (error) {
        if (error instanceof StoreError) return { saved: false, reason: error.message };
        throw error;
      }
    },
    listSolves: (filter, page) => onDisk('read the history', () => reader.listSolves(filter, page)),
    getSolve: (id) => onDisk('read the solve', () => reader.getSolve(id)),
    deleteSolves: (ids) => onDisk('delete the solves', () => editor.deleteSolves(ids)),
    setLabel: (id, label) => onDisk('label the solve', () => editor.setLabel(id, label)),
    wipe: () =>
      onDisk('wipe the history', () => {
        const deleted = clear();
        // Deleted rows linger in free pages and in the write-ahead log until both are rewritten.
        db.exec('VACUUM');
        db.pragma('wal_checkpoint(TRUNCATE)');
        for (const copy of asideCopies(file)) rmSync(copy, { force: true });
        return deleted;
      }),
    exportSolves: (selection, format) =>
      onDisk('export the history', () => {
        const solves = reader.solveDetails(selection);
        return format === 'json' ? exportJson(solves) : exportCsv(solves);
      }),
    importSolves(text) {
      const parsed = parseExport(text);
      if (!parsed.ok) return parsed;
      return { ok: true, ...onDisk('import the solves', () => importRecords(parsed.solves)) };
    },
    getSettings: () => onDisk('read the settings', settings.getSettings),
    updateSettings: (change) => onDisk('save the settings', () => settings.updateSettings(change)),
    createBatchRun: (run) => onDisk('start the batch run', () => batches.createBatchRun(run)),
    recordBatchItem: (runId, item) => onDisk('save the batch result', () => batches.recordBatchItem(runId, item)),
    setBatchRunStatus: (runId, status) =>
      onDisk('update the batch run', () => batches.setBatchRunStatus(runId, status)),
    getBatchRun: (runId) => onDisk('read the batch run', () => batches.getBatchRun(runId)),
    listBatchRuns: () => onDisk('list the batch runs', () => batches.listBatchRuns()),
    pendingItems: (runId) => onDisk('read the batch run', () => batches.pendingItems(runId)),
    completedItems: (runId) => onDisk('read the batch run', () => batches.completedItems(runId)),
    close() {
      if (!db.open) return;
      try {
        // Lets SQLite refresh the statistics its query planner uses, cheaply, as its docs advise on close.
        db.pragma('optimize');
      } catch {
        // It writes: on a full or read-only disk it fails, and that must not stop a clean close.
      }
      db.close();
    },
  };
}
