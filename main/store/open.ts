// Opening the history file: set up, checked, upgraded; a damaged file is moved aside and a fresh
// one started; a disk that refuses gives a reason instead of a store, and the app goes on without.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { asideName } from './aside.ts';
import { explainFailure, isCorruption, StoreError } from './errors.ts';
import { migrate, schemaVersion, userVersion } from './schema.ts';
import type { HistoryStore } from './store.ts';
import { createHistoryStore } from './store.ts';

/** How long a write waits for another process's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** A cap on the file's size: past it, writes fail as they would on a full disk. */
  maxSizeBytes?: number;
  /** The clock that names a damaged file moved aside. */
  now?: () => Date;
}

export type OpenResult = { ok: true; store: HistoryStore; notice?: string } | { ok: false; reason: string };

export function historyFile(dataDir: string): string {
  return join(dataDir, 'history.sqlite');
}

/**
 * Opens the history at `file`, creating its folder. `notice` is something the user should know
 * (a damaged file was replaced); `reason` says why there is no history this time.
 */
export function openStore(file: string, options: OpenOptions = {}): OpenResult {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    return {
      ok: false,
      reason: `Cannot create the folder for the history, ${dirname(file)}: ${explainFailure(error)}.`,
    };
  }
  try {
    return { ok: true, store: createHistoryStore(connect(file, options), file) };
  } catch (error) {
    if (!isCorruption(error)) return { ok: false, reason: refusal(file, error) };
    const damage = explainFailure(error);
    try {
      const aside = moveAside(file, (options.now ?? (() => new Date()))());
      return {
        ok: true,
        store: createHistoryStore(connect(file, options), file),
        notice: `The history file was damaged (${damage}). It was moved to ${aside} and a new, empty history started.`,
      };
    } catch (again) {
      return {
        ok: false,
        reason: `The history file ${file} is damaged (${damage}) and could not be replaced: ${explainFailure(again)}.`,
      };
    }
  }
}

function refusal(file: string, error: unknown): string {
  return error instanceof StoreError ? error.message : `Cannot use the history file ${file}: ${explainFailure(error)}.`;
}

/** Opens, sets up, checks and upgrades the database; throws what SQLite or the check found. */
export function connect(file: string, options: OpenOptions): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Read before anything is set: a file from a newer version must be left exactly as it is.
    const version = userVersion(db);
    if (version > schemaVersion) {
      throw new StoreError(
        `The history file ${file} was written by a newer version of TRM (schema ${version}; this one reads up to ${schemaVersion}). It was left as it is.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted solves are overwritten, not just unlinked: private data should not outlive its deletion.
    db.pragma('secure_delete = ON');
    if (options.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Database.SqliteError(String(check), 'SQLITE_CORRUPT');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Renames a damaged file (with its write-ahead log) out of the way; returns its new name. */
function moveAside(file: string, now: Date): string {
  const aside = asideName(file, now);
  renameSync(file, aside);
  if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
  // The shared-memory index is rebuilt from the log; a stale one must not meet the new file.
  rmSync(`${file}-shm`, { force: true });
  return aside;
}
