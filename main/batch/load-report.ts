// A run's report from what the store kept and what its folder holds now.
import type { BatchReport } from './report.ts';
import { buildReport } from './report.ts';
import type { BatchStore } from './run.ts';
import { BatchError } from './run.ts';
import type { FolderScan } from './scan.ts';
import { scanFolder } from './scan.ts';
import { itemKey, otherKindFiles, puzzlesByItem } from './plan.ts';

/** `scan` saves reading the folder again when the caller has just read it. */
export async function loadReport(
  store: Pick<BatchStore, 'getBatchRun' | 'completedItems' | 'pendingItems'>,
  runId: string,
  appVersion: string,
  scan?: FolderScan,
): Promise<BatchReport> {
  const run = store.getBatchRun(runId);
  if (!run) throw new BatchError(`There is no batch run ${runId}.`);
  const folder = scan ?? (await scanFolder(run.folder));
  const puzzles = puzzlesByItem(folder);
  const items = store.completedItems(runId);
  const pending = store.pendingItems(runId);
  const planned = [...items, ...pending].find((ref) => puzzles.has(itemKey(ref)));
  const kind = planned ? puzzles.get(itemKey(planned))!.kind : null;
  const used = folder.files.filter((file) => file.kind === kind);
  return buildReport({
    run,
    appVersion,
    items,
    puzzles,
    pending,
    skipped: [...folder.skipped, ...(kind ? otherKindFiles(folder, kind) : [])],
    problems: used.flatMap((file) =>
      file.problems.map((problem) => ({ path: file.path, line: problem.line ?? null, message: problem.message })),
    ),
  });
}
