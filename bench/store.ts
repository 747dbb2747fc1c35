// The history store at size: insert 100,000 solves one transaction each (as the engine writes
// them), then time listing and searching a page of 50, opening one solve, and reopening the file.
// Run: npm run bench:store [-- <solves>]. Prints a table; writes bench/results/store.json.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MazeCell } from '../main/puzzles/types.ts';
import type { NewSolve, SolveFilter } from '../main/store/index.ts';
import { historyFile } from '../main/store/index.ts';
import { aSolve, arc, maze, openOrThrow, tempDir } from '../test/store/fixtures.ts';

const solveCount = Number(process.argv[2] ?? 100_000);
const repeats = 200;
const models = ['sudoku-mlp-5m', 'sudoku-attn-7m', 'maze-attn-7m', 'arc-attn-7m'];
const day = 86_400_000;
const start = Date.UTC(2025, 11, 1);

/** A 16-step trace over `size` cells that settles step by step, as a model's does. */
function trace(size: number, seed: number): NewSolve['steps'] {
  return Array.from({ length: 16 }, (_, step) => ({
    cells: Array.from({ length: size }, (_, i) => (i % 16 <= step ? (i + seed) % 10 : (i * 7 + step) % 10)),
    haltProbability: (step + 1) / 16,
  }));
}

/** The mix a user's history might hold: mostly Sudoku, some 30x30 mazes and ARC grids, a year of it. */
function solve(seed: number): NewSolve {
  const createdAt = new Date(start + (seed / solveCount) * 365 * day).toISOString();
  const verified = seed % 10 < 7;
  const sourceFile = `/home/user/puzzles/set-${seed % 200}/file-${seed % 37}.txt`;
  const common = { createdAt, sourceFile, modelId: models[seed % models.length] ?? 'model' };
  if (seed % 20 < 16) {
    const solved = aSolve(seed, common);
    return { ...solved, final: solved.final && { ...solved.final, verified } };
  }
  const steps = trace(900, seed);
  const final = { cells: steps.at(-1)?.cells ?? [], verified, conflicts: verified ? [] : ['no path to the goal'] };
  const cells = Array.from({ length: 900 }, (_, i): MazeCell => (i === seed % 900 ? 'start' : 'open'));
  const puzzle = seed % 20 < 19 ? { ...maze, rows: 30, cols: 30, cells } : { ...arc, taskId: `task-${seed}` };
  return aSolve(seed, { ...common, puzzle, steps, final });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timed(run: () => unknown): { medianMs: number; p95Ms: number } {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

const folder = tempDir();
const file = historyFile(folder.dir);
try {
  let store = openOrThrow(file);
  const t0 = performance.now();
  const ids: string[] = [];
  for (let seed = 0; seed < solveCount; seed++) {
    const outcome = store.saveSolve(solve(seed));
    if (!outcome.saved) throw new Error(outcome.reason);
    ids.push(outcome.id);
    if (seed % 20 === 0) store.setLabel(outcome.id, `tricky one #${seed}`);
  }
  const insertSeconds = (performance.now() - t0) / 1000;
  store.close();
  const bytes = statSync(file).size;

  const t1 = performance.now();
  store = openOrThrow(file);
  const openMs = performance.now() - t1;

  const page = { offset: 0, limit: 50 };
  const lastMonth = new Date(start + 335 * day).toISOString();
  const queries: [string, SolveFilter, typeof page][] = [
    ['newest 50, no filter', {}, page],
    ['kind = maze', { kind: 'maze' }, page],
    ['model + verified', { modelId: 'sudoku-attn-7m', verified: true }, page],
    ['unverified, last 30 days', { verified: false, since: lastMonth }, page],
    ['search "set-17/" (file names)', { search: 'set-17/' }, page],
    ['search "one #12" (labels)', { search: 'one #12' }, page],
    ['search "file-3" (file names, a fifth of all)', { search: 'file-3' }, page],
    ['search "7" (one character)', { search: '7' }, page],
    ['kind + model + search', { kind: 'sudoku', modelId: 'sudoku-mlp-5m', search: 'file-3' }, page],
    ['page 200 (offset 10,000)', {}, { offset: 10_000, limit: 50 }],
  ];
  const rows = queries.map(([name, filter, request]) => {
    const total = store.listSolves(filter, request).total;
    return { name, total, ...timed(() => store.listSolves(filter, request)) };
  });
  let next = 0;
  rows.push({
    name: 'open one solve (trace decoded)',
    total: 1,
    ...timed(() => store.getSolve(ids[(next = (next + 7919) % ids.length)] ?? '')),
  });
  store.close();

  const results = {
    solves: solveCount,
    insertSeconds,
    insertsPerSecond: solveCount / insertSeconds,
    fileBytes: bytes,
    bytesPerSolve: bytes / solveCount,
    openMs,
    repeats,
    queries: rows,
  };
  console.log(
    `Inserted ${solveCount} solves in ${insertSeconds.toFixed(1)} s (${results.insertsPerSecond.toFixed(0)}/s, ` +
      'one transaction each, building the records included).',
  );
  console.log(`File: ${(bytes / 1e6).toFixed(1)} MB, ${results.bytesPerSolve.toFixed(0)} bytes per solve.`);
  console.log(`Reopening it, with its integrity check: ${openMs.toFixed(0)} ms.\n`);
  console.log('| query (page of 50) | matches | median ms | p95 ms |');
  console.log('|---|---|---|---|');
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.total} | ${row.medianMs.toFixed(2)} | ${row.p95Ms.toFixed(2)} |`);
  }
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'store.json'), JSON.stringify(results, null, 2) + '\n');
} finally {
  folder.remove();
}
