import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore, SolveId } from '../../main/store/index.ts';
import { historyFile } from '../../main/store/index.ts';
import { aBatchRun, aSolve, arc, maze, openOrThrow, sudoku, tempDir } from './fixtures.ts';
import { freshFolderPerTest } from './folder.ts';

const folder = freshFolderPerTest();
let store: HistoryStore;

function save(...args: Parameters<typeof aSolve>): SolveId {
  const outcome = store.saveSolve(aSolve(...args));
  if (!outcome.saved) throw new Error(outcome.reason);
  return outcome.id;
}

/** A second connection, for looking at the file the way SQLite sees it. */
function count(table: string): number {
  const db = new Database(store.file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

const all = { offset: 0, limit: 500 };

beforeEach(() => (store = openOrThrow(folder.file)));
afterEach(() => store.close());

describe('a saved solve', () => {
  it('opens again with its puzzle, trace, answer and timings', () => {
    const solve = aSolve(7, { sourceFile: 'puzzles/hard.txt' });
    const outcome = store.saveSolve(solve);
    expect(outcome.saved).toBe(true);
    if (!outcome.saved) return;

    const detail = store.getSolve(outcome.id);
    expect(detail).toEqual({
      id: outcome.id,
      kind: 'sudoku',
      createdAt: solve.createdAt,
      sourceFile: 'puzzles/hard.txt',
      modelId: solve.modelId,
      status: 'solved',
      steps: 16,
      verified: true,
      totalMs: 120.5,
      label: '',
      puzzle: solve.puzzle,
      modelSha256: solve.modelSha256,
      provider: 'cpu',
      options: solve.options,
      trace: solve.steps,
      final: solve.final,
      error: null,
      timings: solve.timings,
    });
  });

  it('keeps a failed solve with its error and no answer', () => {
    const id = save(1, { status: 'failed', steps: [], final: null, error: 'The model file is missing.' });
    expect(store.getSolve(id)).toMatchObject({ status: 'failed', steps: 0, verified: false, final: null, trace: [] });
    expect(store.getSolve(id)?.error).toBe('The model file is missing.');
  });

  it('is refused loudly when the engine hands over something impossible: a bug, not a full disk', () => {
    expect(() => store.saveSolve(aSolve(1, { status: 'half-done' as never }))).toThrow(/CHECK constraint/);
  });

  it('takes its source file from the puzzle when none is given', () => {
    const id = save(1);
    expect(store.getSolve(id)?.sourceFile).toBe('puzzles/easy.txt');
  });

  it('is not found once deleted, nor is a made-up id', () => {
    const id = save(1);
    expect(store.deleteSolves([id, 'no-such-id'])).toBe(1);
    expect(store.getSolve(id)).toBeNull();
  });

  it('stores a puzzle solved twice, even from two files, once', () => {
    save(1, { puzzle: sudoku(5, 'a.txt') });
    save(2, { puzzle: sudoku(5, 'b.txt') });
    save(3, { puzzle: sudoku(6, 'a.txt') });
    expect(count('solves')).toBe(3);
    expect(count('puzzles')).toBe(2);
  });

  it('keeps each solve’s own source for a shared puzzle', () => {
    const a = save(1, { puzzle: sudoku(5, 'a.txt') });
    const b = save(2, { puzzle: sudoku(5, 'b.txt') });
    expect(store.getSolve(a)?.puzzle.source.file).toBe('a.txt');
    expect(store.getSolve(b)?.puzzle.source.file).toBe('b.txt');
  });

  it('round-trips mazes and ARC puzzles', () => {
    const m = save(1, { puzzle: maze });
    const a = save(2, { puzzle: arc });
    expect(store.getSolve(m)?.puzzle).toEqual(maze);
    expect(store.getSolve(a)?.puzzle).toEqual(arc);
    expect(store.getSolve(a)?.kind).toBe('arc');
  });
});

describe('deleting', () => {
  it('deletes many at once, with the puzzles and file names only they used', () => {
    const ids = [1, 2, 3].map((seed) => save(seed, { sourceFile: `only-mine-${seed}.txt` }));
    const kept = save(4, { puzzle: sudoku(1) });
    expect(store.deleteSolves(ids)).toBe(3);
    expect(store.listSolves({}, all).items.map((s) => s.id)).toEqual([kept]);
    expect(count('puzzles')).toBe(1);
    expect(count('source_files')).toBe(1);
  });
});

describe('the list', () => {
  it('pages newest first, with the total across pages', () => {
    const ids = Array.from({ length: 7 }, (_, seed) => save(seed));
    const first = store.listSolves({}, { offset: 0, limit: 3 });
    const third = store.listSolves({}, { offset: 6, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((s) => s.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(third.items.map((s) => s.id)).toEqual([ids[0]]);
  });

  it('filters by kind, model and verification', () => {
    const sudokuVerified = save(1);
    const mazeSolve = save(2, { puzzle: maze, modelId: 'maze-5m' });
    const unverified = save(3, { final: { cells: [], verified: false, conflicts: ['row 1 has two 5s'] } });
    const ids = (filter: Parameters<HistoryStore['listSolves']>[0]) =>
      store.listSolves(filter, all).items.map((s) => s.id);

    expect(ids({ kind: 'maze' })).toEqual([mazeSolve]);
    expect(ids({ modelId: 'sudoku-mlp-5m' })).toEqual([unverified, sudokuVerified]);
    expect(ids({ verified: true })).toEqual([mazeSolve, sudokuVerified]);
    expect(ids({ verified: false })).toEqual([unverified]);
    expect(ids({ kind: 'sudoku', verified: true })).toEqual([sudokuVerified]);
  });

  it('filters by date, from `since` (inclusive) up to `until` (exclusive)', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 4, day)).toISOString();
    const [d1, d2, d3] = [1, 2, 3].map((day) => save(day, { createdAt: at(day) }));
    const ids = (filter: Parameters<HistoryStore['listSolves']>[0]) =>
      store.listSolves(filter, all).items.map((s) => s.id);
    expect(ids({ since: '2026-05-02' })).toEqual([d3, d2]);
    expect(ids({ until: '2026-05-02' })).toEqual([d1]);
    expect(ids({ since: '2026-05-02', until: '2026-05-03T00:00:00Z' })).toEqual([d2]);
  });

  it('searches labels and source file names, ignoring case, taking % and _ literally', () => {
    const labelled = save(1);
    store.setLabel(labelled, 'The Nightmare one');
    const fromFile = save(2, { sourceFile: '/home/me/nightmare_100%.txt' });
    const other = save(3, { sourceFile: 'nightmareX100.txt' });
    const search = (text: string) =>
      store
        .listSolves({ search: text }, all)
        .items.map((s) => s.id)
        .sort();
    expect(search('NIGHTMARE')).toHaveLength(3);
    expect(search('_100%')).toEqual([fromFile]);
    expect(search('nightmare one')).toEqual([labelled]);
    expect(search('x1')).toEqual([other]);
    expect(search('%')).toEqual([fromFile]);
  });

  it('pages a search alike whether it matches a few solves or most of them', () => {
    const ids = Array.from({ length: 12 }, (_, seed) =>
      save(seed, { sourceFile: seed < 10 ? `common-${seed}.txt` : 'rare.txt' }),
    );
    const page = (search: string, offset: number) =>
      store.listSolves({ search }, { offset, limit: 3 }).items.map((s) => s.id);
    expect(store.listSolves({ search: 'common' }, { offset: 0, limit: 3 }).total).toBe(10);
    expect(page('common', 0)).toEqual([ids[9], ids[8], ids[7]]);
    expect(page('common', 3)).toEqual([ids[6], ids[5], ids[4]]);
    expect(page('common', 9)).toEqual([ids[0]]);
    expect(page('rare', 0)).toEqual([ids[11], ids[10]]);
  });

  it('searches labels as they are now, not as they were', () => {
    const id = save(1);
    store.setLabel(id, 'first name');
    store.setLabel(id, 'second name');
    expect(store.listSolves({ search: 'first' }, all).total).toBe(0);
    expect(store.listSolves({ search: 'second' }, all).total).toBe(1);
    store.deleteSolves([id]);
    expect(store.listSolves({ search: 'second' }, all).total).toBe(0);
  });
});

describe('labels', () => {
  it('are shown in the list and say false for an unknown solve', () => {
    const id = save(1);
    expect(store.setLabel(id, 'first try')).toBe(true);
    expect(store.setLabel('no-such-id', 'x')).toBe(false);
    expect(store.listSolves({}, all).items[0]?.label).toBe('first try');
  });
});

describe('private mode', () => {
  it('writes no solve at all while on, and survives reopening', () => {
    expect(store.getSettings()).toEqual({ privateMode: false });
    store.updateSettings({ privateMode: true });
    expect(store.saveSolve(aSolve(1))).toEqual({ saved: false, reason: expect.stringMatching(/private/i) });
    expect(count('solves')).toBe(0);
    expect(count('puzzles')).toBe(0);

    store.close();
    store = openOrThrow(folder.file);
    expect(store.getSettings().privateMode).toBe(true);
    store.updateSettings({ privateMode: false });
    expect(store.saveSolve(aSolve(1)).saved).toBe(true);
  });
});

describe('wiping', () => {
  it('leaves nothing of the history in the file, its log or damaged copies, and keeps the settings', () => {
    store.updateSettings({ privateMode: false });
    const marker = 'secret-diary-of-solves';
    for (let seed = 0; seed < 50; seed++) save(seed, { sourceFile: `${marker}-${seed}.txt` });
    store.createBatchRun({
      folder: `/${marker}`,
      modelId: 'm',
      modelSha256: 's',
      provider: 'cpu',
      settings: aSolve(0).options,
      items: [{ sourceFile: 'a.txt', index: 0 }],
    });
    const onDisk = () =>
      ['', '-wal']
        .map((suffix) => {
          try {
            return readFileSync(store.file + suffix).toString('latin1');
          } catch {
            return '';
          }
        })
        .join('');
    expect(onDisk()).toContain(marker);
    const damagedCopy = `${store.file}.damaged-2026-01-01T00-00-00-000Z`;
    writeFileSync(damagedCopy, marker);

    expect(store.wipe()).toBe(50);
    expect(existsSync(damagedCopy)).toBe(false);

    expect(onDisk()).not.toContain(marker);
    expect(store.listSolves({}, all).total).toBe(0);
    expect(count('puzzles') + count('batch_runs') + count('batch_items')).toBe(0);
    expect(store.getSettings()).toEqual({ privateMode: false });
  });
});

describe('solves and batch runs stored before the app could rethink', () => {
  /** Takes `rethinks` out of what the file holds, as rows written by an older version lack it. */
  function asWrittenBefore(table: 'solve_details' | 'batch_runs', column: 'options' | 'settings') {
    const db = new Database(store.file);
    try {
      db.prepare(`UPDATE ${table} SET ${column} = json_remove(${column}, '$.rethinks')`).run();
    } finally {
      db.close();
    }
  }

  it('read as not rethinking', () => {
    const id = save(3);
    const runId = store.createBatchRun(
      aBatchRun({ settings: { policy: 'verified', maxSteps: 16, augmentations: 7, rethinks: 8 } }),
    );
    asWrittenBefore('solve_details', 'options');
    asWrittenBefore('batch_runs', 'settings');
    expect(store.getSolve(id)?.options).toEqual({ policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 });
    expect(store.getBatchRun(runId)?.settings).toEqual({
      policy: 'verified',
      maxSteps: 16,
      augmentations: 7,
      rethinks: 0,
    });
  });

  it('import from an older export as not rethinking, and exports name the rounds asked for', () => {
    const id = save(4);
    const file = JSON.parse(store.exportSolves('all', 'json')) as { solves: { options: { rethinks?: number } }[] };
    for (const solve of file.solves) delete solve.options.rethinks;
    const other = tempDir();
    const copy = openOrThrow(historyFile(other.dir));
    try {
      expect(copy.importSolves(JSON.stringify(file))).toEqual({ ok: true, added: 1, skipped: 0 });
      expect(copy.getSolve(id)?.options.rethinks).toBe(0);
    } finally {
      copy.close();
      other.remove();
    }
    const [header, row] = store.exportSolves('all', 'csv').split('\r\n');
    const column = header!.split(',').indexOf('rethinks');
    expect(column).toBeGreaterThan(-1);
    expect(row!.split(',')[column]).toBe('0');
  });
});

describe('export and import', () => {
  it('moves the whole history to another store through JSON, and importing twice adds nothing', () => {
    const ids = [save(1), save(2, { puzzle: maze }), save(3, { puzzle: arc, status: 'unsolved', final: null })];
    store.setLabel(ids[0] ?? '', 'labelled');
    const file = store.exportSolves('all', 'json');

    const other = tempDir();
    const copy = openOrThrow(historyFile(other.dir));
    try {
      expect(copy.importSolves(file)).toEqual({ ok: true, added: 3, skipped: 0 });
      expect(copy.importSolves(file)).toEqual({ ok: true, added: 0, skipped: 3 });
      for (const id of ids) expect(copy.getSolve(id)).toEqual(store.getSolve(id));
      expect(copy.listSolves({}, all).total).toBe(3);
    } finally {
      copy.close();
      other.remove();
    }
  });

  it('exports only the chosen solves', () => {
    const [a, , c] = [1, 2, 3].map((seed) => save(seed));
    const file = JSON.parse(store.exportSolves([a ?? '', c ?? ''], 'json')) as { solves: { id: string }[] };
    expect(file.solves.map((s) => s.id)).toEqual([c, a]);
  });

  it('writes CSV a spreadsheet opens safely: quoted where needed, formulas defused', () => {
    const id = save(1, { sourceFile: 'my, "odd" file.txt' });
    store.setLabel(id, '=HYPERLINK("http://x")');
    const [header, row, end] = store.exportSolves('all', 'csv').split('\r\n');
    expect(header?.split(',')).toEqual(expect.arrayContaining(['id', 'created_at', 'kind', 'model_id', 'verified']));
    expect(row).toContain(`${id},`);
    expect(row).toContain('"my, ""odd"" file.txt"');
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(end).toBe('');
  });

  it('refuses a file that is not an export, saying what is wrong', () => {
    expect(store.importSolves('{ not json')).toMatchObject({ ok: false, reason: 'The file is not JSON.' });
    const wrong = JSON.stringify({ format: 'trm-history', version: 1, solves: [{ id: 'x' }] });
    const result = store.importSolves(wrong);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.join('\n')).toMatch(/solves\.0\.id/);
    expect(result.details.join('\n')).toMatch(/solves\.0\.puzzle/);
    expect(count('solves')).toBe(0);
  });

  it('imports all or nothing', () => {
    save(1);
    const file = JSON.parse(store.exportSolves('all', 'json')) as { solves: Record<string, unknown>[] };
    const good = file.solves[0] ?? {};
    const broken = { ...good, id: crypto.randomUUID(), puzzle: { ...sudoku(2), givens: [1, 2, 3] } };
    const result = store.importSolves(
      JSON.stringify({ ...file, solves: [{ ...good, id: crypto.randomUUID() }, broken] }),
    );
    expect(result.ok).toBe(false);
    expect(count('solves')).toBe(1);
  });
});

describe('batch runs', () => {
  const items = [
    { sourceFile: 'a.txt', index: 0 },
    { sourceFile: 'a.txt', index: 1 },
    { sourceFile: 'b.txt', index: 0 },
  ];
  const newRun = aBatchRun({ items });
  const result = (ref: (typeof items)[number], seed: number) => ({
    ...ref,
    puzzle: sudoku(seed),
    answer: [1, 2, 3],
    verified: true,
    exact: null,
    steps: 4,
    timeMs: 12,
  });

  it('starts with every item pending and records each result once', () => {
    const runId = store.createBatchRun(newRun);
    expect(store.pendingItems(runId)).toEqual(items);
    expect(store.getBatchRun(runId)).toMatchObject({ status: 'running', total: 3, done: 0, finishedAt: null });

    expect(store.recordBatchItem(runId, result(items[1] ?? items[0]!, 1))).toBe(true);
    expect(store.recordBatchItem(runId, { ...result(items[1]!, 1), answer: [9], error: 'again' })).toBe(false);

    expect(store.pendingItems(runId)).toEqual([items[0], items[2]]);
    expect(store.completedItems(runId)).toEqual([
      { ...items[1], answer: [1, 2, 3], verified: true, exact: null, steps: 4, timeMs: 12, doneAt: expect.any(String) },
    ]);
    expect(store.getBatchRun(runId)).toMatchObject({ total: 3, done: 1 });
  });

  it('records a result the plan did not list (a file added before resuming)', () => {
    const runId = store.createBatchRun(newRun);
    expect(store.recordBatchItem(runId, result({ sourceFile: 'c.txt', index: 0 }, 1))).toBe(true);
    expect(store.getBatchRun(runId)).toMatchObject({ total: 4, done: 1 });
  });

  it('finishes, resumes, and keeps its settings', () => {
    const runId = store.createBatchRun(newRun);
    expect(store.setBatchRunStatus(runId, 'cancelled')).toBe(true);
    expect(store.getBatchRun(runId)).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
    store.setBatchRunStatus(runId, 'running');
    expect(store.getBatchRun(runId)).toMatchObject({ status: 'running', finishedAt: null, settings: newRun.settings });
    expect(store.getBatchRun('no-such-run')).toBeNull();
  });

  it('are listed newest first, with their progress', () => {
    const first = store.createBatchRun(newRun);
    const second = store.createBatchRun({ ...newRun, folder: '/other' });
    store.recordBatchItem(second, result(items[0]!, 1));
    expect(store.listBatchRuns()).toMatchObject([
      { id: second, folder: '/other', total: 3, done: 1 },
      { id: first, folder: '/puzzles', total: 3, done: 0 },
    ]);
  });

  it('keeps the puzzles its items refer to when the solves on them are deleted', () => {
    const runId = store.createBatchRun(newRun);
    store.recordBatchItem(runId, result(items[0]!, 1));
    store.deleteSolves([save(1)]);
    expect(count('puzzles')).toBe(1);
  });
});
