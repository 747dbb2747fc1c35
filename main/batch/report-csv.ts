// One CSV row per puzzle, for spreadsheets and pandas.
import type { BatchReport } from './report.ts';

const columns = [
  'file',
  'index',
  'line',
  'difficulty',
  'status',
  'exact',
  'cell_accuracy',
  'steps',
  'time_ms',
  'error',
] as const;

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderReportCsv(report: BatchReport): string {
  const rows = report.items.map((item) =>
    [
      item.file,
      item.index,
      item.line,
      item.difficulty,
      item.status,
      item.exact,
      item.cellAccuracy === null ? null : Number(item.cellAccuracy.toFixed(4)),
      item.steps,
      Number(item.timeMs.toFixed(2)),
      item.error,
    ]
      .map(csvField)
      .join(','),
  );
  return [columns.join(','), ...rows].join('\r\n') + '\r\n';
}
