import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, openStore } from '../../main/store/index.ts';
import { connect } from '../../main/store/open.ts';
import { migrate, schemaVersion, userVersion } from '../../main/store/schema.ts';
import { solveWriter } from '../../main/store/solves.ts';
import { aSolve, openOrThrow } from './fixtures.ts';
import { freshFolderPerTest } from './folder.ts';

const folder = freshFolderPerTest();

function integrity(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('opening the history', () => {
  it('creates the folder and an empty history at the latest schema', () => {
    const store = openOrThrow(join(folder.dir, 'nested', 'deeper', 'history.sqlite'));
    expect(store.listSolves({}, { offset: 0, limit: 10 })).toEqual({ total: 0, items: [] });
    store.close();
    store.close();
  });

  it('sets up the connection: WAL, NORMAL sync, foreign keys, a busy timeout', () => {
    const db = connect(folder.file, {});
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(userVersion(db)).toBe(schemaVersion);
    } finally {
      db.close();
    }
  });

  // Each earlier version is built by running the migrations up to it, with a solve written in the
  // columns of that version, then opened as a user upgrading would.
  for (let version = 0; version < schemaVersion; version++) {
    it(`upgrades a file from version ${version}, keeping what it held`, () => {
      const db = new Database(folder.file);
      migrate(db, version);
      const id = crypto.randomUUID();
      if (version >= 1) solveWriter(db)({ ...aSolve(1), id, label: 'kept' });
      db.close();

      const store = openOrThrow(folder.file);
      try {
        if (version >= 1) {
          expect(store.getSolve(id)?.label).toBe('kept');
          expect(store.listSolves({ search: 'KEPT' }, { offset: 0, limit: 1 }).total).toBe(1);
        }
        const runId = store.createBatchRun({
          folder: '/f',
          modelId: 'm',
          modelSha256: 's',
          provider: 'cpu',
          settings: aSolve(1).options,
          items: [{ sourceFile: 'a.txt', index: 0 }],
        });
        expect(store.pendingItems(runId)).toHaveLength(1);
        expect(store.saveSolve(aSolve(2)).saved).toBe(true);
      } finally {
        store.close();
      }
      const check = new Database(folder.file, { readonly: true });
      expect(userVersion(check)).toBe(schemaVersion);
      check.close();
    });
  }

  it('leaves a file from a newer version untouched, and says so', () => {
    const db = new Database(folder.file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    const before = readFileSync(folder.file);

    const result = openStore(folder.file);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('newer version of TRM') });
    expect(readFileSync(folder.file)).toEqual(before);
  });
});

describe('a damaged history file', () => {
  const at = new Date('2026-11-28T10:20:30.456Z');
  const aside = () => `${folder.file}.damaged-2026-11-28T10-20-30-456Z`;

  it('that is not a database at all is moved aside and a fresh history started, with a notice', () => {
    writeFileSync(folder.file, 'this is not a database, it only has the name of one'.repeat(100));
    const result = openStore(folder.file, { now: () => at });
    expect(result).toMatchObject({ ok: true, notice: expect.stringContaining(aside()) });
    if (!result.ok) return;
    const store = result.store;
    expect(store.saveSolve(aSolve(1)).saved).toBe(true);
    store.close();
    expect(readFileSync(aside(), 'utf8')).toMatch(/^this is not a database/);
  });

  it('with a page overwritten is found by the check at open, and moved aside', () => {
    const store = openOrThrow(folder.file);
    for (let seed = 0; seed < 200; seed++) store.saveSolve(aSolve(seed));
    store.close();
    const bytes = readFileSync(folder.file);
    const pageSize = 4096;
    // Page 5 onwards holds table and index pages; scribbling over one is what a bad sector does.
    bytes.fill(0x5a, 5 * pageSize + 100, 6 * pageSize);
    writeFileSync(folder.file, bytes);

    const result = openStore(folder.file, { now: () => at });
    expect(result).toMatchObject({ ok: true, notice: expect.stringMatching(/damaged/) });
    if (!result.ok) return;
    const fresh = result.store;
    expect(fresh.listSolves({}, { offset: 0, limit: 1 }).total).toBe(0);
    fresh.close();
    expect(existsSync(aside())).toBe(true);
  });
});

describe('a disk that refuses', () => {
  // Root ignores file permissions, so a chmod-ed folder would not refuse in CI. sysfs refuses to
  // create anything in /sys, for root too: a folder where nothing can be written, for every user.
  it.runIf(process.platform === 'linux')('gives a reason instead of a store when the folder cannot be written', () => {
    const result = openStore('/sys/trm-history-test/history.sqlite');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Cannot create the folder .*: permission/) });
  });

  it('gives a reason when the path is under a file, not a folder', () => {
    writeFileSync(join(folder.dir, 'a-file'), '');
    const result = openStore(join(folder.dir, 'a-file', 'history.sqlite'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('Cannot create the folder') });
  });

  // SQLITE_FULL for real: the page limit is SQLite's own notion of a full disk, reached the same way.
  it('when full, does not save the solve and says why; what was committed stays whole and readable', () => {
    const store = openOrThrow(folder.file, { maxSizeBytes: 256 * 1024 });
    const saved: string[] = [];
    let refusal = '';
    for (let seed = 0; seed < 5000 && !refusal; seed++) {
      const outcome = store.saveSolve(aSolve(seed));
      if (outcome.saved) saved.push(outcome.id);
      else refusal = outcome.reason;
    }
    expect(refusal).toBe('Could not save the solve to history: the disk is full.');
    expect(saved.length).toBeGreaterThan(10);
    expect(() => store.setLabel(saved[0] ?? '', 'x'.repeat(300_000))).toThrow(/disk is full/);
    expect(store.listSolves({}, { offset: 0, limit: 1 }).total).toBe(saved.length);
    // Deleting frees room again: the history recovers without a restart.
    store.deleteSolves(saved.slice(0, saved.length / 2));
    expect(store.saveSolve(aSolve(1_000_000)).saved).toBe(true);
    store.close();
    expect(integrity(folder.file)).toBe('ok');
  });
});
