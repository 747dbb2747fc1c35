// `--out DIR`: the renderings of a report (or a comparison), side by side.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunComparison } from './compare.ts';
import { renderCompareHtml } from './compare-html.ts';
import type { BatchReport } from './report.ts';
import { renderReportCsv } from './report-csv.ts';
import { renderReportHtml } from './report-html.ts';

async function writeAll(dir: string, files: Record<string, string>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths = Object.keys(files).map((name) => join(dir, name));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return paths;
}

/** report.json, report.csv (one row per puzzle) and report.html. */
export function writeReportFiles(dir: string, report: BatchReport): Promise<string[]> {
  return writeAll(dir, {
    'report.json': JSON.stringify(report, null, 2) + '\n',
    'report.csv': renderReportCsv(report),
    'report.html': renderReportHtml(report),
  });
}

/** comparison.json and comparison.html. */
export function writeComparisonFiles(dir: string, comparison: RunComparison): Promise<string[]> {
  return writeAll(dir, {
    'comparison.json': JSON.stringify(comparison, null, 2) + '\n',
    'comparison.html': renderCompareHtml(comparison),
  });
}
