import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { savedEngineSettings, startingEngineSettings } from '../../main/app/engine-settings.ts';
import type { App } from '../../main/app/index.ts';
import { createApp, dispatch } from '../../main/app/index.ts';
import { physicalCores } from '../../main/engine/cores.ts';
import type { SolveOutcome } from '../../preload/api.ts';
import { tinyModelsDir } from '../engine/fixture-models.ts';

const easy = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
const apps: App[] = [];

async function app(dataDir?: string): Promise<App> {
  const created = createApp({
    shell: 'cli',
    dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), 'trm-engine-settings-'))),
    modelsDir: await tinyModelsDir(),
  });
  apps.push(created);
  return created;
}

async function solved(a: App): Promise<Extract<SolveOutcome, { status: 'solved' | 'unsolved' }>> {
  let id = '';
  const done = new Promise<SolveOutcome>((resolve) => {
    const stop = a.events.subscribe((name, payload) => {
      if (name === 'solve.done' && (payload as SolveOutcome).solveId === id) {
        stop();
        resolve(payload as SolveOutcome);
      }
    });
  });
  ({ solveId: id } = await a.handlers['solve.start']({
    text: easy,
    index: 0,
    options: { policy: 'fixed', maxSteps: 2, augmentations: 0, rethinks: 0 },
  }));
  const outcome = await done;
  if (outcome.status !== 'solved' && outcome.status !== 'unsolved') throw new Error(`solve ${outcome.status}`);
  return outcome;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('engine.settings and engine.configure, with the real onnxruntime', () => {
  it('say what onnxruntime offers here and, once a model is loaded, what it runs on', async () => {
    const a = await app();
    const first = await a.handlers['engine.settings']({});
    const defaults = { provider: 'auto', threads: null };
    expect(first).toMatchObject({ active: defaults, saved: defaults });
    expect(first.detected.backends).toEqual(ort.listSupportedBackends());
    expect(first.detected.providers.find((p) => p.name === 'cpu')).toMatchObject({ detected: true });
    // What automatic tries is exactly what was detected, the CPU last.
    const found = first.detected.providers.filter((p) => p.detected).map((p) => p.name);
    expect(first.detected.candidates.map((c) => c.name).toSorted()).toEqual(found.toSorted());
    expect(first.detected.candidates.at(-1)?.name).toBe('cpu');
    expect(first.detected).toMatchObject({ provider: 'auto', threads: physicalCores(), sessions: [] });

    const outcome = await solved(a);
    const after = await a.handlers['engine.settings']({});
    expect(after.detected.sessions).toEqual([outcome.model]);
  });

  it('apply a change at once, without a restart, and keep it for the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'trm-engine-settings-'));
    const a = await app(dataDir);
    await solved(a);

    const changed = await a.handlers['engine.configure']({ provider: 'cpu', threads: 2 });
    expect(changed.active).toEqual({ provider: 'cpu', threads: 2 });
    expect(changed.saved).toEqual({ provider: 'cpu', threads: 2 });
    // The sessions of the old settings are gone; the next solve loads the model again with the new ones.
    expect(changed.detected).toMatchObject({ provider: 'cpu', threads: 2, sessions: [] });
    expect(changed.detected.candidates).toEqual([{ name: 'cpu', why: 'CPU chosen in settings' }]);
    const outcome = await solved(a);
    expect(outcome.model).toMatchObject({ provider: 'cpu', fallbacks: [] });
    expect((await a.handlers['engine.settings']({})).detected).toMatchObject({
      threads: 2,
      sessions: [outcome.model],
    });
    expect(JSON.parse(await readFile(join(dataDir, 'engine.json'), 'utf8'))).toEqual({ provider: 'cpu', threads: 2 });

    const perCore = await a.handlers['engine.configure']({ threads: null });
    expect(perCore.active).toEqual({ provider: 'cpu', threads: null });
    expect(perCore.detected.threads).toBe(physicalCores());
  });

  it('refuse a thread count the contract does not allow', async () => {
    const a = await app();
    expect(await dispatch(a.handlers, 'engine.configure', { threads: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('start from the saved choice, where a provider the caller names wins, and ignore a file not ours', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'trm-engine-settings-'));
    await writeFile(join(dataDir, 'engine.json'), '{"provider":"cpu","threads":3}');
    expect(startingEngineSettings(dataDir)).toEqual({ provider: 'cpu', threads: 3 });
    expect(startingEngineSettings(dataDir, 'cuda')).toEqual({ provider: 'cuda', threads: 3 });
    await writeFile(join(dataDir, 'engine.json'), '{"provider":"quantum","threads":-1}');
    expect(savedEngineSettings(dataDir)).toEqual({ provider: 'auto', threads: null });
  });
});
