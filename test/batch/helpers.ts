// Shared by the batch tests: a models folder with the tiny TRM, fresh data folders, and
// folders of generated Sudoku.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSudokuCells, generateSudoku } from '../../main/puzzles/index.ts';

export { tinyModelsDir } from '../engine/fixture-models.ts';

export const mixedFolder = fileURLToPath(new URL('../fixtures/folders/mixed/', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const tempDir = (prefix = 'trm-batch-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));

/** Writes `files` (relative path -> text) under a fresh folder. */
export async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** `count` generated Sudoku, one per line, solutions left out (the reference solver supplies them). */
export function sudokuLines(count: number, seed = 1, givens = 30): string {
  return (
    Array.from({ length: count }, (_, i) => formatSudokuCells(generateSudoku({ seed: seed + i, givens }).givens)).join(
      '\n',
    ) + '\n'
  );
}
