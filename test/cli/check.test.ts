import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command.ts';
import { runCli } from '../../main/cli/index.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

async function trm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: {},
    isTty: false,
    interrupted: new Promise(() => {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('trm check', () => {
  it('prints each puzzle with its reference solution and exits 0 when all is well', async () => {
    const { code, stdout } = await trm('check', fixture('good/week1.txt'));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${fixture('good/week1.txt')}: sudoku, 4 puzzles read, 0 problems`);
    expect(lines[1]).toBe(`${fixture('good/week1.txt')}:1  ok, 1 solution`);
    expect(lines[2]).toMatch(/^ {4}[1-9]{81}$/);
  });

  it('prints one JSON object per puzzle with --json', async () => {
    const { code, stdout } = await trm('check', fixture('good/mazes.txt'), '--json');
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      source: { file: fixture('good/mazes.txt'), line: 1, index: 0 },
      kind: 'maze',
      ok: true,
      solutions: 1,
    });
    expect(lines[0]?.solution).toContain('o');
  });

  it('reports errors and puzzles in file order, and exits 1', async () => {
    const { code, stdout } = await trm('check', fixture('bad/sudoku-wrong-length.txt'), '--json');
    expect(code).toBe(1);
    expect(jsonLines(stdout).map((l) => [l.ok, l.error ?? l.solutions])).toEqual([
      [true, 1],
      [false, 'puzzle: wrong length, 80 cells instead of 81'],
      [false, 'puzzle: wrong length, 82 cells instead of 81'],
    ]);
  });

  it('fails a Sudoku with several solutions or none', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'trm-check-')), 'open.txt');
    const open = '.'.repeat(81);
    // The classic puzzle with a 1 in r1c3: no rule broken yet, but no solution either.
    const dead = '531.7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
    writeFileSync(path, `${open}\n11${open.slice(2)}\n${dead}\n`);
    const { code, stdout } = await trm('check', path, '--json');
    expect(code).toBe(1);
    expect(jsonLines(stdout).map((l) => [l.ok, l.solutions, l.error])).toEqual([
      [false, 2, 'more than one solution'],
      [false, undefined, 'the givens conflict: row 1 repeats 1 at r1c1, r1c2; box 1 repeats 1 at r1c1, r1c2'],
      [false, 0, 'no solution'],
    ]);
  });

  it('counts the known outputs of ARC tasks, which have no reference solver', async () => {
    const { code, stdout } = await trm('check', fixture('good/arc-task.json'), '--json');
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((l) => [l.source, l.solutions])).toEqual([
      [{ file: fixture('good/arc-task.json'), index: 0, jsonPath: 'test[0]' }, 1],
      [{ file: fixture('good/arc-task.json'), index: 1, jsonPath: 'test[1]' }, 0],
    ]);
  });

  it('honours --max-mb and exits 1 for a file over it', async () => {
    const { code, stdout } = await trm('check', fixture('good/hard-sudoku.txt'), '--max-mb', '0.0001', '--json');
    expect(code).toBe(1);
    expect(jsonLines(stdout)).toEqual([
      {
        source: { file: fixture('good/hard-sudoku.txt') },
        kind: null,
        ok: false,
        error: expect.stringMatching(/over the limit/),
      },
    ]);
  });

  it('exits 2 for bad usage', async () => {
    expect((await trm('check')).code).toBe(2);
    expect((await trm('check', 'a', 'b')).code).toBe(2);
    const { code, stderr } = await trm('check', fixture('good/week1.txt'), '--max-mb', 'lots');
    expect(code).toBe(2);
    expect(stderr).toContain("--max-mb must be a positive number, got 'lots'.");
  });
});
