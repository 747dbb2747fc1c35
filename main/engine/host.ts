// The engine as the rest of the app sees it: solve one puzzle (streaming its steps) or
// many (results in completion order), with the sessions in a worker thread. A worker that
// dies fails the jobs it had and is replaced on the next request; nothing else stops.
import { Worker } from 'node:worker_threads';
import type { Puzzle } from '../puzzles/index.ts';
import { physicalCores } from './cores.ts';
import type { ModelEntry } from './manifest.ts';
import { readCatalog } from './manifest.ts';
import type { EngineReport, FromWorker, ModelInUse, ToWorker, WorkerConfig } from './protocol.ts';
import type { ProviderSetting } from './providers.ts';
import type { PuzzleResult, SolveSettings, StepView } from './solver.ts';

export interface EngineOptions {
  /** The app's own models. */
  modelsDir: string;
  /** Further folders with manifests, e.g. the user's; the app's models win on equal ids. */
  extraModelsDirs?: string[];
  provider?: ProviderSetting;
  /** onnxruntime intra-op threads; defaults to the machine's physical cores. */
  threads?: number;
  /** Spinning threads trade idle CPU for latency: off for the desktop. */
  allowSpinning?: boolean;
  maxBatch?: number;
  /** Where the worker script is: the bundled Electron app passes its own. */
  workerUrl?: URL;
}

export interface SolveHooks {
  signal?: AbortSignal;
  onStep?(view: StepView): void;
}

export interface BatchHooks {
  signal?: AbortSignal;
  onResult(index: number, result: PuzzleResult): void;
}

/** How long a closing worker may take to finish its step before it is stopped anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export class EngineError extends Error {
  override name = 'EngineError';
}

interface Job {
  /** The worker running it: when that one stops, only its jobs fail. */
  worker: Worker;
  onModel(model: ModelInUse): void;
  onStep(index: number, view: StepView): void;
  onResult(index: number, result: PuzzleResult): void;
  onReport?(report: EngineReport): void;
  settle(error?: Error): void;
}

export class Engine {
  readonly #options: Required<Omit<EngineOptions, 'workerUrl'>> & { workerUrl: URL };
  /** The worker new work goes to; null until the first request (or after a change of settings). */
  #worker: Worker | null = null;
  /** Workers from before a change of settings, finishing their jobs before they shut down. */
  readonly #retiring = new Set<Worker>();
  readonly #jobs = new Map<number, Job>();
  #nextJob = 1;

  constructor(options: EngineOptions) {
    this.#options = {
      modelsDir: options.modelsDir,
      extraModelsDirs: options.extraModelsDirs ?? [],
      provider: options.provider ?? 'auto',
      threads: options.threads ?? physicalCores(),
      allowSpinning: options.allowSpinning ?? false,
      maxBatch: options.maxBatch ?? 64,
      workerUrl: options.workerUrl ?? new URL('./worker.ts', import.meta.url),
    };
  }

  /**
   * Changes the accelerator or thread count without a restart. Work already running finishes
   * on the sessions it started with; everything that starts afterwards gets a fresh worker
   * with the new settings. Threads left out (or undefined) mean one per physical core.
   */
  configure(settings: Pick<EngineOptions, 'provider' | 'threads'>): void {
    this.#options.provider = settings.provider ?? 'auto';
    this.#options.threads = settings.threads ?? physicalCores();
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = null;
    this.#retiring.add(worker);
    this.#release(worker);
  }

  /** What onnxruntime offers on this machine and which provider each loaded model runs on. */
  async describe(): Promise<EngineReport> {
    const worker = this.#spawn();
    const id = this.#nextJob++;
    let report: EngineReport | null = null;
    const done = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => (error ? reject(error) : resolve());
      const ignore = () => {};
      this.#jobs.set(id, {
        worker,
        onModel: ignore,
        onStep: ignore,
        onResult: ignore,
        onReport: (answer) => {
          report = answer;
          this.#jobs.delete(id);
          settle();
        },
        settle,
      });
    });
    worker.ref();
    worker.postMessage({ type: 'describe', job: id } satisfies ToWorker);
    try {
      await done;
    } finally {
      this.#release(worker);
    }
    return report!;
  }

  /** The model for a puzzle kind: the one asked for, else the first listed for that kind. */
  async chooseModel(kind: Puzzle['kind'], modelId?: string): Promise<ModelEntry> {
    const models = (await readCatalog(this.#modelsDirs())).map((c) => c.entry);
    const model = modelId ? models.find((m) => m.id === modelId) : models.find((m) => m.kind === kind);
    if (!model) {
      throw new EngineError(modelId ? `There is no model ${modelId}.` : `No ${kind} model is installed.`);
    }
    if (model.kind !== kind) throw new EngineError(`Model ${model.id} solves ${model.kind} puzzles, not ${kind}.`);
    return model;
  }

  #modelsDirs(): string[] {
    return [this.#options.modelsDir, ...this.#options.extraModelsDirs];
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const config: WorkerConfig = {
      modelsDirs: this.#modelsDirs(),
      provider: this.#options.provider,
      intraOpThreads: this.#options.threads,
      allowSpinning: this.#options.allowSpinning,
      maxBatch: this.#options.maxBatch,
    };
    const worker = new Worker(this.#options.workerUrl, { workerData: config });
    worker.on('message', (message: FromWorker) => this.#receive(message));
    const fail = (reason: string) => {
      this.#retiring.delete(worker);
      if (this.#worker === worker) this.#worker = null;
      this.#fail(worker, `The inference worker stopped (${reason}); it restarts on the next request.`);
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #receive(message: FromWorker): void {
    const job = this.#jobs.get(message.job);
    if (!job) return;
    switch (message.type) {
      case 'model':
        return job.onModel(message.model);
      case 'step':
        return job.onStep(message.index, message.view);
      case 'result':
        return job.onResult(message.index, message.result);
      case 'report':
        return job.onReport?.(message.report);
      case 'done':
        this.#jobs.delete(message.job);
        return job.settle();
      case 'error':
        this.#jobs.delete(message.job);
        return job.settle(new EngineError(message.message));
    }
  }

  async #run(
    model: ModelEntry,
    puzzles: Puzzle[],
    settings: SolveSettings,
    interactive: boolean,
    hooks: Omit<Job, 'settle' | 'worker'>,
    signal?: AbortSignal,
  ): Promise<void> {
    const wrongKind = puzzles.findIndex((p) => p.kind !== model.kind);
    if (wrongKind !== -1) {
      throw new EngineError(
        `Puzzle ${wrongKind + 1} is a ${puzzles[wrongKind]!.kind}; model ${model.id} solves ${model.kind}.`,
      );
    }
    if (puzzles.length === 0) return;
    const worker = this.#spawn();
    const id = this.#nextJob++;
    const done = new Promise<void>((resolve, reject) => {
      this.#jobs.set(id, { ...hooks, worker, settle: (error) => (error ? reject(error) : resolve()) });
    });
    // Keep the process alive only while work is in flight (#release lets go).
    worker.ref();
    const cancel = () => worker.postMessage({ type: 'cancel', job: id } satisfies ToWorker);
    worker.postMessage({
      type: 'solve',
      job: id,
      modelId: model.id,
      puzzles,
      settings,
      interactive,
    } satisfies ToWorker);
    // A cancel that came while the model was being chosen still counts: the worker
    // receives it right after the job, before any step runs.
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
    try {
      await done;
    } finally {
      signal?.removeEventListener('abort', cancel);
      this.#release(worker);
    }
  }

  /** Solves one puzzle, streaming each supervision step; cancellable between steps. */
  async solve(
    puzzle: Puzzle,
    settings: SolveSettings,
    hooks: SolveHooks & { modelId?: string } = {},
  ): Promise<{ model: ModelInUse; result: PuzzleResult }> {
    const entry = await this.chooseModel(puzzle.kind, hooks.modelId);
    let model: ModelInUse | null = null;
    let result: PuzzleResult | null = null;
    await this.#run(
      entry,
      [puzzle],
      settings,
      true,
      {
        onModel: (m) => (model = m),
        onStep: (_index, view) => hooks.onStep?.(view),
        onResult: (_index, r) => (result = r),
      },
      hooks.signal,
    );
    return { model: model!, result: result! };
  }

  /** Solves many puzzles of one kind with continuous batching; results arrive as each finishes. */
  async solveMany(
    puzzles: Puzzle[],
    settings: SolveSettings,
    hooks: BatchHooks & { modelId?: string },
  ): Promise<ModelInUse | null> {
    if (puzzles.length === 0) return null;
    const entry = await this.chooseModel(puzzles[0]!.kind, hooks.modelId);
    let model: ModelInUse | null = null;
    await this.#run(
      entry,
      puzzles,
      settings,
      false,
      { onModel: (m) => (model = m), onStep: () => {}, onResult: hooks.onResult },
      hooks.signal,
    );
    return model;
  }

  /** Stops the workers; work in flight fails with an explanation. The next request starts a new one. */
  async close(): Promise<void> {
    const workers = [...this.#retiring, ...(this.#worker ? [this.#worker] : [])];
    this.#worker = null;
    this.#retiring.clear();
    const error = new EngineError('The engine was closed while this work was running.');
    for (const job of this.#jobs.values()) job.settle(error);
    this.#jobs.clear();
    await Promise.all(workers.map((worker) => this.#shutdown(worker)));
  }

  /**
   * Once a worker has no jobs left: a retiring one shuts down, the current one stops holding
   * the process open (so an idle engine never keeps a CLI running).
   */
  #release(worker: Worker): void {
    for (const job of this.#jobs.values()) if (job.worker === worker) return;
    if (this.#retiring.has(worker)) void this.#shutdown(worker);
    else worker.unref();
  }

  /**
   * The worker finishes the step in flight and releases its sessions: terminating it inside
   * onnxruntime's run() would abort the whole process. A worker that hangs is still stopped.
   */
  async #shutdown(worker: Worker): Promise<void> {
    this.#retiring.delete(worker);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
    const timer = setTimeout(() => void worker.terminate(), SHUTDOWN_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  #fail(worker: Worker, message: string): void {
    const error = new EngineError(message);
    for (const [id, job] of this.#jobs) {
      if (job.worker !== worker) continue;
      this.#jobs.delete(id);
      job.settle(error);
    }
  }
}
