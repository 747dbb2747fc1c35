// Engine benchmark: latency (alone, rethinking and with voting copies), throughput, continuous vs fixed batching, event-loop lag,
// memory, session load time, the machine's fp32 matmul peak, and PyTorch eager on the same
// weights and puzzles, in one run, for a model of any kind (Sudoku or maze). Prints a table and
// writes bench/results/engine-<model>.json.
//
//   npm run bench:engine -- [--model ID] [--puzzles N] [--batches 16,32,64] [--threads N] [--skip-torch]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import type { ModelEntry, SolveSettings } from '../main/engine/index.ts';
import { Engine, readManifest } from '../main/engine/index.ts';
import { loadStepModel } from '../main/engine/step-model.ts';
import type { Puzzle, PuzzleKindId } from '../main/puzzles/index.ts';
import { generateMaze, generateSudoku, kindOf } from '../main/puzzles/index.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'models-dir': { type: 'string', default: join(repo, 'models') },
    model: { type: 'string' },
    puzzles: { type: 'string', default: '1000' },
    batches: { type: 'string', default: '16,32,64,128' },
    threads: { type: 'string', default: String(cpus().length) },
    'skip-torch': { type: 'boolean', default: false },
  },
});
const modelsDir = values['models-dir'];
const threads = Number(values.threads);
const count = Number(values.puzzles);

const quantile = (xs: number[], q: number) => {
  const sorted = xs.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** Matmul FLOPs of one supervision step for one puzzle, from the architecture. */
export function stepFlops(m: ModelEntry): number {
  const [S, D] = m.stateShape;
  const roundUp = (x: number) => Math.ceil(x / 256) * 256;
  const channelInner = roundUp(Math.round((4 * D * 2) / 3));
  const channel = 2 * S * (D * 2 * channelInner + channelInner * D);
  const mixers: Record<ModelEntry['architecture']['variant'], () => number> = {
    mlp: () => 2 * D * (S * 2 * roundUp(Math.round((4 * S * 2) / 3)) + roundUp(Math.round((4 * S * 2) / 3)) * S),
    attention: () => 2 * S * D * 4 * D + 4 * S * S * D,
    conv: () => 2 * m.seqLen * 9 * D * D, // a 3x3 convolution over the grid cells
  };
  const mixer = mixers[m.architecture.variant]();
  const { T, n, layers } = m.architecture;
  return T * (n + 1) * layers * (channel + mixer) + 2 * m.seqLen * D * m.vocab;
}

/** The fp32 matmul rate onnxruntime reaches on this machine: a 2048^3 MatMul graph. */
async function matmulPeak(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'trm-bench-'));
  const path = join(dir, 'matmul.onnx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `import onnx
from onnx import helper, TensorProto as T
n = 2048
g = helper.make_graph([helper.make_node('MatMul', ['a', 'b'], ['c'])], 'mm',
  [helper.make_tensor_value_info('a', T.FLOAT, [n, n]), helper.make_tensor_value_info('b', T.FLOAT, [n, n])],
  [helper.make_tensor_value_info('c', T.FLOAT, [n, n])])
onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid('', 17)]), ${JSON.stringify(path)})`,
  ]);
  const session = await ort.InferenceSession.create(path, { intraOpNumThreads: threads });
  const n = 2048;
  const feeds = {
    a: new ort.Tensor('float32', new Float32Array(n * n).fill(0.5), [n, n]),
    b: new ort.Tensor('float32', new Float32Array(n * n).fill(0.25), [n, n]),
  };
  await session.run(feeds);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await session.run(feeds);
    times.push(performance.now() - t);
  }
  return (2 * n ** 3) / (quantile(times, 0.5) / 1000) / 1e9;
}

function puzzleMix(kind: PuzzleKindId, total: number): Puzzle[] {
  return Array.from({ length: total }, (_, i) =>
    kind === 'maze'
      ? // 30x30, both styles (open rooms rarely hold routes over 30 moves), halting times differ
        generateMaze(
          i % 2 === 0
            ? { seed: 10_000 + i, style: 'perfect', minPathLength: 1 + (i % 60) }
            : { seed: 10_000 + i, style: 'rooms', minPathLength: 1 + (i % 30) },
        )
      : // half easy (36-45 givens), half hard (22-27), as in real folders
        generateSudoku({ seed: 10_000 + i, givens: i % 2 === 0 ? 36 + (i % 10) : 22 + (i % 6) }),
  );
}

/** Solves `puzzles` one after another, timing each solve (and each step into `stepMs`, when given). */
async function oneAtATime(
  engine: Engine,
  puzzles: Puzzle[],
  settings: SolveSettings,
  modelId: string,
  stepMs?: number[],
): Promise<{ solveMs: number[]; solved: number }> {
  const solveMs: number[] = [];
  let solved = 0;
  for (const puzzle of puzzles) {
    const start = performance.now();
    let last = start;
    const onStep = () => {
      const now = performance.now();
      stepMs?.push(now - last);
      last = now;
    };
    const { result } = await engine.solve(puzzle, settings, { modelId, onStep: stepMs && onStep });
    solveMs.push(performance.now() - start);
    if (result.status === 'solved') solved++;
  }
  return { solveMs, solved };
}

async function main() {
  const manifest = await readManifest(modelsDir);
  const model = values.model
    ? manifest.models.find((m) => m.id === values.model)
    : manifest.models.find((m) => m.kind === 'sudoku');
  if (!model) throw new Error(`No model ${values.model ?? 'for sudoku'} in ${modelsDir}.`);
  const settings: SolveSettings = { policy: 'halt', maxSteps: model.maxSteps, augmentations: 0, rethinks: 0 };
  const puzzles = puzzleMix(model.kind, count);
  const results: Record<string, unknown> = { model: model.id, threads, puzzles: count, cpu: cpus()[0]?.model };

  const peak = await matmulPeak();
  results.matmulPeakGflops = round(peak);

  const loadTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const loaded = await loadStepModel(modelsDir, model, [{ name: 'cpu', why: 'bench' }], {
      intraOpThreads: threads,
      allowSpinning: false,
    });
    loadTimes.push(performance.now() - t);
    await loaded.release();
  }
  results.sessionLoadMs = round(quantile(loadTimes, 0.5));

  // Single puzzles, one at a time, as a user solving in the app.
  const single = new Engine({ modelsDir, threads, maxBatch: 1 });
  await single.solve(puzzles[0]!, settings, { modelId: model.id });
  const stepMs: number[] = [];
  const alone = await oneAtATime(single, puzzles.slice(0, 20), settings, model.id, stepMs);
  await single.close();
  results.single = {
    stepMsP50: round(quantile(stepMs, 0.5)),
    stepMsP95: round(quantile(stepMs, 0.95)),
    solveMsP50: round(quantile(alone.solveMs, 0.5)),
    solveMsP95: round(quantile(alone.solveMs, 0.95)),
    solved: `${alone.solved}/20`,
  };

  // Rethinking rounds and voting copies (Run settings; 8 and 7 by default), with the app's default
  // policy. Both run only when the puzzle as given ends without an answer that checks out, so
  // they cost most on puzzles the model cannot solve: measured on the usual mix and, for Sudoku,
  // on 19-21 givens. Mazes cannot rethink: their rows with rethinks repeat the others.
  const sets: [string, Puzzle[]][] = [['mix', puzzles.slice(0, 40)]];
  if (model.kind === 'sudoku') {
    sets.push([
      '19-21 givens',
      Array.from({ length: 40 }, (_, i) => generateSudoku({ seed: 20_000 + i, givens: 19 + (i % 3) })),
    ]);
  }
  const votingRuns: Record<string, unknown>[] = [];
  for (const [set, chosen] of sets) {
    for (const [rethinks, augmentations] of [
      [0, 0],
      [0, 7],
      [8, 0],
      [8, 7],
    ] as const) {
      const options: SolveSettings = { ...settings, policy: 'verified', augmentations, rethinks };
      const oneByOne = new Engine({ modelsDir, threads, maxBatch: 8 });
      const { solveMs, solved } = await oneAtATime(oneByOne, chosen, options, model.id);
      await oneByOne.close();
      const batched = new Engine({ modelsDir, threads, maxBatch: 64, allowSpinning: true });
      await batched.solve(chosen[0]!, options, { modelId: model.id });
      const start = performance.now();
      await batched.solveMany(chosen, options, { modelId: model.id, onResult: () => {} });
      const seconds = (performance.now() - start) / 1000;
      await batched.close();
      votingRuns.push({
        set,
        rethinks,
        augmentations,
        solveMsP50: round(quantile(solveMs, 0.5)),
        solveMsP95: round(quantile(solveMs, 0.95)),
        solveMsMax: round(Math.max(...solveMs)),
        batchPuzzlesPerSecond: round(chosen.length / seconds, 1),
        solved: `${solved}/${chosen.length}`,
      });
    }
  }
  results.voting = votingRuns;

  // Throughput: continuous batching at several batch sizes, with the event loop watched.
  const flops = stepFlops(model);
  const runs: Record<string, unknown>[] = [];
  let best = { batch: 0, perSecond: 0 };
  for (const maxBatch of values.batches.split(',').map(Number)) {
    const engine = new Engine({ modelsDir, threads, maxBatch, allowSpinning: true });
    await engine.solve(puzzles[0]!, settings, { modelId: model.id });
    const lag = monitorEventLoopDelay({ resolution: 5 });
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    lag.enable();
    let steps = 0;
    let solved = 0;
    const start = performance.now();
    await engine.solveMany(puzzles, settings, {
      modelId: model.id,
      onResult: (_i, r) => {
        steps += r.steps;
        if (r.status === 'solved') solved++;
      },
    });
    const seconds = (performance.now() - start) / 1000;
    lag.disable();
    clearInterval(sampler);
    await engine.close();
    const perSecond = count / seconds;
    if (perSecond > best.perSecond) best = { batch: maxBatch, perSecond };
    runs.push({
      maxBatch,
      puzzlesPerSecond: round(perSecond, 2),
      meanSteps: round(steps / count, 2),
      rowStepsPerSecond: round(steps / seconds, 1),
      solvedRate: round(solved / count, 3),
      gflops: round((steps * flops) / seconds / 1e9),
      percentOfPeak: round((100 * (steps * flops)) / seconds / 1e9 / peak),
      eventLoopLagP99Ms: round(lag.percentile(99) / 1e6),
      eventLoopLagMaxMs: round(lag.max / 1e6),
      peakRssMb: round(peakRss / 2 ** 20),
    });
  }
  results.continuous = runs;

  // The int8 variant (training/quantize.py), when shipped: speed and solved rate on the same puzzles.
  const int8 = manifest.models.find((m) => m.id === `${model.id}-int8`);
  if (int8) {
    const engine = new Engine({ modelsDir, threads, maxBatch: best.batch, allowSpinning: true });
    await engine.solve(puzzles[0]!, settings, { modelId: int8.id });
    let solved = 0;
    const start = performance.now();
    await engine.solveMany(puzzles, settings, {
      modelId: int8.id,
      onResult: (_i, r) => void (r.status === 'solved' && solved++),
    });
    const perSecond = count / ((performance.now() - start) / 1000);
    await engine.close();
    const fp32Solved = (runs.find((r) => r.maxBatch === best.batch)?.solvedRate as number) ?? 0;
    results.int8 = {
      model: int8.id,
      maxBatch: best.batch,
      puzzlesPerSecond: round(perSecond, 2),
      speedup: round(perSecond / best.perSecond, 2),
      solvedRate: round(solved / count, 3),
      fp32SolvedRate: fp32Solved,
    };
  }

  // Fixed batches, the usual way: every row of a batch is computed until its slowest puzzle
  // halts, then the next batch starts. Same session settings, run here on the main thread.
  const fixedModel = await loadStepModel(modelsDir, model, [{ name: 'cpu', why: 'bench' }], {
    intraOpThreads: threads,
    allowSpinning: true,
  });
  const [S, D] = model.stateShape;
  const fixedStart = performance.now();
  let fixedRowSteps = 0;
  for (let i = 0; i < puzzles.length; i += best.batch) {
    const chunk = puzzles.slice(i, i + best.batch);
    const batch = chunk.length;
    const tokens = new BigInt64Array(batch * model.seqLen);
    chunk.forEach((p, r) =>
      kindOf(p)
        .encode(p)
        .forEach((t, c) => (tokens[r * model.seqLen + c] = BigInt(t))),
    );
    let y: Float32Array = new Float32Array(batch * S * D);
    let z: Float32Array = new Float32Array(batch * S * D);
    const halted = new Uint8Array(batch);
    for (let step = 1; step <= settings.maxSteps && halted.some((h) => h === 0); step++) {
      const out = await fixedModel.run({ batch, tokens, y, z, reset: new Uint8Array(batch).fill(step === 1 ? 1 : 0) });
      ({ y, z } = out);
      out.qHalt.forEach((q, r) => void (q > 0 && (halted[r] = 1)));
      fixedRowSteps += batch;
    }
  }
  const fixedPerSecond = count / ((performance.now() - fixedStart) / 1000);
  await fixedModel.release();
  results.fixedBatches = {
    batch: best.batch,
    puzzlesPerSecond: round(fixedPerSecond, 2),
    rowStepsComputed: fixedRowSteps,
  };
  results.continuousOverFixed = round(best.perSecond / fixedPerSecond, 2);

  if (!values['skip-torch']) {
    const dir = mkdtempSync(join(tmpdir(), 'trm-bench-'));
    const file = join(dir, 'puzzles.json');
    writeFileSync(file, JSON.stringify(puzzles.map((p) => [...kindOf(p).encode(p)])));
    const checkpoint = (model.training as { checkpoint?: string } | undefined)?.checkpoint;
    const out = execFileSync(
      '/usr/bin/python3',
      [
        join(repo, 'bench', 'torch_engine.py'),
        '--checkpoint',
        resolve(repo, checkpoint ?? ''),
        '--puzzles',
        file,
        '--threads',
        String(threads),
        '--batches',
        values.batches,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const torch = JSON.parse(out.trim().split('\n').at(-1)!) as { batch: number; puzzlesPerSecond: number }[];
    const torchBest = torch.reduce((a, b) => (b.puzzlesPerSecond > a.puzzlesPerSecond ? b : a));
    results.pytorch = torch;
    results.ortOverPytorch = round(best.perSecond / torchBest.puzzlesPerSecond, 2);
  }

  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', `engine-${model.id}.json`), JSON.stringify(results, null, 2) + '\n');
  console.log(`Engine benchmark: ${model.id}, ${count} puzzles, ${threads} threads`);
  console.table({
    'matmul peak (GFLOP/s)': results.matmulPeakGflops,
    'session load (ms)': results.sessionLoadMs,
    ...Object.fromEntries(Object.entries(results.single as object).map(([k, v]) => [`single ${k}`, v])),
    'best continuous (puzzles/s)': round(best.perSecond, 2),
    'fixed batches (puzzles/s)': results.fixedBatches && round(fixedPerSecond, 2),
    'continuous / fixed': results.continuousOverFixed,
    'ORT / PyTorch': results.ortOverPytorch ?? 'skipped',
    'int8 / fp32 speed': (results.int8 as { speedup?: number } | undefined)?.speedup ?? 'no int8 model',
  });
  console.table(votingRuns);
  console.table(runs);
  if (results.pytorch) console.table(results.pytorch);
}

await main();
