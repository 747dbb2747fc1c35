// Two runs side by side over the puzzles they share: which one solved what.
import type { BatchReport, ReportRun, Summary } from './report.ts';
import { summarize } from './report.ts';

export interface RunComparison {
  a: { run: ReportRun; summary: Summary };
  b: { run: ReportRun; summary: Summary };
  /** Puzzles (same file, same position) both runs have a result for; the summaries count only these. */
  common: number;
  bothSolved: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  files: { path: string; a: Summary; b: Summary }[];
}

const keyOf = (item: { file: string; index: number }) => `${item.index}:${item.file}`;

export function compareReports(a: BatchReport, b: BatchReport): RunComparison {
  const inB = new Map(b.items.map((item) => [keyOf(item), item]));
  const pairs = a.items.flatMap((item) => {
    const other = inB.get(keyOf(item));
    return other ? [{ a: item, b: other }] : [];
  });
  const solvedA = (pair: (typeof pairs)[number]) => pair.a.status === 'solved';
  const solvedB = (pair: (typeof pairs)[number]) => pair.b.status === 'solved';
  const files = [...new Set(pairs.map((pair) => pair.a.file))].map((path) => {
    const here = pairs.filter((pair) => pair.a.file === path);
    return { path, a: summarize(here.map((p) => p.a)), b: summarize(here.map((p) => p.b)) };
  });
  return {
    a: { run: a.run, summary: summarize(pairs.map((p) => p.a)) },
    b: { run: b.run, summary: summarize(pairs.map((p) => p.b)) },
    common: pairs.length,
    bothSolved: pairs.filter((p) => solvedA(p) && solvedB(p)).length,
    onlyA: pairs.filter((p) => solvedA(p) && !solvedB(p)).length,
    onlyB: pairs.filter((p) => !solvedA(p) && solvedB(p)).length,
    neither: pairs.filter((p) => !solvedA(p) && !solvedB(p)).length,
    files,
  };
}
