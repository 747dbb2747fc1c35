// The batch requests over a real engine (the tiny TRM) and a real history file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchProgress, RequestArgs, RequestResult } from '../../preload/api.ts';
import { requests } from '../../preload/api.ts';
import type { BatchRequest } from '../../main/app/batch.ts';
import { batchHandlers } from '../../main/app/batch.ts';
import { EventBus } from '../../main/app/events.ts';
import { openHistory } from '../../main/app/history.ts';
import { Engine } from '../../main/engine/index.ts';
import type { HistoryStore } from '../../main/store/index.ts';
import { folderWith, mixedFolder, sudokuLines, tempDir, tinyModelsDir } from './helpers.ts';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function batchApi(options: { withStore?: boolean; modelsDir?: string } = {}) {
  const modelsDir = options.modelsDir ?? (await tinyModelsDir());
  const engine = new Engine({ modelsDir, threads: 1, maxBatch: 16 });
  const history = openHistory(await tempDir());
  closers.push(
    () => engine.close(),
    () => history.close(),
  );
  const events = new EventBus();
  const off = { store: null, status: { enabled: false, message: 'The disk is full.' } };
  const handlers = batchHandlers({
    engine,
    events,
    history: options.withStore === false ? off : history,
    modelsDirs: [modelsDir],
    appVersion: '9.9.9',
  });
  const ask = <K extends BatchRequest>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> =>
    (handlers[name] as (a: unknown) => Promise<RequestResult<K>>)(requests[name].args.parse(args));
  const progress: BatchProgress[] = [];
  events.subscribe((name, payload) => name === 'batch.progress' && progress.push(payload as BatchProgress));
  const finished = (runId: string) =>
    new Promise<BatchProgress>((resolve) => {
      const check = () => {
        const end = progress.find((p) => p.runId === runId && p.status !== 'running');
        if (end) resolve(end);
        else setTimeout(check, 10);
      };
      check();
    });
  return { ask, progress, finished, store: history.store as HistoryStore };
}

const fixed = (maxSteps: number) => ({ policy: 'fixed' as const, maxSteps, augmentations: 0, rethinks: 0 });

describe('batch requests', () => {
  it('scans a folder: files with their puzzles and problems, and what was skipped', async () => {
    const { ask } = await batchApi();
    const scan = await ask('batch.scan', { folder: mixedFolder });
    expect(scan.files.find((f) => f.path === 'sudoku/more/with-bad-lines.txt')).toMatchObject({
      kind: 'sudoku',
      puzzles: 1,
      problems: [{ line: 2 }, { line: 3 }],
    });
    expect(scan.skipped.map((s) => s.path)).toContain('other/binary.bin');
    await expect(ask('batch.scan', { folder: '/no/such/folder' })).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('evaluates a mixed folder with the Sudoku model, streams progress and reports every puzzle once', async () => {
    const { ask, progress, finished, store } = await batchApi();
    const { runId } = await ask('batch.start', { folder: mixedFolder, options: fixed(2) });
    const end = await finished(runId);
    expect(end).toMatchObject({ runId, status: 'done', done: 18, total: 18 });
    expect(progress.every((p) => p.done <= p.total)).toBe(true);
    expect(store.pendingItems(runId)).toEqual([]);

    const report = await ask('batch.report', { runId });
    expect(report.summary.puzzles).toBe(18);
    expect(report.run).toMatchObject({
      id: runId,
      model: 'tiny-sudoku',
      provider: 'cpu',
      kind: 'sudoku',
      appVersion: '9.9.9',
    });
    expect(report.run.settings).toEqual(fixed(2));
    expect(report.steps).toEqual([{ steps: 2, puzzles: 18 }]);
    // Every Sudoku here has a unique solution, from its file or the reference solver.
    expect(report.summary.withTruth).toBe(18);
    expect(report.skipped).toContainEqual({
      path: 'other/mazes.txt',
      reason: 'no model chosen for maze puzzles in this run (2 puzzles)',
    });
    expect(report.problems.map((p) => p.line)).toEqual([2, 3]);
    const keys = report.items.map((i) => `${i.file}#${i.index}`);
    expect(new Set(keys).size).toBe(18);
  });

  it('evaluates the mazes of a mixed folder with a maze model, binned by shortest path length', async () => {
    const { ask, finished } = await batchApi({ modelsDir: await tinyModelsDir('tiny-maze', undefined, 'maze') });
    const { runId } = await ask('batch.start', { folder: mixedFolder, options: fixed(2) });
    expect(await finished(runId)).toMatchObject({ status: 'done', done: 2, total: 2 });
    const report = await ask('batch.report', { runId });
    expect(report.run).toMatchObject({ model: 'tiny-maze', kind: 'maze' });
    // the reference solver gives every maze its shortest path to score against
    expect(report.summary).toMatchObject({ puzzles: 2, withTruth: 2 });
    expect(report.difficulty.map((d) => d.bin)).toEqual(['path 1-20']);
    expect(report.items.every((i) => i.cellAccuracy !== null && i.status !== 'failed')).toBe(true);
    expect(report.skipped.map((s) => s.path)).toContain('sudoku/week1.txt');
  });

  it('cancels a run, resumes it later, and solves no puzzle twice', async () => {
    const { ask, finished, progress, store } = await batchApi();
    const folder = await folderWith({ 'a.txt': sudokuLines(40, 1), 'b.txt': sudokuLines(40, 100) });
    const { runId } = await ask('batch.start', { folder, options: fixed(6) });
    await new Promise<void>((resolve) => {
      const wait = () => (progress.some((p) => p.done >= 5) ? resolve() : setTimeout(wait, 5));
      wait();
    });
    expect(await ask('batch.cancel', { runId })).toEqual({ cancelled: true });
    const stopped = await finished(runId);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.done).toBeLessThan(80);
    expect(store.getBatchRun(runId)?.status).toBe('cancelled');

    progress.length = 0;
    await ask('batch.start', { folder, options: fixed(6), resume: runId });
    expect(await finished(runId)).toMatchObject({ status: 'done', done: 80, total: 80 });
    const report = await ask('batch.report', { runId });
    expect(report.items).toHaveLength(80);
    expect(new Set(report.items.map((i) => `${i.file}#${i.index}`)).size).toBe(80);
    expect(report.pending).toBe(0);
  });

  it('compares two runs over the same puzzles', async () => {
    const { ask, finished } = await batchApi();
    const folder = await folderWith({ 'a.txt': sudokuLines(6) });
    const one = await ask('batch.start', { folder, options: fixed(1) });
    await finished(one.runId);
    const two = await ask('batch.start', { folder, options: fixed(3) });
    await finished(two.runId);
    const comparison = await ask('batch.compare', { a: one.runId, b: two.runId });
    expect(comparison.common).toBe(6);
    expect(comparison.a.run.settings.maxSteps).toBe(1);
    expect(comparison.b.run.settings.maxSteps).toBe(3);
    expect(comparison.bothSolved + comparison.onlyA + comparison.onlyB + comparison.neither).toBe(6);
  });

  it('lists the runs, newest first', async () => {
    const { ask, finished } = await batchApi();
    const first = await ask('batch.start', { folder: mixedFolder, options: fixed(1) });
    await finished(first.runId);
    const second = await ask('batch.start', { folder: mixedFolder, options: fixed(2) });
    await finished(second.runId);
    const runs = await ask('batch.list', {});
    expect(runs.map((r) => r.id)).toEqual([second.runId, first.runId]);
    expect(runs[0]).toMatchObject({ status: 'done', settings: { maxSteps: 2 } });
  });

  it('explains what it cannot do: no model for the folder, an unknown run, history off', async () => {
    const { ask } = await batchApi();
    const mazes = await folderWith({ 'm.txt': await readFile(join(mixedFolder, 'other', 'mazes.txt'), 'utf8') });
    await expect(ask('batch.start', { folder: mazes })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'No installed model solves the puzzles in this folder (maze).',
    });
    await expect(ask('batch.report', { runId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    const off = await batchApi({ withStore: false });
    await expect(off.ask('batch.start', { folder: mixedFolder })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Batch runs are kept in the history, which is off. The disk is full.',
    });
  });
});
