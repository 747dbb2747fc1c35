import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/app/dispatch.ts';
import { dispatch } from '../../main/app/dispatch.ts';
import type { History } from '../../main/app/history.ts';
import { openHistory } from '../../main/app/history.ts';
import { createApp } from '../../main/app/index.ts';
import type { Reply, RequestArgs, RequestName, RequestResult } from '../../preload/api.ts';
import { encodeArcGrid } from '../../main/puzzles/index.ts';
import { aSolve, arc, maze, sudoku } from '../store/fixtures.ts';
import { freshFolderPerTest } from '../store/folder.ts';

const folder = freshFolderPerTest();
let history: History;

beforeEach(() => (history = openHistory(folder.dir)));
afterEach(() => history.close());

/** Calls a request as any door would: untrusted arguments, through the contract's schema. */
function call<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<Reply<RequestResult<K>>> {
  return dispatch(history.handlers as Handlers, name, args) as Promise<Reply<RequestResult<K>>>;
}

function save(...args: Parameters<typeof aSolve>): string {
  const outcome = history.store?.saveSolve(aSolve(...args));
  if (!outcome?.saved) throw new Error('not saved');
  return outcome.id;
}

describe('history requests', () => {
  it('list with the filter the contract allows, defaults filled in', async () => {
    save(1);
    const mazeId = save(2, { puzzle: maze, sourceFile: 'my-mazes.txt' });
    const reply = await call('history.list', { kind: 'maze', verified: true, since: '2026-01-01', query: 'MAZES' });
    expect(reply).toMatchObject({ ok: true, value: { total: 1, items: [{ id: mazeId, kind: 'maze' }] } });
  });

  it('refuse a filter that is not a date', async () => {
    const reply = await call('history.list', { since: 'last tuesday' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('open one solve with its trace, and say not-found for an unknown id', async () => {
    const id = save(1);
    const reply = await call('history.get', { id });
    expect(reply.ok && reply.value.trace).toHaveLength(16);
    expect(await call('history.get', { id: 'gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('open a wrong answer with its conflicts located on the board again, as the live solve showed them', async () => {
    // Sudoku tokens: 1 a blank, 2 the digit 1. Two 1s open the first row; every other cell is blank.
    const cells = Array.from({ length: 81 }, (_, i) => (i < 2 ? 2 : 1));
    const wrong = save(1, {
      puzzle: sudoku(1),
      status: 'unsolved',
      final: { cells, verified: false, conflicts: ['row 1 repeats 1 at r1c1, r1c2'] },
    });
    const reply = await call('history.get', { id: wrong });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.finalConflicts).toContainEqual({ message: expect.stringMatching(/repeats 1/), cells: [0, 1] });
    expect(reply.value.finalConflicts.filter((c) => /is empty/.test(c.message))).toHaveLength(79);

    const arcTask = { ...arc, test: { input: [[2, 0]], output: [[0, 1]] } };
    const arcId = save(2, {
      puzzle: arcTask,
      status: 'unsolved',
      final: { cells: [...encodeArcGrid([[1, 1]])], verified: false, conflicts: [] },
    });
    const arcReply = await call('history.get', { id: arcId });
    expect(arcReply.ok && arcReply.value.finalConflicts).toEqual([
      { message: 'row 1, column 1 is 1, expected 0', cells: [0] },
    ]);

    const right = await call('history.get', { id: save(3) });
    expect(right.ok && right.value.finalConflicts).toEqual([]);
  });

  it('label, delete and wipe, the wipe only when confirmed', async () => {
    const [a, b, c] = [1, 2, 3].map((seed) => save(seed));
    expect(await call('history.label', { id: a ?? '', label: 'mine' })).toEqual({
      ok: true,
      value: { id: a, label: 'mine' },
    });
    expect(await call('history.label', { id: 'gone', label: 'x' })).toMatchObject({ error: { code: 'not-found' } });
    expect(await call('history.delete', { ids: [b ?? ''] })).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await call('history.wipe', {} as RequestArgs<'history.wipe'>)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(history.store?.getSolve(c ?? '')).not.toBeNull();
    expect(await call('history.wipe', { confirm: true })).toEqual({ ok: true, value: { deleted: 2 } });
  });

  it('export with a file name to offer, and import what was exported, once', async () => {
    save(1);
    const exported = await call('history.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.fileName).toMatch(/^trm-history-\d{4}-\d{2}-\d{2}\.json$/);
    expect((await call('history.export', { format: 'csv' })).ok && 'csv').toBe('csv');

    await call('history.wipe', { confirm: true });
    expect(await call('history.import', { text: exported.value.text })).toEqual({
      ok: true,
      value: { added: 1, skipped: 0 },
    });
    expect(await call('history.import', { text: exported.value.text })).toEqual({
      ok: true,
      value: { added: 0, skipped: 1 },
    });
  });

  it('answer a file that is not an export with what is wrong in it', async () => {
    const reply = await call('history.import', { text: '{"format":"trm-history","version":1,"solves":[{}]}' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: /not a TRM history/ } });
    expect(!reply.ok && reply.error.details?.length).toBeGreaterThan(0);
  });

  it('switch private mode on, after which the engine’s solves are not written', async () => {
    expect(await call('settings.get', {})).toEqual({ ok: true, value: { privateMode: false } });
    expect(await call('settings.set', { privateMode: true })).toEqual({ ok: true, value: { privateMode: true } });
    expect(history.store?.saveSolve(aSolve(1)).saved).toBe(false);
    expect(await call('history.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });
});

describe('history that cannot be used', () => {
  it('answers every request with unavailable and the reason, and tells the app why', async () => {
    history.close();
    writeFileSync(join(folder.dir, 'a-file'), '');
    history = openHistory(join(folder.dir, 'a-file'));
    expect(history.store).toBeNull();
    expect(history.status).toEqual({ enabled: false, message: expect.stringContaining('Cannot create the folder') });
    for (const [name, args] of [
      ['history.list', {}],
      ['settings.set', { privateMode: true }],
      ['history.wipe', { confirm: true }],
    ] as const) {
      expect(await call(name, args)).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('History is off') },
      });
    }
  });

  it('tells the app when a damaged file was replaced, and works', async () => {
    history.close();
    writeFileSync(join(folder.dir, 'history.sqlite'), 'garbage'.repeat(1000));
    history = openHistory(folder.dir);
    expect(history.status).toEqual({ enabled: true, message: expect.stringMatching(/damaged.*moved to/) });
    expect(await call('history.list', {})).toMatchObject({ ok: true });
  });

  it('answers unavailable, with the reason, when the disk fills after opening', async () => {
    history.close();
    history = openHistory(folder.dir, { maxSizeBytes: 64 * 1024 });
    for (let seed = 0; history.store?.saveSolve(aSolve(seed)).saved; seed++);
    const more = Array.from({ length: 20 }, (_, seed) => ({ ...aSolve(10_000 + seed), id: crypto.randomUUID() }));
    const file = {
      format: 'trm-history',
      version: 1,
      solves: more.map(({ steps, ...solve }) => ({ ...solve, trace: steps, label: '', error: null, sourceFile: 'f' })),
    };
    expect(await call('history.import', { text: JSON.stringify(file) })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'Could not import the solves: the disk is full.' },
    });
    expect(await call('history.list', {})).toMatchObject({ ok: true });
    expect(() => history.close()).not.toThrow();
  });
});

describe('the app without its history', () => {
  it('still runs, and app.info says why history is off', async () => {
    history.close();
    writeFileSync(join(folder.dir, 'a-file'), '');
    const app = createApp({ shell: 'cli', dataDir: join(folder.dir, 'a-file'), modelsDir: folder.dir });
    try {
      const info = await app.handlers['app.info']({});
      expect(info.history).toEqual({ enabled: false, message: expect.stringContaining('Cannot create the folder') });
      await expect(app.handlers['history.list']({ offset: 0, limit: 50 })).rejects.toMatchObject({
        code: 'unavailable',
      });
      expect(await dispatch(app.handlers, 'puzzles.parse', { text: '1'.repeat(81) })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
