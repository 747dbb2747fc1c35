// What a run does when things break: a puzzle the engine fails on, a worker that dies, a disk
// that refuses a result. An engine double stands in so each failure happens exactly where wanted.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressSnapshot, RunDeps } from '../../main/batch/index.ts';
import { loadReport, planRun, resumeRun, scanFolder, startRun } from '../../main/batch/index.ts';
import { openHistory } from '../../main/app/history.ts';
import type { Engine, ModelEntry, PuzzleResult, SolveSettings } from '../../main/engine/index.ts';
import { EngineError, readManifest } from '../../main/engine/index.ts';
import type { Puzzle } from '../../main/puzzles/index.ts';
import { kinds } from '../../main/puzzles/index.ts';
import type { HistoryStore } from '../../main/store/index.ts';
import { StoreError } from '../../main/store/index.ts';
import { folderWith, sudokuLines, tempDir, tinyModelsDir } from './helpers.ts';

const settings: SolveSettings = { policy: 'fixed', maxSteps: 2, augmentations: 0, rethinks: 0 };

function answered(puzzle: Puzzle): PuzzleResult {
  const tokens = Array.from(kinds.sudoku.encode(puzzle as never));
  return {
    status: 'unsolved',
    steps: 2,
    end: 'max-steps',
    answer: null,
    tokens,
    conflicts: [],
    haltProbability: 0.1,
    votes: 1,
    views: 1,
    elapsedMs: 5,
    trace: null,
  };
}

/** Solves every puzzle unsolved, except as `fault` says: a failed result, or the worker dying. */
function engineDouble(fault: (solvedSoFar: number) => 'fail' | 'die' | null): Engine {
  let solved = 0;
  const double = {
    async solveMany(
      puzzles: Puzzle[],
      _settings: SolveSettings,
      hooks: { onResult(i: number, r: PuzzleResult): void },
    ) {
      for (const [i, puzzle] of puzzles.entries()) {
        const what = fault(solved++);
        if (what === 'die') throw new EngineError('The inference worker stopped (exit code 134).');
        hooks.onResult(
          i,
          what === 'fail'
            ? { ...answered(puzzle), status: 'failed', tokens: [], error: 'NaN in the logits' }
            : answered(puzzle),
        );
      }
      return { id: 'tiny-sudoku', sha256: model.sha256, provider: 'cpu', fallbacks: [] };
    },
  };
  return double as unknown as Engine;
}

let model: ModelEntry;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function setup(puzzles = 10) {
  model = (await readManifest(await tinyModelsDir())).models[0]!;
  const folder = await folderWith({ 'a.txt': sudokuLines(puzzles) });
  const scan = await scanFolder(folder);
  const plan = planRun(scan, [model]);
  if (typeof plan === 'string') throw new Error(plan);
  const history = openHistory(await tempDir());
  closers.push(() => history.close());
  return { scan, plan, store: history.store! };
}

describe('a run when things break', () => {
  it('records a puzzle the engine fails on as failed, with the reason, and completes', async () => {
    const { scan, plan, store } = await setup();
    const outcome = await startRun(
      { engine: engineDouble((n) => (n === 3 ? 'fail' : null)), store },
      scan.folder,
      plan,
      settings,
    );
    expect(outcome.status).toBe('done');
    const report = await loadReport(store, outcome.run.id, 'test', scan);
    expect(report.summary).toMatchObject({ puzzles: 10, failed: 1 });
    expect(report.items.find((i) => i.status === 'failed')).toMatchObject({ index: 3, error: 'NaN in the logits' });
  });

  it('fails the run when the worker dies, keeps what was done, and resumes the rest', async () => {
    const { scan, plan, store } = await setup();
    const progress: ProgressSnapshot[] = [];
    const deps: RunDeps = { engine: engineDouble((n) => (n === 6 ? 'die' : null)), store };
    const outcome = await startRun(deps, scan.folder, plan, settings, { onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ status: 'failed', error: 'The inference worker stopped (exit code 134).' });
    expect(progress.at(-1)).toMatchObject({ status: 'failed', done: 6, error: outcome.error });
    expect(store.pendingItems(outcome.run.id)).toHaveLength(4);

    const resumed = await resumeRun({ engine: engineDouble(() => null), store }, outcome.run.id, [model]);
    expect(resumed.status).toBe('done');
    expect(store.completedItems(outcome.run.id)).toHaveLength(10);
  });

  it('stops when the disk refuses a result, leaving it pending rather than lost', async () => {
    const { scan, plan, store } = await setup();
    let writes = 0;
    const refusing: HistoryStore = Object.create(store) as HistoryStore;
    refusing.recordBatchItem = (runId, item) => {
      if (++writes === 5) throw new StoreError('The disk is full: could not save the batch result.');
      return store.recordBatchItem(runId, item);
    };
    const outcome = await startRun({ engine: engineDouble(() => null), store: refusing }, scan.folder, plan, settings);
    expect(outcome).toMatchObject({ status: 'failed', error: 'The disk is full: could not save the batch result.' });
    expect(store.completedItems(outcome.run.id)).toHaveLength(4);
    expect(store.pendingItems(outcome.run.id)).toHaveLength(6);
  });

  it('refuses to resume with a model that changed since the run started', async () => {
    const { scan, plan, store } = await setup(3);
    const outcome = await startRun({ engine: engineDouble(() => null), store }, scan.folder, plan, settings);
    const changed = { ...model, sha256: '0'.repeat(64) };
    await expect(resumeRun({ engine: engineDouble(() => null), store }, outcome.run.id, [changed])).rejects.toThrow(
      'Model tiny-sudoku has changed since run',
    );
  });
});
