// The whole contract between the UI and the core: every request with its argument
// schema and result type, and every event. Electron IPC, the HTTP server, the browser
// client and the tests are all typed from this one file, so a mistyped call does not
// compile and a malformed one is rejected at the boundary.
//
// It imports nothing from Electron or Node: main, preload, renderer and tests share it.
import { z } from 'zod';
import type { ParsedFile, PuzzleKindId } from '../main/puzzles/types.ts';
import { puzzleKindIds } from '../main/puzzles/types.ts';

export type { Reply, ApiErrorCode, ApiErrorInfo } from './reply.ts';

// ---------------------------------------------------------------------------
// Results

export interface AppInfo {
  name: string;
  version: string;
  /** Which door the UI came through. */
  shell: 'electron' | 'browser' | 'cli';
  platform: string;
  dataDir: string;
  modelsDir: string;
  /** Always true: the app never opens a connection off this machine. */
  offline: true;
}

export type ModelStatus = { state: 'ok' } | { state: 'missing'; reason: string } | { state: 'invalid'; reason: string };

export interface ModelSummary {
  id: string;
  kind: PuzzleKindId;
  file: string;
  bytes: number;
  parameters: number;
  status: ModelStatus;
  card: string | null;
}

export type HaltingPolicy = 'halt' | 'fixed' | 'verified';

export interface SolveStarted {
  solveId: string;
}

export interface SolveStep {
  solveId: string;
  /** 1-based supervision step. */
  step: number;
  /** The decoded answer after this step, in the kind's cell encoding. */
  cells: number[];
  /** Indices of cells whose value changed in this step. */
  changed: number[];
  /** Per-cell probability of the chosen value (softmax max). */
  confidence: number[];
  /** sigmoid(q_halt). */
  haltProbability: number;
  verified: boolean;
}

export type SolveOutcome =
  | { solveId: string; status: 'solved' | 'unsolved'; steps: number; conflicts: string[] }
  | { solveId: string; status: 'cancelled'; steps: number }
  | { solveId: string; status: 'failed'; error: string };

export interface HistoryPage {
  total: number;
  items: { id: string; kind: PuzzleKindId; createdAt: string; verified: boolean; label: string }[];
}

export interface BatchScan {
  folder: string;
  files: { path: string; kind: PuzzleKindId | null; puzzles: number; errors: number }[];
  skipped: { path: string; reason: string }[];
}

export interface BatchProgress {
  runId: string;
  done: number;
  total: number;
  solved: number;
  puzzlesPerSecond: number;
}

// ---------------------------------------------------------------------------
// Requests

/** A request: its argument schema, with the result type carried along as a phantom. */
export interface RequestDef<Args extends z.ZodType, Result> {
  readonly args: Args;
  readonly result?: Result;
}

function request<Result>() {
  return <Args extends z.ZodType>(args: Args): RequestDef<Args, Result> => ({ args });
}

const noArgs = z.object({}).strict();
const id = z.string().min(1).max(200);
const solveOptions = z
  .object({
    policy: z.enum(['halt', 'fixed', 'verified']).default('halt'),
    maxSteps: z.number().int().min(1).max(64).default(16),
    augmentations: z.number().int().min(0).max(16).default(0),
  })
  .strict();

/** Puzzle files may be large, but a request body is not the place for a batch. */
export const MAX_PUZZLE_TEXT = 50 * 1024 * 1024;

export const requests = {
  'app.info': request<AppInfo>()(noArgs),
  'models.list': request<ModelSummary[]>()(noArgs),
  'puzzles.parse': request<ParsedFile>()(
    z
      .object({
        text: z.string().max(MAX_PUZZLE_TEXT),
        fileName: z.string().max(1000).default('pasted text'),
      })
      .strict(),
  ),
  'solve.start': request<SolveStarted>()(
    z
      .object({
        text: z
          .string()
          .min(1)
          .max(1024 * 1024),
        kind: z.enum(puzzleKindIds).optional(),
        modelId: id.optional(),
        options: solveOptions.default({ policy: 'halt', maxSteps: 16, augmentations: 0 }),
      })
      .strict(),
  ),
  'solve.cancel': request<{ cancelled: boolean }>()(z.object({ solveId: id }).strict()),
  'history.list': request<HistoryPage>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
        kind: z.enum(puzzleKindIds).optional(),
        query: z.string().max(500).optional(),
      })
      .strict(),
  ),
  'history.delete': request<{ deleted: number }>()(z.object({ ids: z.array(id).max(100_000) }).strict()),
  'batch.scan': request<BatchScan>()(z.object({ folder: z.string().min(1).max(4096) }).strict()),
  'batch.start': request<{ runId: string }>()(
    z.object({ folder: z.string().min(1).max(4096), modelId: id.optional(), options: solveOptions }).strict(),
  ),
  'batch.cancel': request<{ cancelled: boolean }>()(z.object({ runId: id }).strict()),
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
/** What a caller passes (defaults may be left out). */
export type RequestArgs<K extends RequestName> = z.input<Requests[K]['args']>;
/** What a handler receives after validation (defaults filled in). */
export type ValidArgs<K extends RequestName> = z.output<Requests[K]['args']>;
export type RequestResult<K extends RequestName> = NonNullable<Requests[K]['result']>;

export const requestNames = Object.keys(requests) as RequestName[];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

// ---------------------------------------------------------------------------
// Events (core -> UI)

export interface Events {
  'solve.step': SolveStep;
  'solve.done': SolveOutcome;
  'batch.progress': BatchProgress;
}
export type EventName = keyof Events;

// ---------------------------------------------------------------------------
// What the renderer sees as `window.trm`, whichever door it came through.

export interface TrmApi {
  invoke<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}
