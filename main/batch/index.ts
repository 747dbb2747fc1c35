// Evaluating a model on a folder of puzzle files: scan, plan, solve with persistence and
// resume, report (JSON, CSV, HTML) and compare.
export { scanFolder, type FolderScan, type ScannedFile, type SkippedPath, type LineProblem } from './scan.ts';
export { planRun, kindsIn, itemKey, type RunPlan, type PlannedItem } from './plan.ts';
export {
  startRun,
  resumeRun,
  BatchError,
  type BatchStore,
  type RunDeps,
  type RunHooks,
  type RunOutcome,
} from './run.ts';
export { ProgressMeter, type ProgressSnapshot, type RunStatus } from './progress.ts';
export { groundTruth, cellAccuracy, difficultyOf } from './metrics.ts';
export {
  buildReport,
  summarize,
  type BatchReport,
  type Summary,
  type OverallSummary,
  type ReportItem,
  type ReportRun,
} from './report.ts';
export { loadReport } from './load-report.ts';
export { compareReports, type RunComparison } from './compare.ts';
export { renderReportCsv } from './report-csv.ts';
export { renderReportHtml } from './report-html.ts';
export { renderCompareHtml } from './compare-html.ts';
export { writeReportFiles, writeComparisonFiles } from './write-report.ts';
