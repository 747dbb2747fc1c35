import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command.ts';
import { runCli } from '../../main/cli/index.ts';
import type { NewSolve } from '../../main/store/index.ts';
import { historyFile } from '../../main/store/index.ts';
import { aSolve, maze, openOrThrow, tempDir } from '../store/fixtures.ts';
import { freshFolderPerTest } from '../store/folder.ts';

const folder = freshFolderPerTest();

async function trm(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: { TRM_DATA_DIR: folder.dir },
    isTty: false,
    interrupted: new Promise(() => {}),
  };
  const code = await runCli(['history', ...args], io);
  return { code, stdout, stderr };
}

/** Writes solves the way the engine does, in the folder the CLI reads (through TRM_DATA_DIR). */
function seed(...solves: NewSolve[]): string[] {
  const store = openOrThrow(folder.file);
  const ids = solves.map((solve) => {
    const outcome = store.saveSolve(solve);
    if (!outcome.saved) throw new Error(outcome.reason);
    return outcome.id;
  });
  store.close();
  return ids;
}

describe('trm history', () => {
  it('lists newest first, filtered, with a count', async () => {
    const [sudokuId, mazeId] = seed(aSolve(1), aSolve(2, { puzzle: maze, modelId: 'maze-5m' }));
    const all = await trm('list');
    expect(all.code).toBe(0);
    expect(
      all.stdout
        .split('\n')
        .slice(0, 2)
        .map((line) => line.split('  ')[0]),
    ).toEqual([mazeId, sudokuId]);
    expect(all.stdout).toContain('2 of 2 solves.');

    const mazes = await trm('list', '--kind', 'maze', '--verified', '--since', '2026-01-01', '--json');
    expect(
      mazes.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    ).toEqual([mazeId]);
    expect((await trm('list', '--unverified')).stdout).toContain('0 of 0 solves.');
  });

  it('searches labels and file names', async () => {
    const [a] = seed(aSolve(1), aSolve(2));
    expect((await trm('label', a ?? '', 'the', 'hard', 'one')).code).toBe(0);
    const found = await trm('list', '--search', 'HARD');
    expect(found.stdout).toContain(`${a}`);
    expect(found.stdout).toContain('"the hard one"');
    expect(found.stdout).toContain('1 of 1 solves.');
  });

  it('shows one solve with its trace', async () => {
    const [id] = seed(aSolve(1, { sourceFile: 'puzzles/easy.txt' }));
    const shown = await trm('show', id ?? '');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`solve     ${id}`);
    expect(shown.stdout).toContain('puzzle    sudoku from puzzles/easy.txt:2');
    expect(shown.stdout).toMatch(/step 16 {3}halt 1\.000, \d+ cells changed/);
    const json = JSON.parse((await trm('show', id ?? '', '--json')).stdout) as { trace: unknown[] };
    expect(json.trace).toHaveLength(16);
    expect(await trm('show', 'no-such-id')).toMatchObject({ code: 1, stderr: expect.stringContaining('No solve') });
  });

  it('deletes, and fails when an id is not there', async () => {
    const [a, b] = seed(aSolve(1), aSolve(2));
    expect(await trm('delete', a ?? '')).toMatchObject({ code: 0, stdout: 'Deleted 1 of 1 solves.\n' });
    expect(await trm('delete', a ?? '', b ?? '')).toMatchObject({ code: 1, stdout: 'Deleted 1 of 2 solves.\n' });
  });

  it('wipes only with --yes', async () => {
    seed(aSolve(1));
    expect(await trm('wipe')).toMatchObject({ code: 2, stderr: expect.stringContaining('--yes') });
    expect((await trm('list')).stdout).toContain('1 of 1');
    expect(await trm('wipe', '--yes')).toMatchObject({ code: 0, stdout: expect.stringContaining('1 solves deleted') });
    expect((await trm('list')).stdout).toContain('0 of 0');
  });

  it('exports to a file and imports it back, once', async () => {
    const [a, b] = seed(aSolve(1), aSolve(2));
    const file = join(folder.dir, 'export.json');
    expect((await trm('export', '--out', file, a ?? '')).code).toBe(0);
    expect((await trm('export', '--format', 'csv')).stdout.split('\r\n')).toHaveLength(4);
    await trm('wipe', '--yes');
    expect(await trm('import', file)).toMatchObject({ code: 0, stdout: 'Imported 1 solves.\n' });
    expect(await trm('import', file)).toMatchObject({ stdout: 'Imported 0 solves (1 were already in the history).\n' });
    const listed = await trm('list', '--json');
    expect(listed.stdout).toContain(a);
    expect(listed.stdout).not.toContain(b);
  });

  it('refuses to import a file that is not an export, saying what is wrong, exit 1', async () => {
    const file = join(folder.dir, 'not-an-export.json');
    writeFileSync(file, JSON.stringify({ format: 'trm-history', version: 1, solves: [{ id: 'x' }] }));
    const result = await trm('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a TRM history export');
    expect(result.stderr).toMatch(/solves\.0\.id/);
  });

  it('turns private mode on and off', async () => {
    expect((await trm('private')).stdout).toContain('off');
    expect((await trm('private', 'on')).stdout).toContain('Private mode is on');
    const store = openOrThrow(folder.file);
    expect(store.saveSolve(aSolve(1)).saved).toBe(false);
    store.close();
    expect((await trm('private', 'off')).stdout).toContain('off');
  });

  it('uses --data-dir over TRM_DATA_DIR', async () => {
    const other = tempDir();
    try {
      expect((await trm('private', 'on', '--data-dir', other.dir)).code).toBe(0);
      expect(readFileSync(historyFile(other.dir)).length).toBeGreaterThan(0);
      expect((await trm('private')).stdout).toContain('off');
    } finally {
      other.remove();
    }
  });

  it('exits 2 for bad usage, naming the problem', async () => {
    expect(await trm()).toMatchObject({ code: 2, stderr: expect.stringContaining('choose one of: list, show') });
    expect(await trm('list', '--kind', 'chess')).toMatchObject({ code: 2, stderr: expect.stringContaining('kind') });
    expect(await trm('list', '--limit', 'lots')).toMatchObject({ code: 2, stderr: expect.stringContaining('limit') });
    expect(await trm('list', '--since', 'yesterday')).toMatchObject({ code: 2 });
    expect(await trm('list', '--yes')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--yes does not apply'),
    });
    expect(await trm('export', '--format', 'xml')).toMatchObject({ code: 2 });
  });

  it('exits 1 with the reason when the history cannot be used', async () => {
    writeFileSync(join(folder.dir, 'a-file'), '');
    const result = await trm('list', '--data-dir', join(folder.dir, 'a-file'));
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('Cannot create the folder') });
  });
});
