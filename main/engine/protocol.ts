// Messages between the engine host (any main thread) and the inference worker.
import type { Puzzle } from '../puzzles/index.ts';
import type { Backend, ProviderCandidate, ProviderSetting, ProviderStatus } from './providers.ts';
import type { PuzzleResult, SolveSettings, StepView } from './solver.ts';

export interface WorkerConfig {
  modelsDirs: string[];
  provider: ProviderSetting;
  intraOpThreads: number;
  allowSpinning: boolean;
  maxBatch: number;
}

export interface ModelInUse {
  id: string;
  sha256: string;
  provider: string;
  /** Accelerators tried first and why they failed, empty when the first choice worked. */
  fallbacks: string[];
}

/** What the engine found on this machine and what its loaded sessions run on. */
export interface EngineReport {
  /** The backends this onnxruntime-node build knows (listSupportedBackends). */
  backends: Backend[];
  /** Each provider the settings offer, and whether it was found here. */
  providers: ProviderStatus[];
  /** What the current setting tries, in order (the CPU last). */
  candidates: ProviderCandidate[];
  /** The setting and thread count the sessions are created with. */
  provider: ProviderSetting;
  threads: number;
  /** The models loaded now, each with the provider its session runs on. */
  sessions: ModelInUse[];
}

export type ToWorker =
  | {
      type: 'solve';
      job: number;
      modelId: string;
      puzzles: Puzzle[];
      settings: SolveSettings;
      /** Interactive: stream every step, keep the trace, jump the queue. */
      interactive: boolean;
    }
  | { type: 'cancel'; job: number }
  /** Answered with a `report`. */
  | { type: 'describe'; job: number }
  /** Stop every job at its next step, release the sessions, end the thread. */
  | { type: 'shutdown' };

export type FromWorker =
  | { type: 'model'; job: number; model: ModelInUse }
  | { type: 'step'; job: number; index: number; view: StepView }
  | { type: 'result'; job: number; index: number; result: PuzzleResult }
  | { type: 'report'; job: number; report: EngineReport }
  | { type: 'done'; job: number }
  | { type: 'error'; job: number; message: string };
