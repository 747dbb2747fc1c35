// The values the store takes and gives back: plain, serialisable objects (they cross IPC and HTTP).
import type { Puzzle, PuzzleKindId } from '../puzzles/types.ts';

/** A solve's public id: a UUID, stable across export and import. */
export type SolveId = string;

export type SolveStatus = 'solved' | 'unsolved' | 'cancelled' | 'failed';

export interface SolveSettings {
  policy: 'halt' | 'fixed' | 'verified';
  maxSteps: number;
  augmentations: number;
  /** Rethinking rounds at most (0 in solves stored before the app could rethink). */
  rethinks: number;
}

/** The model's answer after one supervision step, in the kind's cell encoding. */
export interface TraceStep {
  cells: number[];
  haltProbability: number;
  /** 0 for the puzzle as given, r for its r-th rethinking round; absent in older solves. */
  round?: number;
}

export interface FinalAnswer {
  cells: number[];
  verified: boolean;
  conflicts: string[];
}

/** What the engine hands over after each solve. */
export interface NewSolve {
  puzzle: Puzzle;
  /** Defaults to the puzzle's own source file. */
  sourceFile?: string;
  modelId: string;
  modelSha256: string;
  provider: string;
  options: SolveSettings;
  status: SolveStatus;
  steps: TraceStep[];
  final: FinalAnswer | null;
  error?: string;
  timings: { totalMs: number; stepMs: number[] };
  /** ISO 8601; defaults to now. */
  createdAt?: string;
}

/** One row of the history list. */
export interface SolveSummary {
  id: SolveId;
  kind: PuzzleKindId;
  createdAt: string;
  sourceFile: string;
  modelId: string;
  status: SolveStatus;
  /** Supervision steps taken. */
  steps: number;
  verified: boolean;
  totalMs: number;
  label: string;
}

/** One solve in full, with its trace decoded so the UI can replay it. */
export interface SolveDetail extends SolveSummary {
  puzzle: Puzzle;
  modelSha256: string;
  provider: string;
  options: SolveSettings;
  trace: TraceStep[];
  final: FinalAnswer | null;
  error: string | null;
  timings: { totalMs: number; stepMs: number[] };
}

export interface SolveFilter {
  kind?: PuzzleKindId;
  modelId?: string;
  verified?: boolean;
  /** Inclusive lower bound on creation time (anything `Date` reads). */
  since?: string;
  /** Exclusive upper bound on creation time. */
  until?: string;
  /** Case-insensitive substring of the label or the source file name. */
  search?: string;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface SolvePage {
  /** How many solves match the filter, across all pages. */
  total: number;
  /** Newest first. */
  items: SolveSummary[];
}

export type SaveOutcome = { saved: true; id: SolveId } | { saved: false; reason: string };

export interface StoreSettings {
  /** Solves are not written at all while this is on. */
  privateMode: boolean;
}

export type ExportFormat = 'json' | 'csv';

export interface ImportOutcome {
  added: number;
  /** Solves the history already held (same id): importing a file twice adds nothing. */
  skipped: number;
}
