import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openOrThrow } from './fixtures.ts';
import { freshFolderPerTest } from './folder.ts';

const writerScript = fileURLToPath(new URL('./writer.ts', import.meta.url));

const folder = freshFolderPerTest();

interface Writer {
  child: ChildProcessWithoutNullStreams;
  /** Every line the writer printed so far: each one is a commit that returned. */
  lines: string[];
  /** Resolves when the nth line has arrived; fails, with what the writer said, if it exits first. */
  lineCount(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts test/store/writer.ts under this same Node, writing to `file`. */
function startWriter(mode: 'solves' | 'batch', count: number): Writer {
  const child = spawn(process.execPath, [writerScript, folder.file, mode, String(count)]);
  const lines: string[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wait of waiting.filter((w) => lines.length >= w.n)) wait.resolve();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited: Writer['exited'] = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const early = exited.then(({ stderr }) => Promise.reject(new Error(`The writer exited early: ${stderr}`)));
  early.catch(() => {});
  return {
    child,
    lines,
    lineCount: (n) =>
      Promise.race([
        new Promise<void>((resolve) => (lines.length >= n ? resolve() : waiting.push({ n, resolve }))),
        early,
      ]),
    exited,
  };
}

describe('a process killed in the middle of a stream of writes', () => {
  it('leaves a file that passes the integrity check, holding every solve it had committed', async () => {
    const writer = startWriter('solves', 1_000_000);
    await writer.lineCount(300);
    writer.child.kill('SIGKILL');
    const { signal } = await writer.exited;
    expect(signal).toBe('SIGKILL');
    const committed = writer.lines.map((line) => line.replace(/^committed /, ''));

    // Read the file as the killed process left it (its log not yet checkpointed), before anything repairs it.
    const raw = new Database(folder.file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = openOrThrow(folder.file);
    try {
      const missing = committed.filter((id) => store.getSolve(id) === null);
      expect(missing).toEqual([]);
      expect(store.listSolves({}, { offset: 0, limit: 1 }).total).toBeGreaterThanOrEqual(committed.length);
    } finally {
      store.close();
    }
  }, 30_000);
});

describe('a reader while a batch writes', () => {
  it('sees each result as it is committed, never an error nor a count going back', async () => {
    const total = 1500;
    const writer = startWriter('batch', total);
    await writer.lineCount(1);
    const runId = writer.lines[0]?.replace(/^run /, '') ?? '';
    const store = openOrThrow(folder.file);
    const seen: number[] = [];
    try {
      let finished = false;
      void writer.exited.then(() => (finished = true));
      while (!finished) {
        const run = store.getBatchRun(runId);
        const completed = store.completedItems(runId);
        expect(run?.total).toBe(total);
        expect(completed.length).toBeGreaterThanOrEqual(run?.done ?? 0);
        seen.push(completed.length);
        await yieldToEvents();
      }
      const { code, stderr } = await writer.exited;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(store.completedItems(runId)).toHaveLength(total);
      expect(store.pendingItems(runId)).toEqual([]);
    } finally {
      store.close();
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // The reader really overlapped the writer: it saw the run part-done.
    expect(seen.some((done) => done > 0 && done < total)).toBe(true);
  }, 30_000);
});
