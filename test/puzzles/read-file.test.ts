import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPuzzleFile, solutionsPathFor } from '../../main/puzzles/index.ts';
import type { PuzzleKindId } from '../../main/puzzles/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const good = (name: string): string => join(fixtures, 'good', name);
const bad = (name: string): string => join(fixtures, 'bad', name);

describe('the good fixtures', () => {
  const expected: Record<string, { kind: PuzzleKindId; puzzles: number; solved: number }> = {
    'sudoku-lines.txt': { kind: 'sudoku', puzzles: 5, solved: 4 },
    'sudoku-extreme.csv': { kind: 'sudoku', puzzles: 4, solved: 4 },
    'sudoku-kaggle.csv': { kind: 'sudoku', puzzles: 4, solved: 4 },
    'sudoku-blocks.txt': { kind: 'sudoku', puzzles: 2, solved: 0 },
    'hard-sudoku.txt': { kind: 'sudoku', puzzles: 9, solved: 0 },
    'week1.txt': { kind: 'sudoku', puzzles: 4, solved: 4 },
    'week1.solutions.txt': { kind: 'sudoku', puzzles: 4, solved: 0 },
    'mazes.txt': { kind: 'maze', puzzles: 2, solved: 1 },
    'maze-hrm.csv': { kind: 'maze', puzzles: 2, solved: 2 },
    'arc-task.json': { kind: 'arc', puzzles: 2, solved: 1 },
    'arc_challenges.json': { kind: 'arc', puzzles: 3, solved: 3 },
  };

  it('are all listed here', () => {
    expect(readdirSync(join(fixtures, 'good')).sort()).toEqual([...Object.keys(expected), 'arc_solutions.json'].sort());
  });

  it.each(Object.entries(expected))('reads %s without errors', async (name, want) => {
    const parsed = await readPuzzleFile(good(name));
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe(want.kind);
    expect(parsed.puzzles).toHaveLength(want.puzzles);
    const solved = parsed.puzzles.filter((p) => (p.kind === 'arc' ? p.test.output : p.solution) !== undefined);
    expect(solved).toHaveLength(want.solved);
  });
});

describe('solutions files', () => {
  it('sit next to the puzzles with .solutions before the extension', () => {
    expect(solutionsPathFor('/data/week1.txt')).toBe('/data/week1.solutions.txt');
    expect(solutionsPathFor('/data/week1')).toBe('/data/week1.solutions');
    expect(solutionsPathFor('/arc/arc-agi_evaluation_challenges.json')).toBe('/arc/arc-agi_evaluation_solutions.json');
    expect(solutionsPathFor('/data/week1.solutions.txt')).toBeNull();
  });

  it('give a single ARC task its expected outputs as a list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trm-arc-'));
    writeFileSync(join(dir, 'task.json'), JSON.stringify({ train: [], test: [{ input: [[1]] }, { input: [[2]] }] }));
    writeFileSync(join(dir, 'task.solutions.json'), JSON.stringify([[[3]], [[4]]]));
    const parsed = await readPuzzleFile(join(dir, 'task.json'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.puzzles.map((p) => p.kind === 'arc' && p.test.output)).toEqual([[[3]], [[4]]]);
  });

  it('report a count that does not match, and keep the puzzles', async () => {
    const parsed = await readPuzzleFile(bad('count-mismatch.txt'));
    expect(parsed.puzzles).toHaveLength(4);
    expect(parsed.errors).toEqual([
      { source: { file: bad('count-mismatch.solutions.txt') }, message: '3 solutions for 4 puzzles' },
    ]);
  });
});

describe('files that are not puzzle text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trm-read-'));

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, '.'.repeat(81).concat('\n').repeat(20_000));
    const parsed = await readPuzzleFile(path, { maxBytes: 1024 * 1024 });
    expect(parsed).toEqual({
      file: path,
      kind: null,
      puzzles: [],
      errors: [{ source: { file: path }, message: 'the file is 1.6 MB, over the limit of 1.0 MB' }],
    });
    expect((await readPuzzleFile(path)).puzzles).toHaveLength(20_000);
  });

  it('reports a missing file and a folder', async () => {
    const missing = await readPuzzleFile(join(dir, 'nope.txt'));
    expect(missing.errors[0]?.message).toMatch(/^cannot read: ENOENT/);
    expect((await readPuzzleFile(dir)).errors[0]?.message).toBe('is a folder, not a file');
  });

  it('checks the solutions file as strictly as the puzzles', async () => {
    writeFileSync(join(dir, 'p.txt'), `${'.'.repeat(81)}\n`);
    writeFileSync(join(dir, 'p.solutions.txt'), Buffer.from([0x31, 0, 0x32]));
    const parsed = await readPuzzleFile(join(dir, 'p.txt'));
    expect(parsed.puzzles).toHaveLength(1);
    expect(parsed.errors).toEqual([
      { source: { file: join(dir, 'p.solutions.txt') }, message: 'a binary file, not text (NUL byte at offset 1)' },
    ]);
  });
});
