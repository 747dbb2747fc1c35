// The inference worker: onnxruntime's run() blocks its thread, so sessions live here and
// every door's main thread stays responsive. One scheduler per loaded model.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { readCatalog } from './manifest.ts';
import type { EngineReport, FromWorker, ModelInUse, ToWorker, WorkerConfig } from './protocol.ts';
import { currentPlatform, describeProviders, providerCandidates } from './providers.ts';
import { Scheduler } from './scheduler.ts';
import { solvePuzzle } from './solver.ts';
import type { StepModel } from './step-model.ts';
import { loadStepModel } from './step-model.ts';

const config = workerData as WorkerConfig;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

const loaded = new Map<string, Promise<{ model: StepModel; scheduler: Scheduler }>>();
const jobs = new Map<number, AbortController>();
const running = new Set<Promise<void>>();
const backends = ort.listSupportedBackends();
const platform = currentPlatform(backends.map((b) => b.name));

const inUse = (model: StepModel): ModelInUse => ({
  id: model.entry.id,
  sha256: model.entry.sha256,
  provider: model.provider.name,
  fallbacks: model.fallbacks,
});

function load(modelId: string) {
  let entry = loaded.get(modelId);
  if (!entry) {
    entry = (async () => {
      const found = (await readCatalog(config.modelsDirs)).find((c) => c.entry.id === modelId);
      if (!found) throw new Error(`There is no model ${modelId}.`);
      const model = found.entry;
      const candidates = providerCandidates(config.provider, platform);
      const stepModel = await loadStepModel(found.dir, model, candidates, {
        intraOpThreads: config.intraOpThreads,
        allowSpinning: config.allowSpinning,
      });
      const [S, D] = model.stateShape;
      const scheduler = new Scheduler(
        stepModel.run,
        { seqLen: model.seqLen, vocab: model.vocab, stateSize: S * D },
        config.maxBatch,
      );
      return { model: stepModel, scheduler };
    })();
    // A failed load is not cached: the file may be fixed and the next request retried.
    entry.catch(() => loaded.delete(modelId));
    loaded.set(modelId, entry);
  }
  return entry;
}

async function solve(message: Extract<ToWorker, { type: 'solve' }>): Promise<void> {
  const controller = new AbortController();
  jobs.set(message.job, controller);
  try {
    const { model, scheduler } = await load(message.modelId);
    send({ type: 'model', job: message.job, model: inUse(model) });
    await Promise.all(
      message.puzzles.map(async (puzzle, index) => {
        const result = await solvePuzzle(scheduler, {
          puzzle,
          settings: message.settings,
          urgent: message.interactive,
          keepTrace: message.interactive,
          signal: controller.signal,
          onStep: message.interactive ? (view) => send({ type: 'step', job: message.job, index, view }) : undefined,
        });
        send({ type: 'result', job: message.job, index, result });
      }),
    );
    send({ type: 'done', job: message.job });
  } catch (error) {
    send({ type: 'error', job: message.job, message: error instanceof Error ? error.message : String(error) });
  } finally {
    jobs.delete(message.job);
  }
}

/** What this worker's onnxruntime offers here, and the sessions it holds (loads under way are waited for). */
async function describe(job: number): Promise<void> {
  const models = await Promise.allSettled(loaded.values());
  const report: EngineReport = {
    backends,
    providers: describeProviders(platform, backends),
    candidates: providerCandidates(config.provider, platform),
    provider: config.provider,
    threads: config.intraOpThreads,
    sessions: models.flatMap((m) => (m.status === 'fulfilled' ? [inUse(m.value.model)] : [])),
  };
  send({ type: 'report', job, report });
}

/**
 * Ending the thread while onnxruntime is inside run() aborts the whole process, so shutting
 * down waits for the step in flight: cancel everything, let the schedulers drain, release.
 */
async function shutdown(): Promise<void> {
  for (const controller of jobs.values()) controller.abort();
  await Promise.allSettled(running);
  const models = await Promise.allSettled(loaded.values());
  await Promise.allSettled(models.flatMap((m) => (m.status === 'fulfilled' ? [m.value.model.release()] : [])));
  port.close();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'solve') {
    const job = solve(message);
    running.add(job);
    void job.finally(() => running.delete(job));
  } else if (message.type === 'cancel') jobs.get(message.job)?.abort();
  else if (message.type === 'describe') void describe(message.job);
  else void shutdown();
});
