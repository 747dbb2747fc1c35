// Finding the puzzles in a folder: every regular file under it is offered to the puzzle
// readers; whatever cannot be used is listed with the reason, and nothing stops the scan.
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Puzzle, PuzzleKindId } from '../puzzles/index.ts';
import { DEFAULT_MAX_BYTES, readPuzzleFile, solutionsPathFor } from '../puzzles/index.ts';

/** A problem with one line or part of a file whose other puzzles are still used. */
export interface LineProblem {
  line?: number;
  message: string;
}

export interface ScannedFile {
  /** Relative to the scanned folder, with `/` separators: the same on every machine. */
  path: string;
  kind: PuzzleKindId;
  puzzles: Puzzle[];
  problems: LineProblem[];
}

/** A file or folder that gives no puzzles, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
}

export interface FolderScan {
  /** The folder as given, resolved to an absolute real path. */
  folder: string;
  files: ScannedFile[];
  skipped: SkippedPath[];
}

export interface ScanOptions {
  /** Files larger than this are skipped unread. */
  maxBytes?: number;
}

/** Files read at once: enough to hide disk latency, few enough for thousands of tiny files. */
const READ_CONCURRENCY = 8;

const isInside = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);
const slashed = (path: string): string => path.split(sep).join('/');

/** Solutions files are read with their puzzle file, never as puzzles of their own. */
async function companionOf(path: string): Promise<string | null> {
  const name = basename(path);
  const base = name.includes('_solutions.')
    ? name.replace('_solutions.', '_challenges.')
    : /\.solutions(\.[^.]*)?$/.test(name)
      ? name.replace(/\.solutions(\.[^.]*)?$/, '$1')
      : null;
  if (base === null) return null;
  const puzzleFile = join(path, '..', base);
  const isFile = await lstat(puzzleFile).then(
    (info) => info.isFile(),
    () => false,
  );
  return isFile && solutionsPathFor(puzzleFile) === path ? base : null;
}

interface Walk {
  files: string[];
  skipped: SkippedPath[];
}

async function walk(root: string, dir: string, found: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    found.skipped.push({
      path: slashed(relative(root, dir)) || '.',
      reason: `cannot read the folder: ${(error as Error).message}`,
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const shown = slashed(relative(root, path));
    if (entry.isDirectory()) await walk(root, path, found);
    else if (entry.isFile()) found.files.push(path);
    else if (entry.isSymbolicLink()) found.skipped.push({ path: shown, reason: await linkReason(root, path) });
    else found.skipped.push({ path: shown, reason: 'not a regular file (a device, socket or pipe)' });
  }
}

/** Links are never followed: one out of the folder would leak outside files into the run, one inside would count a file twice. */
async function linkReason(root: string, path: string): Promise<string> {
  const target = await realpath(path).catch(() => null);
  if (target === null) return 'a broken symbolic link';
  return isInside(root, target)
    ? `a symbolic link to ${slashed(relative(root, target))}, which is read in its own place`
    : 'a symbolic link out of the folder, not followed';
}

async function readOne(root: string, path: string, maxBytes: number): Promise<ScannedFile | SkippedPath> {
  const shown = slashed(relative(root, path));
  const companion = await companionOf(path);
  if (companion !== null) return { path: shown, reason: `the solutions of ${companion}, read with it` };
  const parsed = await readPuzzleFile(path, { maxBytes });
  const problems = parsed.errors.map((e) => ({
    ...(e.source.line === undefined ? {} : { line: e.source.line }),
    message: e.message,
  }));
  if (parsed.kind === null || parsed.puzzles.length === 0) {
    return { path: shown, reason: problems[0]?.message ?? 'no puzzles in the file' };
  }
  return { path: shown, kind: parsed.kind, puzzles: parsed.puzzles, problems };
}

/** Reads every puzzle file under `folder`, in path order; throws only when `folder` itself is not a readable folder. */
export async function scanFolder(folder: string, options: ScanOptions = {}): Promise<FolderScan> {
  const root = await realpath(folder);
  if (!(await lstat(root)).isDirectory()) throw new Error(`${folder} is not a folder.`);
  const found: Walk = { files: [], skipped: [] };
  await walk(root, root, found);

  const results = new Array<ScannedFile | SkippedPath>(found.files.length);
  let next = 0;
  const worker = async () => {
    while (next < found.files.length) {
      const i = next++;
      results[i] = await readOne(root, found.files[i]!, options.maxBytes ?? DEFAULT_MAX_BYTES);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));

  const scan: FolderScan = { folder: root, files: [], skipped: found.skipped };
  for (const result of results) {
    if ('kind' in result) scan.files.push(result);
    else scan.skipped.push(result);
  }
  scan.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}
