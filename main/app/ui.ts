// Requests that exist for the UI's convenience: a puzzle to try without a file at hand, a
// model's card to read beside its facts, and adding a model from a folder.
import { randomInt } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ModelImport } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import type { ModelEntry } from '../engine/index.ts';
import { listModels, readCatalog, readManifest } from '../engine/index.ts';
import { formatMazeCells, formatSudokuCells, generateMaze, generateSudoku } from '../puzzles/index.ts';
import type { Handlers } from './dispatch.ts';

/** Sudoku: givens kept (0 = as few as stay unique). Maze: side length and shortest route. */
const sudokuGivens = { easy: 40, medium: 30, hard: 0 } as const;
const mazeShape = {
  easy: { size: 11, minPathLength: 10 },
  medium: { size: 21, minPathLength: 30 },
  hard: { size: 30, minPathLength: 60 },
} as const;

/** A card is a page of prose; anything larger is not one. */
const MAX_CARD_BYTES = 256 * 1024;

export interface ModelFolders {
  /** The app's own models. */
  modelsDir: string;
  /** Where the user's models go (data folder/models). */
  userModelsDir: string;
}

export function uiHandlers(
  folders: ModelFolders,
): Pick<Handlers, 'puzzles.generate' | 'models.card' | 'models.import'> {
  const { modelsDir, userModelsDir } = folders;
  return {
    async 'puzzles.generate'({ kind, difficulty, seed = randomInt(2 ** 31) }) {
      if (kind === 'sudoku') {
        const puzzle = generateSudoku({ seed, givens: sudokuGivens[difficulty] });
        return { puzzle, text: formatSudokuCells(puzzle.givens) };
      }
      const puzzle = generateMaze({ seed, ...mazeShape[difficulty] });
      return { puzzle, text: formatMazeCells(puzzle, puzzle.cells) };
    },

    async 'models.card'({ id }) {
      const found = (await readCatalog([modelsDir, userModelsDir])).find((c) => c.entry.id === id);
      if (!found) throw new ApiError({ code: 'not-found', message: `There is no model ${id}.` });
      const { card } = found.entry;
      if (!card) return { id, markdown: null };
      // The card lies beside the model: a manifest cannot point the app at another file.
      const text = await readFile(join(found.dir, basename(card)), 'utf8').catch(() => null);
      if (text === null) return { id, markdown: null };
      return { id, markdown: text.slice(0, MAX_CARD_BYTES) };
    },

    async 'models.import'({ folder: chosen }) {
      // A file dialog picks the manifest itself; its folder holds the models.
      const folder = (await stat(chosen).catch(() => null))?.isFile() ? dirname(chosen) : chosen;
      const offered = await readManifest(folder).catch((error: unknown) => {
        throw new ApiError({
          code: 'invalid-arguments',
          message: `${folder} cannot be read: ${(error as Error).message}`,
        });
      });
      if (offered.models.length === 0 && offered.problems.length === 0) {
        throw new ApiError({
          code: 'invalid-arguments',
          message: `There is no manifest.json in ${folder}: a model comes with its manifest entry (id, kind, file, sha256, shapes).`,
        });
      }
      const result: ModelImport = {
        imported: [],
        refused: offered.problems.map((p) => ({
          model: p.index < 0 ? 'manifest.json' : `entry ${p.index + 1}`,
          reason: p.reason,
        })),
      };
      const shipped = new Set((await readManifest(modelsDir)).models.map((m) => m.id));
      const checked = await listModels([folder]);
      const accepted: ModelEntry[] = [];
      for (const entry of offered.models) {
        const status = checked.find((m) => m.id === entry.id)?.status ?? { state: 'missing', reason: 'not checked' };
        if (shipped.has(entry.id)) {
          result.refused.push({ model: entry.id, reason: 'The app ships a model with this id; rename yours.' });
        } else if (status.state !== 'ok') {
          result.refused.push({ model: entry.id, reason: status.reason });
        } else accepted.push(entry);
      }
      if (accepted.length === 0) return result;
      await mkdir(userModelsDir, { recursive: true });
      for (const entry of accepted) {
        await copyFile(join(folder, entry.file), join(userModelsDir, basename(entry.file)));
        if (entry.card)
          await copyFile(join(folder, basename(entry.card)), join(userModelsDir, basename(entry.card))).catch(() => {});
        result.imported.push(entry.id);
      }
      const kept = (await readManifest(userModelsDir)).models.filter((m) => !result.imported.includes(m.id));
      const added = accepted.map((entry) => ({
        ...entry,
        file: basename(entry.file),
        card: entry.card && basename(entry.card),
      }));
      await writeFile(
        join(userModelsDir, 'manifest.json'),
        JSON.stringify({ version: 1, models: [...kept, ...added] }, null, 2),
      );
      return result;
    },
  };
}
