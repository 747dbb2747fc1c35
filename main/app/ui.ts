// Requests that exist for the UI's convenience: a puzzle to try without a file at hand, and
// a model's card to read beside its facts.
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ApiError } from '../../preload/reply.ts';
import { readCatalog } from '../engine/index.ts';
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

export function uiHandlers(modelsDirs: readonly string[]): Pick<Handlers, 'puzzles.generate' | 'models.card'> {
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
      const found = (await readCatalog(modelsDirs)).find((c) => c.entry.id === id);
      if (!found) throw new ApiError({ code: 'not-found', message: `There is no model ${id}.` });
      const { card } = found.entry;
      if (!card) return { id, markdown: null };
      // The card lies beside the model: a manifest cannot point the app at another file.
      const text = await readFile(join(found.dir, basename(card)), 'utf8').catch(() => null);
      if (text === null) return { id, markdown: null };
      return { id, markdown: text.slice(0, MAX_CARD_BYTES) };
    },
  };
}
