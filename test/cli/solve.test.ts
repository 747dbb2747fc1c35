import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index.ts';
import { captured } from './captured-io.ts';
import { tinyModelsDir } from '../engine/fixture-models.ts';

const puzzles = [
  '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79',
  '..3.2.6..9..3.5..1..18.64....81.29..7.......8..67.82....26.95..8..2.3..9..5.1.3..',
];

async function puzzleFile(lines: string[]): Promise<{ file: string; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'trm-solve-'));
  const file = join(dir, 'week1.txt');
  await writeFile(file, lines.join('\n') + '\n');
  return { file, dataDir: dir };
}

describe('trm solve', () => {
  it('prints one JSON object per puzzle with its steps, time and verdict', async () => {
    const { file, dataDir } = await puzzleFile(puzzles);
    const io = captured();
    const args = ['solve', file, '--models-dir', await tinyModelsDir(), '--data-dir', dataDir, '--rethinks', '1'];
    const code = await runCli([...args, '--policy', 'fixed', '--steps', '3', '--json', '--threads', '1'], io);
    expect(code).toBe(0);
    const lines = io
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (l.source as { line: number }).line).toSorted()).toEqual([1, 2]);
    for (const line of lines) {
      // 3 steps as given, 3 more in the one rethinking round (the untrained model's answers never check out)
      expect(line).toMatchObject({ kind: 'sudoku', steps: 6, end: 'max-steps' });
      expect(['solved', 'unsolved']).toContain(line.status);
      expect(typeof line.elapsedMs).toBe('number');
      expect(line.answer).toMatch(/^[1-9.]{81}$/);
    }
  });

  it('prints a readable verdict per puzzle', async () => {
    const { file, dataDir } = await puzzleFile(puzzles.slice(0, 1));
    const io = captured();
    const args = ['solve', file, '--models-dir', await tinyModelsDir(), '--data-dir', dataDir, '--steps', '2'];
    expect(await runCli([...args, '--policy', 'fixed'], io)).toBe(0);
    // the untrained model's answer does not check out, so it rethinks, then the 7 default voting copies run
    const verdict = /week1\.txt:1 {2}unsolved \((\d+) steps, \d+ ms, max-steps, \d\/8 views agree\)/.exec(io.stdout());
    expect(Number(verdict?.[1])).toBeGreaterThan(2);
    expect(io.stderr()).toContain('Model tiny-sudoku on cpu.');
  });

  it('refuses more rethinking rounds than it allows, before solving anything', async () => {
    const { file, dataDir } = await puzzleFile(puzzles.slice(0, 1));
    const io = captured();
    const args = ['solve', file, '--models-dir', await tinyModelsDir(), '--data-dir', dataDir, '--rethinks', '17'];
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr()).toContain('--rethinks must be a whole number from 0 to 16, not 17.');
    expect(io.stdout()).toBe('');
  });

  it('reports unreadable lines and exits 1, still solving the rest', async () => {
    const { file, dataDir } = await puzzleFile([puzzles[0]!, '12345']);
    const io = captured();
    const args = ['solve', file, '--models-dir', await tinyModelsDir(), '--data-dir', dataDir, '--steps', '1'];
    expect(await runCli([...args, '--policy', 'fixed', '--json'], io)).toBe(1);
    expect(io.stderr()).toMatch(/week1\.txt:2: /);
    expect(io.stdout().trim().split('\n')).toHaveLength(1);
  });

  it('says which models exist when none fits', async () => {
    const { file, dataDir } = await puzzleFile(puzzles.slice(0, 1));
    const io = captured();
    const empty = await mkdtemp(join(tmpdir(), 'trm-nomodels-'));
    expect(await runCli(['solve', file, '--models-dir', empty, '--data-dir', dataDir], io)).toBe(1);
    expect(io.stderr()).toContain('No sudoku model is installed.');
  });

  it('exits 2 for bad usage', async () => {
    const io = captured();
    expect(await runCli(['solve'], io)).toBe(2);
    expect(await runCli(['solve', 'a.txt', '--policy', 'sometimes'], io)).toBe(2);
  });
});
