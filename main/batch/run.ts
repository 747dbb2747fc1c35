// Running an evaluation: every result is committed the moment it arrives, so a run that is
// killed loses only the puzzles in flight, and a resumed run solves only what is still pending.
import type { Engine, ModelEntry, PuzzleResult, SolveSettings } from '../engine/index.ts';
import type { BatchItemResult, BatchRun, HistoryStore } from '../store/index.ts';
import type { GroundTruth } from './metrics.ts';
import { groundTruth, sameTokens } from './metrics.ts';
import type { PlannedItem, RunPlan } from './plan.ts';
import { itemKey, puzzlesByItem } from './plan.ts';
import type { ProgressSnapshot, RunStatus } from './progress.ts';
import { ProgressMeter } from './progress.ts';
import { scanFolder } from './scan.ts';

/** What a run needs of the history store. */
export type BatchStore = Pick<
  HistoryStore,
  'createBatchRun' | 'recordBatchItem' | 'setBatchRunStatus' | 'getBatchRun' | 'pendingItems' | 'completedItems'
>;

export interface RunDeps {
  engine: Engine;
  store: BatchStore;
}

export interface RunHooks {
  signal?: AbortSignal;
  /** The run exists in the store: from here on it can be resumed by this id. */
  onStart?(run: BatchRun): void;
  onProgress?(progress: ProgressSnapshot): void;
}

export interface RunOutcome {
  run: BatchRun;
  status: RunStatus;
  /** Why the run failed. */
  error?: string;
}

/** A mistake in what was asked (unknown run, a model changed or gone since): the caller's to fix, not a crash. */
export class BatchError extends Error {
  override name = 'BatchError';
}

function itemResult(item: PlannedItem, result: PuzzleResult, truth: GroundTruth | null): BatchItemResult {
  const failed = result.status === 'failed';
  return {
    sourceFile: item.sourceFile,
    index: item.index,
    puzzle: item.puzzle,
    answer: failed ? null : result.tokens,
    verified: result.status === 'solved',
    exact: truth === null ? null : !failed && sameTokens(result.tokens, truth.tokens),
    steps: result.steps,
    timeMs: result.elapsedMs,
    ...(failed ? { error: result.error ?? 'The model failed.' } : {}),
  };
}

/** Solves the items with continuous batching and records each as it completes; cancelled ones stay pending. */
async function solveItems(
  deps: RunDeps,
  runId: string,
  items: readonly PlannedItem[],
  settings: SolveSettings,
  modelId: string,
  meter: ProgressMeter,
  hooks: RunHooks,
): Promise<RunOutcome> {
  const stop = new AbortController();
  const cancel = () => stop.abort();
  hooks.signal?.addEventListener('abort', cancel, { once: true });
  if (hooks.signal?.aborted) stop.abort();
  let failure: string | undefined;
  let recorded = 0;
  try {
    await deps.engine.solveMany(
      items.map((item) => item.puzzle),
      settings,
      {
        modelId,
        signal: stop.signal,
        onResult(index, result) {
          if (result.status === 'cancelled' || failure !== undefined) return;
          const item = items[index]!;
          try {
            deps.store.recordBatchItem(runId, itemResult(item, result, groundTruth(item.puzzle)));
          } catch (error) {
            // A result that cannot be kept must not be reported as done: stop, so a resume picks it up.
            failure = (error as Error).message;
            stop.abort();
            return;
          }
          recorded++;
          meter.record(result.status === 'solved');
          hooks.onProgress?.(meter.snapshot('running'));
        },
      },
    );
  } catch (error) {
    failure ??= (error as Error).message;
  } finally {
    hooks.signal?.removeEventListener('abort', cancel);
  }
  // A cancel that came too late to stop anything leaves a finished run, not a cancelled one.
  const cancelled = hooks.signal?.aborted === true && recorded < items.length;
  const status: RunStatus = failure !== undefined ? 'failed' : cancelled ? 'cancelled' : 'done';
  deps.store.setBatchRunStatus(runId, status);
  hooks.onProgress?.(meter.snapshot(status, failure));
  const run = deps.store.getBatchRun(runId)!;
  return failure === undefined ? { run, status } : { run, status, error: failure };
}

/**
 * Starts a run over the planned items. The first puzzle is solved alone: the run records which
 * execution provider served it, and that is known only once the model is loaded.
 */
export async function startRun(
  deps: RunDeps,
  folder: string,
  plan: RunPlan,
  settings: SolveSettings,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const [first, ...rest] = plan.items;
  if (!first) throw new Error('A run plan without puzzles: planRun returns a reason instead.');
  let firstResult: PuzzleResult | null = null;
  const model = await deps.engine.solveMany([first.puzzle], settings, {
    modelId: plan.model.id,
    signal: hooks.signal,
    onResult: (_index, result) => (firstResult = result),
  });
  if (!model) throw new Error(`Model ${plan.model.id} answered without saying which model it loaded.`);
  const runId = deps.store.createBatchRun({
    folder,
    modelId: model.id,
    modelSha256: model.sha256,
    provider: model.provider,
    settings,
    items: plan.items.map(({ sourceFile, index }) => ({ sourceFile, index })),
  });
  hooks.onStart?.(deps.store.getBatchRun(runId)!);
  const meter = new ProgressMeter(plan.items.length, 0, 0);
  const done = firstResult as PuzzleResult | null;
  if (done && done.status !== 'cancelled') {
    deps.store.recordBatchItem(runId, itemResult(first, done, groundTruth(first.puzzle)));
    meter.record(done.status === 'solved');
    hooks.onProgress?.(meter.snapshot('running'));
  }
  return solveItems(deps, runId, rest, settings, model.id, meter, hooks);
}

/** Continues a run where it stopped: reads its folder again and solves the items not yet recorded. */
export async function resumeRun(
  deps: RunDeps,
  runId: string,
  models: readonly ModelEntry[],
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const run = deps.store.getBatchRun(runId);
  if (!run) throw new BatchError(`There is no batch run ${runId}.`);
  const model = models.find((m) => m.id === run.modelId);
  if (!model) throw new BatchError(`Run ${runId} used model ${run.modelId}, which is no longer installed.`);
  if (model.sha256 !== run.modelSha256) {
    throw new BatchError(`Model ${run.modelId} has changed since run ${runId} started; start a new run instead.`);
  }
  const puzzles = puzzlesByItem(await scanFolder(run.folder));
  // Items whose file has gone or shrunk stay pending, and the report lists them as missing.
  const items = deps.store.pendingItems(runId).flatMap((ref) => {
    const puzzle = puzzles.get(itemKey(ref));
    return puzzle ? [{ ...ref, puzzle }] : [];
  });
  const solved = deps.store.completedItems(runId).filter((item) => item.verified).length;
  deps.store.setBatchRunStatus(runId, 'running');
  hooks.onStart?.(deps.store.getBatchRun(runId)!);
  const meter = new ProgressMeter(run.total, run.done, solved);
  return solveItems(deps, runId, items, run.settings, run.modelId, meter, hooks);
}
