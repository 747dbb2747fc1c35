// What went wrong with the history file, said so that a user knows what to do about it.
import Database from 'better-sqlite3';

/** The disk refused the history (full, read-only, unreadable): the app goes on without it. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** SQLite's result codes that mean the file itself is damaged, not the disk around it. */
export function isCorruption(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
}

/** SQLite's result codes for a disk or file that refuses; any other is a bug in our SQL. */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PERM|CORRUPT|NOTADB)/.test(error.code)
  );
}

/** One sentence on why the disk refused, for a SQLite or file-system error. */
export function explainFailure(error: unknown): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return raw;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'the file or its folder is read-only';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${raw})`;
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the file cannot be created or opened there';
  if (code.startsWith('SQLITE_BUSY')) return 'another program holds the history file locked';
  if (code.startsWith('SQLITE_IOERR')) return `the disk reported an error (${raw})`;
  if (isCorruption(error)) return 'the file is damaged';
  return raw;
}

/** Runs one store operation, turning a refusal of the disk into a StoreError that explains it. */
export function onDisk<T>(what: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (isRefusal(error)) {
      throw new StoreError(`Could not ${what}: ${explainFailure(error)}.`, { cause: error });
    }
    throw error;
  }
}
