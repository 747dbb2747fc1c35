// batch.*: evaluating a model on a folder. Runs live in the history store, so they outlast the
// process: a run the app was closed on is continued with `batch.start { resume }`.
import type { BatchProgress, BatchScan } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import type { FolderScan, ProgressSnapshot, RunHooks, RunOutcome } from '../batch/index.ts';
import { BatchError, compareReports, loadReport, planRun, resumeRun, scanFolder, startRun } from '../batch/index.ts';
import type { Engine } from '../engine/index.ts';
import { readCatalog } from '../engine/index.ts';
import type { HistoryStore } from '../store/index.ts';
import { StoreError } from '../store/index.ts';
import type { Handlers } from './dispatch.ts';
import type { EventBus } from './events.ts';
import type { History } from './history.ts';

export type BatchRequest =
  'batch.scan' | 'batch.start' | 'batch.cancel' | 'batch.list' | 'batch.report' | 'batch.compare';

export type BatchHandlers = Pick<Handlers, BatchRequest>;

export interface BatchServices {
  engine: Engine;
  events: EventBus;
  /** Runs are kept in the history; when it is off (`store` null) none can start, and `status` says why. */
  history: Pick<History, 'store' | 'status'>;
  /** The folders models are read from, the app's own first (as the engine reads them). */
  modelsDirs: string[];
  appVersion: string;
}

/** UI events at most this often while a run goes; the first and last always go out. */
const PROGRESS_INTERVAL_MS = 100;

function scanView(scan: FolderScan): BatchScan {
  return {
    folder: scan.folder,
    files: scan.files.map((file) => ({
      path: file.path,
      kind: file.kind,
      puzzles: file.puzzles.length,
      problems: file.problems,
    })),
    skipped: scan.skipped,
  };
}

async function scanOrRefuse(folder: string): Promise<FolderScan> {
  try {
    return await scanFolder(folder);
  } catch (error) {
    throw new ApiError({
      code: 'invalid-arguments',
      message: `Cannot read the folder ${folder}: ${(error as Error).message}`,
    });
  }
}

/** Errors of the run's own making become explained replies; anything else is a bug and stays one. */
async function answer<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BatchError) throw new ApiError({ code: 'not-found', message: error.message });
    if (error instanceof StoreError) throw new ApiError({ code: 'unavailable', message: error.message });
    throw error;
  }
}

export function batchHandlers(services: BatchServices): BatchHandlers {
  const { engine, events } = services;
  const { store } = services.history;
  const running = new Map<string, AbortController>();

  const needStore = (): HistoryStore => {
    if (store) return store;
    throw new ApiError({
      code: 'unavailable',
      message: `Batch runs are kept in the history, which is off. ${services.history.status?.message ?? ''}`.trim(),
    });
  };

  /**
   * Starts the work and answers with the run id as soon as the run is stored. A resumed run is
   * marked running from the start, so that a second resume of it is refused rather than raced.
   */
  function launch(work: (hooks: RunHooks) => Promise<RunOutcome>, resuming?: string): Promise<{ runId: string }> {
    const controller = new AbortController();
    let runId: string | null = null;
    if (resuming !== undefined) running.set(resuming, controller);
    let last: number | null = null;
    const emit = (progress: ProgressSnapshot) => {
      if (runId === null) return;
      const now = performance.now();
      if (progress.status === 'running' && last !== null && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      events.emit('batch.progress', { runId, ...progress } satisfies BatchProgress);
    };
    return new Promise((resolve, reject) => {
      work({
        signal: controller.signal,
        onStart(run) {
          runId = run.id;
          running.set(run.id, controller);
          resolve({ runId: run.id });
        },
        onProgress: emit,
      })
        .catch((error: unknown) => {
          if (runId === null) {
            if (resuming !== undefined) running.delete(resuming);
            return reject(error);
          }
          // The store refused the final status: the run stays resumable, the UI must still hear it ended.
          emit({ ...stalled, error: (error as Error).message });
        })
        .finally(() => {
          if (runId !== null) running.delete(runId);
        });
    });
  }

  return {
    'batch.scan': async ({ folder }) => scanView(await scanOrRefuse(folder)),

    'batch.start': ({ folder, modelId, options, resume }) =>
      answer(async () => {
        const runs = needStore();
        const models = (await readCatalog(services.modelsDirs)).map((c) => c.entry);
        if (resume !== undefined) {
          if (running.has(resume))
            throw new ApiError({ code: 'unavailable', message: `Run ${resume} is already running.` });
          return launch((hooks) => resumeRun({ engine, store: runs }, resume, models, hooks), resume);
        }
        const scan = await scanOrRefuse(folder);
        const plan = planRun(scan, models, modelId);
        if (typeof plan === 'string') throw new ApiError({ code: 'unavailable', message: plan });
        return launch((hooks) => startRun({ engine, store: runs }, scan.folder, plan, options, hooks));
      }),

    'batch.cancel': async ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },

    'batch.list': () => answer(() => needStore().listBatchRuns()),

    'batch.report': ({ runId }) => answer(() => loadReport(needStore(), runId, services.appVersion)),

    'batch.compare': ({ a, b }) =>
      answer(async () => {
        const runs = needStore();
        const [left, right] = await Promise.all([
          loadReport(runs, a, services.appVersion),
          loadReport(runs, b, services.appVersion),
        ]);
        return compareReports(left, right);
      }),
  };
}

const stalled: ProgressSnapshot = {
  done: 0,
  total: 0,
  solved: 0,
  puzzlesPerSecond: 0,
  etaSeconds: null,
  accuracy: null,
  status: 'failed',
};
