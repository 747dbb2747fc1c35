// The database layout, as the list of steps that build it. `PRAGMA user_version` records how
// many have run; opening a file runs the rest, each in its own transaction, so a file from any
// earlier version is brought up to date and a crash mid-upgrade leaves the last good version.
import type { Database } from 'better-sqlite3';

export const migrations: readonly string[] = [
  // 1: puzzles, the files they came from, the solves made on them, settings.
  `
  CREATE TABLE puzzles (
    id INTEGER PRIMARY KEY,
    -- sha256 of the puzzle's canonical JSON without its source: one row per distinct puzzle.
    hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    body BLOB NOT NULL
  ) STRICT;

  -- Each file name once: a search by name reads these few rows, not every solve.
  CREATE TABLE source_files (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  ) STRICT;

  CREATE TABLE solves (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    puzzle_id INTEGER NOT NULL REFERENCES puzzles(id),
    -- Copied from the puzzle so that filtering by kind and ordering by date use one index.
    kind TEXT NOT NULL,
    source_file_id INTEGER NOT NULL REFERENCES source_files(id),
    model_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('solved', 'unsolved', 'cancelled', 'failed')),
    steps INTEGER NOT NULL,
    verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
    total_ms REAL NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT;

  -- What only opening one solve needs, kept apart so that listing and searching scan small rows.
  CREATE TABLE solve_details (
    solve_id INTEGER PRIMARY KEY REFERENCES solves(id) ON DELETE CASCADE,
    -- The puzzle's PuzzleSource (file, line, index) as JSON.
    source TEXT NOT NULL,
    model_sha256 TEXT NOT NULL,
    provider TEXT NOT NULL,
    options TEXT NOT NULL,
    error TEXT,
    -- The step trace, step times and final answer, packed (codec.ts).
    detail BLOB NOT NULL
  ) STRICT;
  -- Newest first within each filter; the trailing columns let a count check the other filters
  -- in the index alone, without reading each row.
  CREATE INDEX solves_by_date ON solves (created_at DESC, id DESC, kind, verified, source_file_id);
  CREATE INDEX solves_by_kind ON solves (kind, created_at DESC, id DESC, verified, source_file_id);
  CREATE INDEX solves_by_model ON solves (model_id, created_at DESC, id DESC, kind, verified, source_file_id);
  CREATE INDEX solves_by_puzzle ON solves (puzzle_id);
  CREATE INDEX solves_by_file ON solves (source_file_id);
  -- Most solves have no label: a search through labels reads only the labelled ones.
  CREATE INDEX solves_labelled ON solves (label) WHERE label <> '';

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 2: batch runs over a folder and their items, written one result at a time.
  `
  CREATE TABLE batch_runs (
    id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    model_id TEXT NOT NULL,
    model_sha256 TEXT NOT NULL,
    provider TEXT NOT NULL,
    settings TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    created_at TEXT NOT NULL,
    finished_at TEXT
  ) STRICT;

  CREATE TABLE batch_items (
    run_id TEXT NOT NULL REFERENCES batch_runs(id) ON DELETE CASCADE,
    source_file TEXT NOT NULL,
    puzzle_index INTEGER NOT NULL,
    puzzle_id INTEGER REFERENCES puzzles(id),
    answer TEXT,
    verified INTEGER,
    exact INTEGER,
    steps INTEGER,
    time_ms REAL,
    error TEXT,
    done_at TEXT,
    -- A resumed run finds each puzzle's row again instead of adding a second one.
    PRIMARY KEY (run_id, source_file, puzzle_index)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX batch_items_by_puzzle ON batch_items (puzzle_id);
  `,
];

export const schemaVersion = migrations.length;

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the migrations after the file's version, up to `target`. */
export function migrate(db: Database, target = schemaVersion): void {
  for (let version = userVersion(db); version < target; version++) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
