// Puzzles are stored once each, found again by a hash of what they ask (their source aside:
// the same Sudoku read from two files is one puzzle solved twice).
import type { Database } from 'better-sqlite3';
import type { Puzzle, PuzzleSource } from '../puzzles/types.ts';
import { canonicalJson, pack, sha256Hex, unpack } from './codec.ts';

export type PuzzleBody = Omit<Puzzle, 'source'>;

export function puzzleHash(puzzle: Puzzle): string {
  return sha256Hex(canonicalJson(puzzleBody(puzzle)));
}

function puzzleBody(puzzle: Puzzle): PuzzleBody {
  const { source: _source, ...body } = puzzle;
  return body;
}

export function withSource(body: Uint8Array, source: PuzzleSource): Puzzle {
  return { ...unpack<PuzzleBody>(body), source } as Puzzle;
}

/** Returns a function giving the row id of a puzzle, storing it first if it is new. */
export function puzzleRows(db: Database): (puzzle: Puzzle) => number {
  const find = db.prepare<[string], number>('SELECT id FROM puzzles WHERE hash = ?').pluck();
  const insert = db.prepare<[string, string, Buffer]>('INSERT INTO puzzles (hash, kind, body) VALUES (?, ?, ?)');
  return (puzzle) => {
    const hash = puzzleHash(puzzle);
    return find.get(hash) ?? Number(insert.run(hash, puzzle.kind, pack(puzzleBody(puzzle))).lastInsertRowid);
  };
}

/** Removes the given puzzles where nothing refers to them any more: a deleted solve leaves no trace. */
export function pruneOrphanPuzzles(db: Database, ids: readonly number[]): void {
  db.prepare(
    `DELETE FROM puzzles WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM solves WHERE puzzle_id = puzzles.id)
       AND NOT EXISTS (SELECT 1 FROM batch_items WHERE puzzle_id = puzzles.id)`,
  ).run(JSON.stringify(ids));
}
