// Export and import: the history as a JSON file another copy of TRM reads back, or as CSV for a
// spreadsheet. An export holds each solve in full; an import checks every field before writing.
import { z } from 'zod';
import type { SolveRecord } from './solves.ts';
import type { SolveDetail } from './types.ts';

export const exportFormatName = 'trm-history';
export const exportVersion = 1;

export interface HistoryExport {
  format: typeof exportFormatName;
  version: typeof exportVersion;
  exportedAt: string;
  solves: SolveDetail[];
}

export function exportJson(solves: SolveDetail[]): string {
  const file: HistoryExport = {
    format: exportFormatName,
    version: exportVersion,
    exportedAt: new Date().toISOString(),
    solves,
  };
  return JSON.stringify(file);
}

const csvColumns: [string, (solve: SolveDetail) => string | number | boolean | null][] = [
  ['id', (s) => s.id],
  ['created_at', (s) => s.createdAt],
  ['kind', (s) => s.kind],
  ['source_file', (s) => s.sourceFile],
  ['model_id', (s) => s.modelId],
  ['model_sha256', (s) => s.modelSha256],
  ['provider', (s) => s.provider],
  ['policy', (s) => s.options.policy],
  ['max_steps', (s) => s.options.maxSteps],
  ['augmentations', (s) => s.options.augmentations],
  ['rethinks', (s) => s.options.rethinks],
  ['status', (s) => s.status],
  ['steps', (s) => s.steps],
  ['halt_probability', (s) => s.trace.at(-1)?.haltProbability ?? null],
  ['verified', (s) => s.verified],
  ['conflicts', (s) => s.final?.conflicts.join('; ') ?? ''],
  ['answer', (s) => s.final?.cells.join(' ') ?? ''],
  ['total_ms', (s) => s.totalMs],
  ['label', (s) => s.label],
  ['error', (s) => s.error],
];

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe: a label or file name must not become code when the file is opened.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(solves: SolveDetail[]): string {
  const header = csvColumns.map(([name]) => name).join(',');
  const rows = solves.map((solve) => csvColumns.map(([, field]) => csvField(field(solve))).join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------
// Import: a file from outside, checked field by field.

const int = z.number().int();
const source = z.object({
  file: z.string(),
  line: int.min(1).optional(),
  index: int.min(0).optional(),
  jsonPath: z.string().optional(),
});
const digits = z.array(int.min(0).max(9));
const mazeCells = z.array(z.enum(['wall', 'open', 'start', 'goal', 'path']));
const arcGrid = z.array(z.array(int.min(0).max(9)));
const puzzle = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sudoku'), source, givens: digits.length(81), solution: digits.length(81).optional() }),
  z.object({
    kind: z.literal('maze'),
    source,
    rows: int.min(1),
    cols: int.min(1),
    cells: mazeCells,
    solution: mazeCells.optional(),
  }),
  z.object({
    kind: z.literal('arc'),
    source,
    taskId: z.string(),
    train: z.array(z.object({ input: arcGrid, output: arcGrid })),
    test: z.object({ input: arcGrid, output: arcGrid.optional() }),
  }),
]);

// Fields an export derives from others (kind, steps, verified, totalMs) are recomputed, not read.
const exportedSolve = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  sourceFile: z.string(),
  modelId: z.string().min(1),
  modelSha256: z.string(),
  provider: z.string(),
  status: z.enum(['solved', 'unsolved', 'cancelled', 'failed']),
  label: z.string(),
  puzzle,
  options: z.object({
    policy: z.enum(['halt', 'fixed', 'verified']),
    maxSteps: int.min(1),
    augmentations: int.min(0),
    rethinks: int.min(0).default(0), // exports from before the app could rethink
  }),
  trace: z.array(z.object({ cells: z.array(int), haltProbability: z.number(), round: int.min(0).optional() })),
  final: z.object({ cells: z.array(int), verified: z.boolean(), conflicts: z.array(z.string()) }).nullable(),
  error: z.string().nullable(),
  timings: z.object({ totalMs: z.number().min(0), stepMs: z.array(z.number()) }),
});

const historyExport = z.object({
  format: z.literal(exportFormatName),
  version: z.literal(exportVersion),
  solves: z.array(exportedSolve),
});

export type ParsedImport = { ok: true; solves: SolveRecord[] } | { ok: false; reason: string; details: string[] };

const MAX_DETAILS = 20;

/** Reads an export file's text into records ready to store, or says what is wrong with it. */
export function parseExport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'The file is not JSON.', details: [(error as Error).message] };
  }
  const parsed = historyExport.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    const more = issues.length > MAX_DETAILS ? [`… and ${issues.length - MAX_DETAILS} more`] : [];
    return {
      ok: false,
      reason: `The file is not a TRM history export (${exportFormatName}, version ${exportVersion}).`,
      details: [...issues.slice(0, MAX_DETAILS), ...more],
    };
  }
  return {
    ok: true,
    solves: parsed.data.solves.map((solve) => ({
      id: solve.id,
      label: solve.label,
      puzzle: solve.puzzle,
      sourceFile: solve.sourceFile,
      modelId: solve.modelId,
      modelSha256: solve.modelSha256,
      provider: solve.provider,
      options: solve.options,
      status: solve.status,
      steps: solve.trace,
      final: solve.final,
      ...(solve.error === null ? {} : { error: solve.error }),
      timings: solve.timings,
      createdAt: solve.createdAt,
    })),
  };
}
