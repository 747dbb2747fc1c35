// `--out DIR`: the three renderings of a report, side by side.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchReport } from './report.ts';
import { renderReportCsv } from './report-csv.ts';
import { renderReportHtml } from './report-html.ts';

export async function writeReportFiles(dir: string, report: BatchReport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = {
    'report.json': JSON.stringify(report, null, 2) + '\n',
    'report.csv': renderReportCsv(report),
    'report.html': renderReportHtml(report),
  };
  const paths = Object.keys(files).map((name) => join(dir, name));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return paths;
}
