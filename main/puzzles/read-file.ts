// Reading a puzzle file from disk: size limit, text check, the sibling solutions file;
// then the pure parser does the rest.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileError } from './entries.ts';
import { parsePuzzleText, type SolutionsText } from './parse-text.ts';
import type { ParsedFile, PuzzleFileError } from './types.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are refused unread. */
  maxBytes?: number;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The file's text, or why it cannot be read as text. */
async function readText(path: string, maxBytes: number): Promise<string | PuzzleFileError> {
  const source = { file: path };
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileError(source, 'is a folder, not a file');
    if (info.size > maxBytes)
      return fileError(source, `the file is ${megabytes(info.size)}, over the limit of ${megabytes(maxBytes)}`);
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) return fileError(source, `the file is over the limit of ${megabytes(maxBytes)}`);
    const nul = bytes.indexOf(0);
    if (nul >= 0) return fileError(source, `a binary file, not text (NUL byte at offset ${nul})`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fileError(source, 'not UTF-8 text');
    }
  } catch (error) {
    return fileError(source, `cannot read: ${(error as Error).message}`);
  }
}

/** Where solutions for `path` may sit: `week1.solutions.txt` for `week1.txt`; ARC's `x_solutions.json` for `x_challenges.json`. */
export function solutionsPathFor(path: string): string | null {
  const name = basename(path);
  if (/\.solutions(\.[^.]*)?$/.test(name)) return null;
  if (name.includes('_challenges.')) return join(dirname(path), name.replace('_challenges.', '_solutions.'));
  const ext = extname(name);
  return join(dirname(path), `${name.slice(0, name.length - ext.length)}.solutions${ext}`);
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    (info) => info.isFile(),
    () => false,
  );

export async function readPuzzleFile(path: string, options: ReadOptions = {}): Promise<ParsedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const text = await readText(path, maxBytes);
  if (typeof text !== 'string') return { file: path, kind: null, puzzles: [], errors: [text] };
  const solutionsPath = solutionsPathFor(path);
  let solutions: SolutionsText | undefined;
  let solutionsError: PuzzleFileError | undefined;
  if (solutionsPath !== null && (await exists(solutionsPath))) {
    const solutionsText = await readText(solutionsPath, maxBytes);
    if (typeof solutionsText === 'string') solutions = { text: solutionsText, fileName: solutionsPath };
    else solutionsError = solutionsText;
  }
  const parsed = parsePuzzleText(text, path, solutions);
  return solutionsError === undefined ? parsed : { ...parsed, errors: [solutionsError, ...parsed.errors] };
}
