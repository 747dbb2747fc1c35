// Which model a run uses and which puzzles it solves. One run is one model, so one puzzle
// kind: puzzles of other kinds are listed as skipped, never silently dropped.
import type { ModelEntry } from '../engine/index.ts';
import type { Puzzle, PuzzleKindId } from '../puzzles/index.ts';
import type { BatchItemRef } from '../store/index.ts';
import type { FolderScan, SkippedPath } from './scan.ts';

export interface PlannedItem extends BatchItemRef {
  puzzle: Puzzle;
}

export interface RunPlan {
  model: ModelEntry;
  items: PlannedItem[];
  /** Files (or their puzzles) this run leaves out because of their kind. */
  otherKinds: SkippedPath[];
}

/** The key of an item in maps: file and position, which together name one puzzle of a folder. */
export const itemKey = (item: BatchItemRef): string => `${item.index}:${item.sourceFile}`;

export function kindsIn(scan: FolderScan): PuzzleKindId[] {
  return [...new Set(scan.files.map((file) => file.kind))];
}

/** Every puzzle of the folder by its item key. */
export function puzzlesByItem(scan: FolderScan): Map<string, Puzzle> {
  const puzzles = new Map<string, Puzzle>();
  for (const file of scan.files) {
    file.puzzles.forEach((puzzle, index) => puzzles.set(itemKey({ sourceFile: file.path, index }), puzzle));
  }
  return puzzles;
}

/** Puzzles whose kind the run's model does not solve, one line per file. */
export function otherKindFiles(scan: FolderScan, kind: PuzzleKindId): SkippedPath[] {
  return scan.files
    .filter((file) => file.kind !== kind)
    .map((file) => ({
      path: file.path,
      reason: `no model chosen for ${file.kind} puzzles in this run (${file.puzzles.length} puzzles)`,
    }));
}

/** The model asked for, else the first installed one whose kind occurs in the folder; a reason when there is none. */
export function planRun(scan: FolderScan, models: readonly ModelEntry[], modelId?: string): RunPlan | string {
  const kinds = kindsIn(scan);
  if (kinds.length === 0) return `No puzzles were found in ${scan.folder}.`;
  const model = modelId ? models.find((m) => m.id === modelId) : models.find((m) => kinds.includes(m.kind));
  if (!model) {
    return modelId
      ? `There is no model ${modelId}.`
      : `No installed model solves the puzzles in this folder (${kinds.join(', ')}).`;
  }
  if (!kinds.includes(model.kind)) {
    return `Model ${model.id} solves ${model.kind} puzzles; the folder has ${kinds.join(', ')} puzzles.`;
  }
  const items = scan.files
    .filter((file) => file.kind === model.kind)
    .flatMap((file) => file.puzzles.map((puzzle, index) => ({ sourceFile: file.path, index, puzzle })));
  return { model, items, otherKinds: otherKindFiles(scan, model.kind) };
}
