// The solves: written one transaction each, listed newest first, opened with their trace.
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { PuzzleKindId } from '../puzzles/types.ts';
import { pack, unpack } from './codec.ts';
import { filterCondition, isoTime } from './filter.ts';
import { pruneOrphanPuzzles, puzzleRows, withSource } from './puzzles.ts';
import { readSolveSettings } from './solve-settings.ts';
import type {
  FinalAnswer,
  NewSolve,
  PageRequest,
  SolveDetail,
  SolveFilter,
  SolveId,
  SolvePage,
  SolveStatus,
  SolveSummary,
  TraceStep,
} from './types.ts';

/** What `detail` packs: the bulky part of a solve, read only when one solve is opened. */
interface PackedDetail {
  trace: TraceStep[];
  stepMs: number[];
  final: FinalAnswer | null;
}

interface SummaryRow {
  uid: string;
  kind: PuzzleKindId;
  created_at: string;
  source_file: string;
  model_id: string;
  status: SolveStatus;
  steps: number;
  verified: 0 | 1;
  total_ms: number;
  label: string;
}

interface DetailRow extends SummaryRow {
  body: Buffer;
  source: string;
  model_sha256: string;
  provider: string;
  options: string;
  detail: Buffer;
  error: string | null;
}

const summaryColumns = `s.uid, s.kind, s.created_at, f.name AS source_file, s.model_id, s.status, s.steps,
  s.verified, s.total_ms, s.label`;
const summaryFrom = 'solves s JOIN source_files f ON f.id = s.source_file_id';
const summaryQuery = `SELECT ${summaryColumns} FROM ${summaryFrom}`;
const detailQuery = `SELECT ${summaryColumns}, p.body, d.source, d.model_sha256, d.provider, d.options, d.detail,
  d.error FROM ${summaryFrom} JOIN solve_details d ON d.solve_id = s.id JOIN puzzles p ON p.id = s.puzzle_id`;

function summary(row: SummaryRow): SolveSummary {
  return {
    id: row.uid,
    kind: row.kind,
    createdAt: row.created_at,
    sourceFile: row.source_file,
    modelId: row.model_id,
    status: row.status,
    steps: row.steps,
    verified: row.verified === 1,
    totalMs: row.total_ms,
    label: row.label,
  };
}

function detail(row: DetailRow): SolveDetail {
  const packed = unpack<PackedDetail>(row.detail);
  return {
    ...summary(row),
    puzzle: withSource(row.body, JSON.parse(row.source)),
    modelSha256: row.model_sha256,
    provider: row.provider,
    options: readSolveSettings(row.options),
    trace: packed.trace,
    final: packed.final,
    error: row.error,
    timings: { totalMs: row.total_ms, stepMs: packed.stepMs },
  };
}

/** A stored solve as it was given, plus what only the history adds: its id and label. */
export type SolveRecord = NewSolve & { id: SolveId; label: string };

/** Returns a function that writes one solve in its own transaction (puzzle and solve together). */
export function solveWriter(db: Database): (record: SolveRecord) => void {
  const puzzleId = puzzleRows(db);
  const findFile = db.prepare<[string], number>('SELECT id FROM source_files WHERE name = ?').pluck();
  const insertFile = db.prepare<[string]>('INSERT INTO source_files (name) VALUES (?)');
  const fileId = (name: string) => findFile.get(name) ?? Number(insertFile.run(name).lastInsertRowid);
  const insertSolve = db.prepare(
    `INSERT INTO solves (uid, puzzle_id, kind, source_file_id, model_id, status, steps, verified, total_ms, label,
       created_at)
     VALUES (@uid, @puzzleId, @kind, @sourceFile, @modelId, @status, @steps, @verified, @totalMs, @label, @createdAt)`,
  );
  const insertDetails = db.prepare(
    `INSERT INTO solve_details (solve_id, source, model_sha256, provider, options, error, detail)
     VALUES (@solveId, @source, @modelSha256, @provider, @options, @error, @detail)`,
  );
  return db.transaction((record: SolveRecord) => {
    const { lastInsertRowid } = insertSolve.run({
      uid: record.id,
      puzzleId: puzzleId(record.puzzle),
      kind: record.puzzle.kind,
      sourceFile: fileId(record.sourceFile ?? record.puzzle.source.file),
      modelId: record.modelId,
      status: record.status,
      steps: record.steps.length,
      verified: record.final?.verified ? 1 : 0,
      totalMs: record.timings.totalMs,
      label: record.label,
      createdAt: isoTime(record.createdAt ?? new Date().toISOString()),
    });
    const packed: PackedDetail = { trace: record.steps, stepMs: record.timings.stepMs, final: record.final };
    insertDetails.run({
      solveId: lastInsertRowid,
      source: JSON.stringify(record.puzzle.source),
      modelSha256: record.modelSha256,
      provider: record.provider,
      options: JSON.stringify(record.options),
      error: record.error ?? null,
      detail: pack(packed),
    });
  });
}

export function newSolveId(): SolveId {
  return randomUUID();
}

export function solveReader(db: Database) {
  // A handful of filter shapes recur; preparing each once keeps a page under a millisecond of overhead.
  const prepared = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = db.prepare(sql)));
    return found;
  };
  const newestFirst = 'ORDER BY s.created_at DESC, s.id DESC';
  const everything = db.prepare<[], number>('SELECT count(*) FROM solves').pluck();
  const byId = db.prepare<[string], DetailRow>(`${detailQuery} WHERE s.uid = ?`);
  const all = db.prepare<[], DetailRow>(`${detailQuery} ${newestFirst}`);
  const chosen = db.prepare<[string], DetailRow>(
    `${detailQuery} WHERE s.uid IN (SELECT value FROM json_each(?)) ${newestFirst}`,
  );

  return {
    listSolves(filter: SolveFilter, page: PageRequest): SolvePage {
      // A search's matches can be gathered through their own indexes, or the search checked on each
      // solve another index yields. Counting a search alone gathers; with other filters it checks
      // each entry of their covering index, since gathering would read every matching row to check
      // them. For the page, gathering sorts all matches, while reading newest first stops when the
      // page is full (after about page end * all / matches solves): the count says which reads
      // fewer, which SQLite cannot know.
      const searchAlone = Object.entries(filter).every(([key, value]) => key === 'search' || value === undefined);
      const counting = filterCondition(filter, { scanSearch: !searchAlone });
      const total = statement(`SELECT count(*) FROM solves s WHERE ${counting.sql}`)
        .pluck()
        .get(counting.params) as number;
      const scan = !!filter.search && total * total > (page.offset + page.limit) * (everything.get() ?? 0);
      const where = filterCondition(filter, { scanSearch: scan });
      const rows = statement(`${summaryQuery} WHERE ${where.sql} ${newestFirst} LIMIT @limit OFFSET @offset`).all({
        ...where.params,
        limit: page.limit,
        offset: page.offset,
      }) as SummaryRow[];
      return { total, items: rows.map(summary) };
    },

    getSolve(id: SolveId): SolveDetail | null {
      const row = byId.get(id);
      return row ? detail(row) : null;
    },

    /** The chosen solves, or all, in full, newest first. */
    solveDetails(selection: readonly SolveId[] | 'all'): SolveDetail[] {
      return (selection === 'all' ? all.all() : chosen.all(JSON.stringify(selection))).map(detail);
    },
  };
}

export function solveEditor(db: Database) {
  const relabel = db.prepare<[string, string]>('UPDATE solves SET label = ? WHERE uid = ?');
  const remove = db.prepare<[string], { puzzle_id: number; source_file_id: number }>(
    'DELETE FROM solves WHERE uid IN (SELECT value FROM json_each(?)) RETURNING puzzle_id, source_file_id',
  );
  const pruneFiles = db.prepare<[string]>(
    `DELETE FROM source_files WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM solves WHERE source_file_id = source_files.id)`,
  );
  return {
    /** Returns how many of the ids were found and deleted. */
    deleteSolves: db.transaction((ids: readonly SolveId[]): number => {
      const removed = remove.all(JSON.stringify(ids));
      pruneOrphanPuzzles(db, [...new Set(removed.map((row) => row.puzzle_id))]);
      pruneFiles.run(JSON.stringify([...new Set(removed.map((row) => row.source_file_id))]));
      return removed.length;
    }),

    /** Returns false when there is no such solve. */
    setLabel(id: SolveId, label: string): boolean {
      return relabel.run(label, id).changes === 1;
    },
  };
}
