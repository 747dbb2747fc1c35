// The whole contract between the UI and the core: every request with its argument
// schema and result type, and every event. Electron IPC, the HTTP server, the browser
// client and the tests are all typed from this one file, so a mistyped call does not
// compile and a malformed one is rejected at the boundary.
//
// It imports nothing from Electron or Node: main, preload, renderer and tests share it.
import { z } from 'zod';
import type { ParsedFile, Puzzle, PuzzleKindId } from '../main/puzzles/types.ts';
import { puzzleKindIds } from '../main/puzzles/types.ts';
import { defaultSolveOptions } from './defaults.ts';

export { defaultSolveOptions } from './defaults.ts';
import type { SolveDetail, SolveSummary, StoreSettings } from '../main/store/types.ts';
import type { BatchRun } from '../main/store/batches.ts';
import type { RunComparison } from '../main/batch/compare.ts';
import type { ProgressSnapshot } from '../main/batch/progress.ts';
import type { BatchReport } from '../main/batch/report.ts';
import type { EngineReport } from '../main/engine/protocol.ts';

export type { Reply, ApiErrorCode, ApiErrorInfo } from './reply.ts';
export type { SolveDetail, SolveSummary, TraceStep } from '../main/store/types.ts';

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
  /** Where the user may add models of their own (data folder/models). */
  userModelsDir: string;
  /** Always true: the app never opens a connection off this machine. */
  offline: true;
  /**
   * Whether this door can show the system's file and folder dialogs (`dialog.open`): the desktop
   * app can; in browser mode the server has no window to open one in, so paths are typed.
   */
  dialogs: boolean;
  /** Set when history is off (the file could not be used) or was reset (a damaged file moved aside), saying why. */
  history?: { enabled: boolean; message: string };
}

export type ModelStatus = { state: 'ok' } | { state: 'missing'; reason: string } | { state: 'invalid'; reason: string };

export interface ModelSummary {
  id: string;
  kind: PuzzleKindId;
  file: string;
  /** The folder holding it: the app's models folder or the user's. */
  dir: string;
  bytes: number;
  parameters: number;
  status: ModelStatus;
  card: string | null;
}

export interface ModelImport {
  imported: string[];
  refused: { model: string; reason: string }[];
}

/** Where the models run: `auto` tries this platform's accelerator first, then the CPU. */
export const providerChoices = ['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;

export interface EngineSettings {
  provider: (typeof providerChoices)[number];
  /** onnxruntime threads; null for one per physical core. */
  threads: number | null;
}

export interface EngineSettingsState {
  /** What the engine runs with now. */
  active: EngineSettings;
  /** What is kept for the next start: the same, unless this start was told otherwise (a command-line option). */
  saved: EngineSettings;
  /** What onnxruntime offers on this machine, and the provider each loaded model runs on. */
  detected: EngineReport;
}

/** What `dialog.open` is asked to show. */
export type DialogRequest = ValidArgs<'dialog.open'>;

export type HaltingPolicy = 'halt' | 'fixed' | 'verified';

export interface SolveStarted {
  solveId: string;
}

export interface SolveStep {
  solveId: string;
  /** 1-based supervision step, counted across rethinking rounds. */
  step: number;
  /**
   * 0 while the model works on the puzzle as given; r in its r-th rethinking round, which starts
   * afresh with the cells it was surest of kept as if they were given.
   */
  round: number;
  /** The model's answer after this step, in the puzzle kind's answer form. */
  answer: unknown;
  /**
   * Positions of the model's grid whose value changed in this step (a maze or ARC grid sits in
   * the top-left corner of the 30x30 grid, so positions outside it are padding).
   */
  changed: number[];
  /** Per-position probability of the chosen value (softmax max), on the same grid. */
  confidence: number[];
  /** sigmoid(q_halt). */
  haltProbability: number;
  verified: boolean;
}

export interface SolveModel {
  id: string;
  sha256: string;
  /** The execution provider that ran it, e.g. cpu, cuda, dml. */
  provider: string;
  /** Accelerators that were tried first, with why they could not be used. */
  fallbacks: string[];
}

export type SolveOutcome =
  | {
      solveId: string;
      status: 'solved' | 'unsolved';
      model: SolveModel;
      steps: number;
      answer: unknown;
      /** Why the answer is wrong, with the cells involved; empty when solved. */
      conflicts: AnswerConflict[];
      haltProbability: number;
      /** Views that gave the chosen answer, out of all views run (the puzzle itself and its voting copies). */
      votes: { agreed: number; views: number };
      elapsedMs: number;
    }
  | { solveId: string; status: 'cancelled'; steps: number }
  | { solveId: string; status: 'failed'; error: string };

export interface HistoryPage {
  /** Solves matching the filter, across all pages. */
  total: number;
  /** Newest first. */
  items: SolveSummary[];
}

/** One conflict of an answer: why it is wrong, and the cells involved (the puzzle's own, row-major). */
export interface AnswerConflict {
  message: string;
  cells: number[];
}

/** A solve from history, as the replay shows it. */
export interface HistoryEntry extends SolveDetail {
  /**
   * The final answer's conflicts, found again by checking it against its puzzle (the store keeps
   * only their wording), so the replay marks the cells as the live solve did; empty when verified.
   */
  finalConflicts: AnswerConflict[];
}

export interface HistoryExport {
  format: 'json' | 'csv';
  /** A name to offer when saving, e.g. trm-history-2026-11-28.json. */
  fileName: string;
  text: string;
}

/** Settings kept with the history: `privateMode` stops solves being recorded at all. */
export type Settings = StoreSettings;

export type { BatchReport, RunComparison, BatchRun, EngineReport };

/** A generated puzzle and the text that reads back as it (what solve.start takes). */
export interface GeneratedPuzzle {
  puzzle: Puzzle;
  text: string;
}

/** What a folder holds: files with puzzles (and their unreadable lines), and what was skipped and why. */
export interface BatchScan {
  folder: string;
  files: { path: string; kind: PuzzleKindId; puzzles: number; problems: { line?: number; message: string }[] }[];
  skipped: { path: string; reason: string }[];
}

/** Done/total count what earlier sessions of a resumed run finished; the rate is this session's. */
export interface BatchProgress extends ProgressSnapshot {
  runId: string;
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
    policy: z.enum(['halt', 'fixed', 'verified']).default(defaultSolveOptions.policy),
    maxSteps: z.number().int().min(1).max(64).default(16),
    augmentations: z.number().int().min(0).max(16).default(0),
    rethinks: z.number().int().min(0).max(16).default(0),
  })
  .strict();

/** Puzzle files may be large, but a request body is not the place for a batch. */
export const MAX_PUZZLE_TEXT = 50 * 1024 * 1024;
/** A history export holds every step of every solve: larger than a puzzle file. */
export const MAX_HISTORY_IMPORT = 256 * 1024 * 1024;
/** A date (2026-11-28, read as UTC midnight) or a date and time with its offset. */
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const requests = {
  'app.info': request<AppInfo>()(noArgs),
  'models.list': request<ModelSummary[]>()(noArgs),
  /**
   * Copies the models of a folder (its manifest.json and the files it lists) into the user's
   * models folder; each is checked (manifest entry, size and sha256) first, and refused with
   * the reason when it fails or when its id is one the app ships. `folder` may also name the
   * manifest.json itself (what a file dialog picks).
   */
  'models.import': request<ModelImport>()(z.object({ folder: z.string().min(1).max(4096) }).strict()),
  /** A model's card (Markdown, from the file its manifest entry names); null when it has none. */
  'models.card': request<{ id: string; markdown: string | null }>()(z.object({ id }).strict()),
  'puzzles.parse': request<ParsedFile>()(
    z
      .object({
        text: z.string().max(MAX_PUZZLE_TEXT),
        fileName: z.string().max(1000).default('pasted text'),
      })
      .strict(),
  ),
  /** A random puzzle for trying the app; the same seed gives the same puzzle. */
  'puzzles.generate': request<GeneratedPuzzle>()(
    z
      .object({
        kind: z.enum(['sudoku', 'maze']),
        difficulty: z.enum(['easy', 'medium', 'hard']).default('medium'),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
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
        /** Which puzzle of the text, when it holds several. */
        index: z.number().int().min(0).default(0),
        modelId: id.optional(),
        options: solveOptions.default(defaultSolveOptions),
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
        modelId: id.optional(),
        verified: z.boolean().optional(),
        /** Created at or after. */
        since: when.optional(),
        /** Created before. */
        until: when.optional(),
        /** Text in the label or the source file name, any case. */
        query: z.string().max(500).optional(),
      })
      .strict(),
  ),
  'history.get': request<HistoryEntry>()(z.object({ id }).strict()),
  /** Solves the puzzle of an earlier solve again, perhaps with another model or settings: a new solve. */
  'history.rerun': request<SolveStarted>()(
    z.object({ id, modelId: id.optional(), options: solveOptions.default(defaultSolveOptions) }).strict(),
  ),
  'history.label': request<{ id: string; label: string }>()(z.object({ id, label: z.string().max(500) }).strict()),
  'history.delete': request<{ deleted: number }>()(z.object({ ids: z.array(id).max(100_000) }).strict()),
  /** Deletes every solve and batch run and compacts the file; `confirm` guards against a stray call. */
  'history.wipe': request<{ deleted: number }>()(z.object({ confirm: z.literal(true) }).strict()),
  /** The chosen solves, or all when `ids` is left out. */
  'history.export': request<HistoryExport>()(
    z.object({ ids: z.array(id).max(100_000).optional(), format: z.enum(['json', 'csv']).default('json') }).strict(),
  ),
  /** A JSON export; solves already held are skipped, so importing twice adds nothing. */
  'history.import': request<{ added: number; skipped: number }>()(
    z.object({ text: z.string().max(MAX_HISTORY_IMPORT) }).strict(),
  ),
  /**
   * The accelerator and thread count, with what was detected. A change is kept in the data folder and
   * applies at once: solves and batches already running finish as they began, the next ones use it.
   */
  'engine.settings': request<EngineSettingsState>()(noArgs),
  'engine.configure': request<EngineSettingsState>()(
    z
      .object({
        provider: z.enum(providerChoices).optional(),
        threads: z.number().int().min(1).max(256).nullable().optional(),
      })
      .strict(),
  ),
  /**
   * The system's dialog for choosing a folder or a file (only where AppInfo.dialogs says so; elsewhere
   * 'unavailable'). The path chosen, or null when the user closed the dialog.
   */
  'dialog.open': request<{ path: string | null }>()(
    z
      .object({
        kind: z.enum(['folder', 'file']),
        title: z.string().max(200).optional(),
        /** For files: the kinds to offer, e.g. { name: 'Model manifest', extensions: ['json'] }. */
        filters: z
          .array(
            z
              .object({
                name: z.string().min(1).max(100),
                extensions: z
                  .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/))
                  .min(1)
                  .max(20),
              })
              .strict(),
          )
          .max(10)
          .optional(),
      })
      .strict(),
  ),
  'settings.get': request<Settings>()(noArgs),
  'settings.set': request<Settings>()(z.object({ privateMode: z.boolean().optional() }).strict()),
  'batch.scan': request<BatchScan>()(z.object({ folder: z.string().min(1).max(4096) }).strict()),
  /** Answers once the run is stored (its first puzzle solved); progress follows as `batch.progress`. With `resume`, the run's own folder, model and settings are used. */
  'batch.start': request<{ runId: string }>()(
    z
      .object({
        folder: z.string().min(1).max(4096),
        modelId: id.optional(),
        options: solveOptions.default(defaultSolveOptions),
        resume: id.optional(),
      })
      .strict(),
  ),
  /** The run stops after the puzzles in flight; `batch.start` with `resume` continues it. */
  'batch.cancel': request<{ cancelled: boolean }>()(z.object({ runId: id }).strict()),
  /** Every batch run, newest first. */
  'batch.list': request<BatchRun[]>()(noArgs),
  'batch.report': request<BatchReport>()(z.object({ runId: id }).strict()),
  /** Two runs over the same puzzles (same files and positions), side by side. */
  'batch.compare': request<RunComparison>()(z.object({ a: id, b: id }).strict()),
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
