// `trm eval` as a user runs it: in process for the output and exit codes, and as a child
// process killed with SIGKILL mid-run to prove a resumed run loses and repeats nothing.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHistory } from '../../main/app/history.ts';
import type { CliIo } from '../../main/cli/command.ts';
import { runCli } from '../../main/cli/index.ts';
import { folderWith, mixedFolder, repoRoot, sudokuLines, tempDir, tinyModelsDir } from './helpers.ts';

async function trmEval(args: string[], dataDir: string, isTty = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: { TRM_DATA_DIR: dataDir },
    isTty,
    interrupted: new Promise(() => {}),
  };
  const code = await runCli(['eval', ...args], io);
  return { code, stdout, stderr };
}

/** The last line of stdout, which --json promises is the one JSON object. */
const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as T;

describe('trm eval', () => {
  it('evaluates a folder and ends with one JSON summary, rates as fractions', async () => {
    const models = await tinyModelsDir();
    const out = join(await tempDir(), 'report');
    const { code, stdout, stderr } = await trmEval(
      [
        mixedFolder,
        '--models-dir',
        models,
        '--steps',
        '2',
        '--rethinks',
        '0',
        '--threads',
        '1',
        '--out',
        out,
        '--json',
      ],
      await tempDir(),
    );
    expect(stderr).toContain('skipped other/binary.bin: a binary file');
    expect(code).toBe(0);
    const json = lastJson<{
      summary: Record<string, number>;
      files: { path: string; summary: Record<string, number> }[];
      run: Record<string, unknown>;
    }>(stdout);
    expect(Object.keys(json.summary)).toEqual(
      expect.arrayContaining([
        'puzzles',
        'solved',
        'solvedRate',
        'exact',
        'exactRate',
        'cellAccuracy',
        'meanSteps',
        'puzzlesPerSecond',
      ]),
    );
    expect(json.summary.puzzles).toBe(18);
    expect(json.summary.meanSteps).toBe(2);
    for (const rate of ['solvedRate', 'exactRate', 'cellAccuracy'] as const) {
      expect(json.summary[rate]).toBeGreaterThanOrEqual(0);
      expect(json.summary[rate]).toBeLessThanOrEqual(1);
    }
    expect(json.files.map((f) => f.path)).toContain('sudoku/week1.txt');
    expect(json.run).toMatchObject({
      model: 'tiny-sudoku',
      provider: 'cpu',
      settings: { policy: 'fixed', maxSteps: 2 },
    });
    const csv = await readFile(join(out, 'report.csv'), 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(19);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).items).toHaveLength(18);
  });

  it('prints a progress bar on a terminal and a plain summary otherwise', async () => {
    const models = await tinyModelsDir();
    const folder = await folderWith({ 'a.txt': sudokuLines(4) });
    const tty = await trmEval(
      [folder, '--models-dir', models, '--steps', '1', '--threads', '1'],
      await tempDir(),
      true,
    );
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\r\[#{24}\] 4\/4 /);
    expect(tty.stdout).toMatch(/All 1 files: solved \d+\/4/);
  });

  it('exits 2 on bad usage and 1 when there is nothing it can run', async () => {
    const data = await tempDir();
    expect((await trmEval([], data)).code).toBe(2);
    expect((await trmEval([mixedFolder, '--steps', 'many'], data)).code).toBe(2);
    expect((await trmEval(['/no/such/folder'], data)).code).toBe(2);
    expect((await trmEval(['--resume', 'no-such-run', '--models-dir', await tinyModelsDir()], data)).code).toBe(2);
    const empty = await folderWith({ 'notes.txt': 'nothing here\n' });
    const none = await trmEval([empty, '--models-dir', await tinyModelsDir()], data);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No puzzles were found');
    const damaged = await tinyModelsDir('tiny-sudoku', (bytes) => bytes.subarray(0, 100));
    const broken = await trmEval([mixedFolder, '--models-dir', damaged], data);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('does not match its manifest entry');
  });

  it('stops on Ctrl-C, keeps what it solved and says how to resume', async () => {
    const folder = await folderWith({ 'a.txt': sudokuLines(120) });
    let stop = () => {};
    let stderr = '';
    let stdout = '';
    const io: CliIo = {
      out: (text) => void (stdout += text),
      err: (text) => {
        stderr += text;
        // Not at once: the engine ignores a signal aborted before its job reaches the worker.
        if (text.includes('started')) setTimeout(stop, 300);
      },
      env: { TRM_DATA_DIR: await tempDir() },
      isTty: false,
      interrupted: new Promise((resolve) => (stop = resolve)),
    };
    const args = ['eval', folder, '--models-dir', await tinyModelsDir(), '--steps', '8', '--threads', '1'];
    expect(await runCli(args, io)).toBe(1);
    const runId = /Run (\S+) started/.exec(stderr)![1]!;
    expect(stdout).toContain(`Run ${runId} (cancelled)`);
    expect(stdout).toMatch(new RegExp(`\\d+ puzzles still pending: trm eval --resume ${runId}`));
  });

  it('sets a run beside an earlier one with --compare, and refuses an unknown one before working', async () => {
    const models = await tinyModelsDir();
    const data = await tempDir();
    const folder = await folderWith({ 'a.txt': sudokuLines(5) });
    const common = [folder, '--models-dir', models, '--threads', '1', '--json'];
    const first = lastJson<{ run: { id: string } }>((await trmEval([...common, '--steps', '1'], data)).stdout);
    const second = await trmEval([...common, '--steps', '3', '--compare', first.run.id], data);
    expect(second.code).toBe(0);
    const json = lastJson<{ comparison: { common: number; a: { run: { id: string } } } }>(second.stdout);
    expect(json.comparison).toMatchObject({ common: 5, a: { run: { id: first.run.id } } });
    const typo = await trmEval([...common, '--compare', 'no-such-run'], data);
    expect(typo.code).toBe(2);
    expect(typo.stderr).not.toContain('started');
  });

  it('resumes a run killed with SIGKILL: every puzzle exactly once in the report', async () => {
    const models = await tinyModelsDir();
    const dataDir = await tempDir();
    const folder = await folderWith({ 'a.txt': sudokuLines(60, 1), 'b/c.txt': sudokuLines(60, 500) });
    const args = ['eval', folder, '--models-dir', models, '--data-dir', dataDir, '--steps', '6', '--threads', '1'];
    const child = spawn(process.execPath, [join(repoRoot, 'main', 'cli', 'trm.ts'), ...args], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));

    const runId = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /Run (\S+) started/.exec(stderr);
        if (match) resolve(match[1]!);
        else if (child.exitCode !== null) reject(new Error(`trm eval ended early:\n${stderr}`));
      }, 20);
      void exited.then(() => clearInterval(poll));
    });
    const history = openHistory(dataDir);
    const store = history.store!;
    while ((store.getBatchRun(runId)?.done ?? 0) < 10) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const killedAt = store.getBatchRun(runId)!;
    history.close();
    expect(killedAt.status).toBe('running');
    expect(killedAt.done).toBeLessThan(120);

    const resumed = await trmEval(['--resume', runId, '--models-dir', models, '--threads', '1', '--json'], dataDir);
    expect(resumed.code).toBe(0);
    const report = lastJson(resumed.stdout) as {
      summary: { puzzles: number };
      pending: number;
      run: { status: string };
    };
    expect(report).toMatchObject({ summary: { puzzles: 120 }, pending: 0, run: { status: 'done' } });
    const after = openHistory(dataDir);
    const items = after.store!.completedItems(runId);
    after.close();
    expect(items).toHaveLength(120);
    expect(new Set(items.map((i) => `${i.sourceFile}#${i.index}`)).size).toBe(120);
    // The tiny model rarely checks out, so most of the 120 puzzles run the app's rethinking and
    // copies: about a minute on one shared core, too close to the default limit.
  }, 150_000);
});
