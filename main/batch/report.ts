// The evaluation report: a pure function of the run, its recorded items and the puzzles they
// came from. JSON, CSV and HTML are all renderings of this one object.
import type { SolveSettings } from '../engine/index.ts';
import type { Puzzle, PuzzleKindId } from '../puzzles/index.ts';
import type { BatchItemRecord, BatchItemRef, BatchRun } from '../store/index.ts';
import { cellAccuracy, difficultyOf, difficultyOrder, groundTruth } from './metrics.ts';
import { itemKey } from './plan.ts';
import type { SkippedPath } from './scan.ts';

export interface Summary {
  puzzles: number;
  /** Answers the kind's verifier accepts. */
  solved: number;
  solvedRate: number | null;
  /** Answers equal to the ground truth, among the puzzles that have one. */
  exact: number;
  exactRate: number | null;
  /** Puzzles with a ground truth to compare against. */
  withTruth: number;
  /** Mean share of open cells right, over puzzles with a ground truth. */
  cellAccuracy: number | null;
  failed: number;
  meanSteps: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface OverallSummary extends Summary {
  /** Completed puzzles per second while the run was running (pauses between sessions left out). */
  puzzlesPerSecond: number | null;
}

export type ItemStatus = 'solved' | 'unsolved' | 'failed';

export interface ReportItem {
  file: string;
  index: number;
  line: number | null;
  difficulty: string | null;
  status: ItemStatus;
  exact: boolean | null;
  cellAccuracy: number | null;
  steps: number;
  timeMs: number;
  error: string | null;
}

export interface ReportRun {
  id: string;
  folder: string;
  kind: PuzzleKindId | null;
  model: string;
  modelSha256: string;
  provider: string;
  settings: SolveSettings;
  status: BatchRun['status'];
  createdAt: string;
  finishedAt: string | null;
  appVersion: string;
}

export interface BatchReport {
  run: ReportRun;
  summary: OverallSummary;
  files: { path: string; summary: Summary }[];
  difficulty: { bin: string; summary: Summary }[];
  /** How many puzzles stopped after each number of supervision steps. */
  steps: { steps: number; puzzles: number }[];
  items: ReportItem[];
  /** Planned puzzles without a result yet (a cancelled or interrupted run). */
  pending: number;
  /** Planned puzzles whose file no longer holds them. */
  missing: BatchItemRef[];
  skipped: SkippedPath[];
  /** Lines of used files that could not be read. */
  problems: { path: string; line: number | null; message: string }[];
}

export interface ReportInput {
  run: BatchRun;
  appVersion: string;
  items: readonly BatchItemRecord[];
  /** The folder's puzzles by item key (plan.ts `itemKey`). */
  puzzles: ReadonlyMap<string, Puzzle>;
  pending: readonly BatchItemRef[];
  skipped: readonly SkippedPath[];
  problems: BatchReport['problems'];
}

/** A gap between two results longer than this is a pause (killed, cancelled, app closed), not work. */
const PAUSE_MS = 10_000;

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? sorted[0]!;
}

const rate = (count: number, of: number): number | null => (of === 0 ? null : count / of);

export function summarize(items: readonly ReportItem[]): Summary {
  const solved = items.filter((item) => item.status === 'solved').length;
  const judged = items.filter((item) => item.exact !== null);
  const exact = judged.filter((item) => item.exact).length;
  const times = items.map((item) => item.timeMs);
  return {
    puzzles: items.length,
    solved,
    solvedRate: rate(solved, items.length),
    exact,
    exactRate: rate(exact, judged.length),
    withTruth: judged.length,
    cellAccuracy: mean(items.flatMap((item) => (item.cellAccuracy === null ? [] : [item.cellAccuracy]))),
    failed: items.filter((item) => item.status === 'failed').length,
    meanSteps: mean(items.filter((item) => item.status !== 'failed').map((item) => item.steps)),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

/** Results per second of running time, from the moments each result was committed. */
export function throughput(doneAt: readonly string[]): number | null {
  const times = doneAt.map((at) => Date.parse(at)).sort((a, b) => a - b);
  let runningMs = 0;
  let gaps = 0;
  // Each gap is one result's worth of work; the first result of a session has no start to measure from.
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (gap > PAUSE_MS) continue;
    runningMs += gap;
    gaps++;
  }
  return runningMs > 0 ? gaps / (runningMs / 1000) : null;
}

function reportItem(record: BatchItemRecord, puzzle: Puzzle | undefined): ReportItem {
  const truth = puzzle ? groundTruth(puzzle) : null;
  return {
    file: record.sourceFile,
    index: record.index,
    line: puzzle?.source.line ?? null,
    difficulty: puzzle ? difficultyOf(puzzle) : null,
    status: record.error !== undefined ? 'failed' : record.verified ? 'solved' : 'unsolved',
    exact: record.exact,
    cellAccuracy: puzzle && truth && record.answer ? cellAccuracy(puzzle, record.answer, truth) : truth ? 0 : null,
    steps: record.steps,
    timeMs: record.timeMs,
    error: record.error ?? null,
  };
}

function groupBy<T>(values: readonly T[], key: (value: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}

export function buildReport(input: ReportInput): BatchReport {
  const { run } = input;
  const items = input.items.map((record) => reportItem(record, input.puzzles.get(itemKey(record))));
  const kinds = new Set(
    [...input.items, ...input.pending].flatMap((ref) => input.puzzles.get(itemKey(ref))?.kind ?? []),
  );
  const byFile = groupBy(items, (item) => item.file);
  const byBin = groupBy(items, (item) => item.difficulty);
  const bySteps = groupBy(
    items.filter((item) => item.status !== 'failed'),
    (item) => String(item.steps),
  );
  return {
    run: {
      id: run.id,
      folder: run.folder,
      kind: kinds.size === 1 ? [...kinds][0]! : null,
      model: run.modelId,
      modelSha256: run.modelSha256,
      provider: run.provider,
      settings: run.settings,
      status: run.status,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      appVersion: input.appVersion,
    },
    summary: { ...summarize(items), puzzlesPerSecond: throughput(input.items.map((item) => item.doneAt)) },
    files: [...byFile].map(([path, group]) => ({ path, summary: summarize(group) })),
    difficulty: [...byBin]
      .sort(([a], [b]) => difficultyOrder.indexOf(a) - difficultyOrder.indexOf(b))
      .map(([bin, group]) => ({ bin, summary: summarize(group) })),
    steps: [...bySteps]
      .map(([steps, group]) => ({ steps: Number(steps), puzzles: group.length }))
      .sort((a, b) => a.steps - b.steps),
    items,
    pending: input.pending.length,
    missing: input.pending.filter((ref) => !input.puzzles.has(itemKey(ref))),
    skipped: [...input.skipped],
    problems: [...input.problems],
  };
}
