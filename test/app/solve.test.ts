import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../main/app/index.ts';
import { createApp } from '../../main/app/index.ts';
import type { SolveOutcome, SolveStep } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import { formatSudokuCells, generateSudoku } from '../../main/puzzles/index.ts';
import { tinyModelsDir } from '../engine/fixture-models.ts';

const shippedModels = fileURLToPath(new URL('../../models/', import.meta.url));

const easy = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
const apps: App[] = [];

async function app(modelsDir?: string): Promise<App> {
  const created = createApp({
    shell: 'cli',
    dataDir: await mkdtemp(join(tmpdir(), 'trm-app-')),
    modelsDir: modelsDir ?? (await tinyModelsDir()),
  });
  apps.push(created);
  return created;
}

function finished(a: App, solveId: () => string | null): Promise<{ steps: SolveStep[]; outcome: SolveOutcome }> {
  const steps: SolveStep[] = [];
  return new Promise((resolve) => {
    const stop = a.events.subscribe((name, payload) => {
      if (name === 'solve.step') steps.push(payload as SolveStep);
      if (name === 'solve.done' && (payload as SolveOutcome).solveId === solveId()) {
        stop();
        resolve({ steps: steps.filter((s) => s.solveId === solveId()), outcome: payload as SolveOutcome });
      }
    });
  });
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('solving through the app', () => {
  it('streams the steps, reports the outcome and keeps the solve in history', async () => {
    const a = await app();
    let id: string | null = null;
    const done = finished(a, () => id);
    ({ solveId: id } = await a.handlers['solve.start']({
      text: easy,
      index: 0,
      options: { policy: 'fixed', maxSteps: 3, augmentations: 0, rethinks: 0 },
    }));
    const { steps, outcome } = await done;
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(outcome).toMatchObject({ solveId: id, steps: 3, model: { id: 'tiny-sudoku', provider: 'cpu' } });
    expect(['solved', 'unsolved']).toContain(outcome.status);

    const page = await a.handlers['history.list']({ offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    const detail = await a.handlers['history.get']({ id: page.items[0]!.id });
    expect(detail.steps).toBe(3);
    expect(detail.trace).toHaveLength(3);
    expect(detail.timings.stepMs).toHaveLength(3);
    expect(detail.modelId).toBe('tiny-sudoku');
  });

  it('votes with as many copies as the kind has and rethinks only where it can: a maze asked for 12 copies and 4 rounds uses its 7 symmetries and none, and history says so', async () => {
    const a = await app(await tinyModelsDir('tiny-maze', undefined, 'maze'));
    let id: string | null = null;
    const done = finished(a, () => id);
    ({ solveId: id } = await a.handlers['solve.start']({
      text: '#####\n#S  #\n#   #\n#  G#\n#####',
      index: 0,
      options: { policy: 'fixed', maxSteps: 2, augmentations: 12, rethinks: 4 },
    }));
    const { outcome } = await done;
    expect(outcome).toMatchObject({ votes: { views: 8 } });
    const page = await a.handlers['history.list']({ offset: 0, limit: 10 });
    const detail = await a.handlers['history.get']({ id: page.items[0]!.id });
    expect(detail.options).toMatchObject({ augmentations: 7, rethinks: 0 });
  });

  it('rethinks a Sudoku whose answer does not check out, and history keeps the round of every step', async () => {
    const a = await app(shippedModels);
    let id: string | null = null;
    const done = finished(a, () => id);
    // The shipped model's 16 steps on this puzzle end on a wrong answer; its second rethinking round solves it.
    ({ solveId: id } = await a.handlers['solve.start']({
      text: formatSudokuCells(generateSudoku({ seed: 2, givens: 21 }).givens),
      index: 0,
      options: { policy: 'verified', maxSteps: 16, augmentations: 0, rethinks: 8 },
    }));
    const { steps, outcome } = await done;
    expect(outcome).toMatchObject({ status: 'solved', steps: steps.length });
    expect(steps.at(-1)).toMatchObject({ round: 2, verified: true });
    const [solve] = (await a.handlers['history.list']({ offset: 0, limit: 1 })).items;
    const detail = await a.handlers['history.get']({ id: solve!.id });
    expect(detail.options.rethinks).toBe(8);
    expect(detail.trace.map((step) => step.round)).toEqual(steps.map((step) => step.round));
  });

  it('re-runs a puzzle from history with other settings, as a new solve', async () => {
    const a = await app();
    let first: string | null = null;
    const done = finished(a, () => first);
    ({ solveId: first } = await a.handlers['solve.start']({
      text: easy,
      index: 0,
      options: { policy: 'fixed', maxSteps: 2, augmentations: 0, rethinks: 0 },
    }));
    await done;
    const [earlier] = (await a.handlers['history.list']({ offset: 0, limit: 10 })).items;

    let second: string | null = null;
    const again = finished(a, () => second);
    ({ solveId: second } = await a.handlers['history.rerun']({
      id: earlier!.id,
      options: { policy: 'fixed', maxSteps: 4, augmentations: 0, rethinks: 0 },
    }));
    expect((await again).steps).toHaveLength(4);
    const page = await a.handlers['history.list']({ offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    await expect(
      a.handlers['history.rerun']({
        id: 'no-such-solve',
        options: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('can be cancelled while the model thinks', async () => {
    const a = await app();
    let id: string | null = null;
    const done = finished(a, () => id);
    a.events.subscribe((name, payload) => {
      if (name === 'solve.step' && (payload as SolveStep).step === 1) void a.handlers['solve.cancel']({ solveId: id! });
    });
    ({ solveId: id } = await a.handlers['solve.start']({
      text: easy,
      index: 0,
      options: { policy: 'fixed', maxSteps: 64, augmentations: 0, rethinks: 0 },
    }));
    expect((await done).outcome.status).toBe('cancelled');
  });

  it('explains text that holds no puzzle', async () => {
    const a = await app();
    const error = await a.handlers['solve.start']({
      text: 'hello',
      index: 0,
      options: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-arguments', message: 'No puzzle could be read from the text.' });
  });

  it('explains a puzzle kind that has no model', async () => {
    const a = await app();
    const maze = ['#####', '#S  #', '# # #', '#  G#', '#####'].join('\n');
    const error = await a.handlers['solve.start']({
      text: maze,
      index: 0,
      options: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', message: 'No maze model is installed.' });
  });
});
