// Batch evaluation benchmark: the same 1,000 generated Sudoku through the engine's raw
// `solveMany` and through a full evaluation (folder scan, plan, one committed SQLite row per
// result, progress), alternating so both see the same machine. The bookkeeping should cost
// under 10%. Prints a table and writes bench/results/batch.json.
//
//   npm run bench:batch -- [--puzzles N] [--steps N] [--rounds N] [--threads N]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openHistory } from '../main/app/history.ts';
import { version } from '../main/app/version.ts';
import { loadReport, planRun, scanFolder, startRun } from '../main/batch/index.ts';
import type { SolveSettings } from '../main/engine/index.ts';
import { Engine, readManifest } from '../main/engine/index.ts';
import { formatSudokuCells, generateSudoku } from '../main/puzzles/index.ts';
import { tinyModelsDir } from '../test/engine/fixture-models.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    puzzles: { type: 'string', default: '1000' },
    steps: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    threads: { type: 'string' },
  },
});
const count = Number(values.puzzles);
const rounds = Number(values.rounds);
const settings: SolveSettings = { policy: 'fixed', maxSteps: Number(values.steps), augmentations: 0, rethinks: 0 };

/** The shipped Sudoku model when there is one, else the tiny fixture model. */
async function sudokuModels(): Promise<{ dir: string; id: string }> {
  const shipped = join(repo, 'models');
  const model = (await readManifest(shipped)).models.find((m) => m.kind === 'sudoku');
  if (model) return { dir: shipped, id: model.id };
  return { dir: await tinyModelsDir(), id: 'tiny-sudoku' };
}

const folder = mkdtempSync(join(tmpdir(), 'trm-bench-batch-'));
const generated = Array.from({ length: count }, (_, i) => generateSudoku({ seed: i + 1 }));
writeFileSync(join(folder, 'bench.txt'), generated.map((p) => formatSudokuCells(p.givens)).join('\n') + '\n');
writeFileSync(
  join(folder, 'bench.solutions.txt'),
  generated.map((p) => formatSudokuCells(p.solution!)).join('\n') + '\n',
);

const models = await sudokuModels();
const engine = new Engine({ modelsDir: models.dir, ...(values.threads ? { threads: Number(values.threads) } : {}) });
const history = openHistory(mkdtempSync(join(tmpdir(), 'trm-bench-data-')));
const store = history.store!;
const manifest = (await readManifest(models.dir)).models;

async function raw(): Promise<number> {
  const puzzles = (await scanFolder(folder)).files.flatMap((f) => f.puzzles);
  const started = performance.now();
  await engine.solveMany(puzzles, settings, { modelId: models.id, onResult: () => {} });
  return performance.now() - started;
}

async function evaluation(): Promise<{ ms: number; scanMs: number; reportMs: number; runId: string }> {
  const started = performance.now();
  const scan = await scanFolder(folder);
  const scanMs = performance.now() - started;
  const plan = planRun(scan, manifest, models.id);
  if (typeof plan === 'string') throw new Error(plan);
  const outcome = await startRun({ engine, store }, scan.folder, plan, settings, { onProgress: () => {} });
  const ms = performance.now() - started;
  const reportStarted = performance.now();
  await loadReport(store, outcome.run.id, version, scan);
  return { ms, scanMs, reportMs: performance.now() - reportStarted, runId: outcome.run.id };
}

// Load the model and warm the worker before measuring anything.
await engine.solveMany(generated.slice(0, 16), settings, { modelId: models.id, onResult: () => {} });
const rawMs: number[] = [];
const evals: Awaited<ReturnType<typeof evaluation>>[] = [];
for (let round = 0; round < rounds; round++) {
  rawMs.push(await raw());
  evals.push(await evaluation());
}
await engine.close();
history.close();

const best = (xs: number[]) => Math.min(...xs);
const rawBest = best(rawMs);
const evalBest = best(evals.map((e) => e.ms));
const perSecond = (ms: number) => count / (ms / 1000);
const results = {
  model: models.id,
  puzzles: count,
  settings,
  rounds,
  rawSolveMany: { ms: rawMs, puzzlesPerSecond: perSecond(rawBest) },
  evaluation: {
    ms: evals.map((e) => e.ms),
    scanMs: evals.map((e) => e.scanMs),
    reportMs: evals.map((e) => e.reportMs),
    puzzlesPerSecond: perSecond(evalBest),
  },
  /** Evaluation throughput as a share of raw solveMany throughput (best round of each). */
  ratio: rawBest / evalBest,
};

const row = (name: string, ms: number, extra = '') =>
  `${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(8)} s ${perSecond(ms).toFixed(1).padStart(10)} /s  ${extra}`;
console.log(`${count} Sudoku, model ${models.id}, ${settings.policy} ${settings.maxSteps} steps, best of ${rounds}`);
console.log(`${'what'.padEnd(34)} ${'time'.padStart(10)} ${'puzzles'.padStart(12)}`);
console.log(row('engine.solveMany (raw)', rawBest));
console.log(row('evaluation (scan+solve+record)', evalBest, `${(results.ratio * 100).toFixed(1)}% of raw`));
console.log(
  `${'  of which folder scan'.padEnd(34)} ${(best(results.evaluation.scanMs) / 1000).toFixed(2).padStart(8)} s`,
);
console.log(`${'report afterwards'.padEnd(34)} ${(best(results.evaluation.reportMs) / 1000).toFixed(2).padStart(8)} s`);
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'batch.json'), JSON.stringify(results, null, 2) + '\n');
