import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PuzzleResult, SolveSettings, StepView } from '../../main/engine/index.ts';
import { Engine, EngineError } from '../../main/engine/index.ts';
import type { Puzzle, SudokuPuzzle } from '../../main/puzzles/index.ts';
import { kinds, parsePuzzleText } from '../../main/puzzles/index.ts';
import { generateMaze } from '../../main/puzzles/maze-generator.ts';
import { generateSudoku } from '../../main/puzzles/sudoku-generator.ts';
import { readParityFixture, tinyModelsDir } from './fixture-models.ts';

const easy = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
const fixed = (maxSteps: number): SolveSettings => ({ policy: 'fixed', maxSteps, augmentations: 0, rethinks: 0 });

function sudoku(text: string): Puzzle {
  const puzzle = parsePuzzleText(text, 'test').puzzles[0];
  if (!puzzle) throw new Error(`not a puzzle: ${text}`);
  return puzzle;
}

const shippedModels = fileURLToPath(new URL('../../models/', import.meta.url));

const engines: Engine[] = [];
function engine(modelsDir: string, maxBatch = 4): Engine {
  const e = new Engine({ modelsDir, threads: 1, maxBatch });
  engines.push(e);
  return e;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

describe('the engine, running the exported tiny TRM in its worker', () => {
  it('matches the PyTorch outputs step by step (parity fixture)', async () => {
    const fixture = await readParityFixture();
    const e = engine(await tinyModelsDir());
    for (const [row, tokens] of fixture.tokens.entries()) {
      const text = tokens.map((t) => (t <= 1 ? '.' : String(t - 1))).join('');
      const views: StepView[] = [];
      await e.solve(sudoku(text), fixed(fixture.steps.length), { onStep: (v) => views.push(v) });
      expect(views.map((v) => v.step)).toEqual(fixture.steps.map((_, i) => i + 1));
      fixture.steps.forEach((step, s) => {
        expect(views[s]!.haltProbability).toBeCloseTo(1 / (1 + Math.exp(-step.q_halt[row]!)), 4);
        const confidence = step.logits[row]!.map((cell) => {
          const max = Math.max(...cell);
          return 1 / cell.reduce((sum, v) => sum + Math.exp(v - max), 0);
        });
        views[s]!.confidence.forEach((c, i) => expect(c).toBeCloseTo(confidence[i]!, 3));
      });
    }
  });

  it('streams one event per supervision step and runs exactly the fixed number of steps', async () => {
    const e = engine(await tinyModelsDir());
    const steps: number[] = [];
    const { model, result } = await e.solve(sudoku(easy), fixed(5), { onStep: (v) => steps.push(v.step) });
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect(result).toMatchObject({ steps: 5, end: 'max-steps', views: 1 });
    expect(['solved', 'unsolved']).toContain(result.status);
    expect(result.trace).toHaveLength(5);
    expect(model).toMatchObject({ id: 'tiny-sudoku', provider: 'cpu' });
  });

  it('stops a solve that is cancelled between steps', async () => {
    const e = engine(await tinyModelsDir());
    const controller = new AbortController();
    const { result } = await e.solve(sudoku(easy), fixed(64), {
      signal: controller.signal,
      onStep: (v) => v.step === 2 && controller.abort(),
    });
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBeLessThan(64);
  });

  it('honours a cancel that comes before the first step', async () => {
    const e = engine(await tinyModelsDir());
    const controller = new AbortController();
    const statuses: string[] = [];
    const batch = e.solveMany([sudoku(easy), sudoku(easy)], fixed(8), {
      signal: controller.signal,
      onResult: (_i, r) => statuses.push(r.status),
    });
    controller.abort();
    await batch;
    expect(statuses).toEqual(['cancelled', 'cancelled']);
  });

  it('returns every puzzle of concurrent batches exactly once, refilling freed rows', async () => {
    const e = engine(await tinyModelsDir(), 3);
    const puzzles = Array.from({ length: 10 }, () => sudoku(easy));
    const seen = { short: [] as number[], long: [] as number[] };
    const steps = { short: new Set<number>(), long: new Set<number>() };
    await Promise.all([
      e.solveMany(puzzles, fixed(2), { onResult: (i, r) => (seen.short.push(i), steps.short.add(r.steps)) }),
      e.solveMany(puzzles, fixed(5), { onResult: (i, r) => (seen.long.push(i), steps.long.add(r.steps)) }),
    ]);
    const all = [...Array(10).keys()];
    expect(seen.short.toSorted((a, b) => a - b)).toEqual(all);
    expect(seen.long.toSorted((a, b) => a - b)).toEqual(all);
    expect([...steps.short]).toEqual([2]);
    expect([...steps.long]).toEqual([5]);
  });

  it('votes over symmetric views of the puzzle and reports how many agreed', async () => {
    const e = engine(await tinyModelsDir());
    const { result } = await e.solve(sudoku(easy), { policy: 'fixed', maxSteps: 2, augmentations: 3, rethinks: 0 });
    expect(result.views).toBe(4);
    expect(result.votes).toBeGreaterThanOrEqual(1);
    expect(result.votes).toBeLessThanOrEqual(4);
  });

  it('explains a missing model, and the wrong kind of puzzle for a model', async () => {
    const e = engine(await tinyModelsDir());
    await expect(e.solve(sudoku(easy), fixed(1), { modelId: 'nope' })).rejects.toThrow(/no model nope/i);
    const maze = parsePuzzleText(['#####', '#S  #', '# # #', '#  G#', '#####'].join('\n'), 'maze.txt').puzzles[0]!;
    expect(maze.kind).toBe('maze');
    await expect(e.solve(maze, fixed(1), { modelId: 'tiny-sudoku' })).rejects.toThrow(
      /solves sudoku puzzles, not maze/,
    );
    await expect(e.solve(maze, fixed(1))).rejects.toThrow(EngineError);
  });

  it('refuses an altered model file and keeps serving', async () => {
    const e = engine(
      await tinyModelsDir('tiny-sudoku', (bytes) => {
        const copy = Buffer.from(bytes);
        copy[copy.length - 1] = copy[copy.length - 1]! ^ 0xff;
        return copy;
      }),
    );
    await expect(e.solve(sudoku(easy), fixed(1))).rejects.toThrow(/altered or truncated/);
    const good = engine(await tinyModelsDir());
    await expect(good.solve(sudoku(easy), fixed(1))).resolves.toBeTruthy();
  });

  it('fails the work in flight when its worker goes away, and starts a new one for the next request', async () => {
    const e = engine(await tinyModelsDir(), 2);
    const puzzles = Array.from({ length: 20 }, () => sudoku(easy));
    let results = 0;
    const batch = e.solveMany(puzzles, fixed(8), {
      onResult: () => {
        if (++results === 1) void e.close();
      },
    });
    await expect(batch).rejects.toThrow(EngineError);
    expect(results).toBeLessThan(20);
    const { result } = await e.solve(sudoku(easy), fixed(2));
    expect(result.steps).toBe(2);
  });

  it('reports a worker that crashes, and answers the next request with a fresh worker', async () => {
    const e = new Engine({
      modelsDir: await tinyModelsDir(),
      workerUrl: new URL('./crashing-worker.ts', import.meta.url),
    });
    engines.push(e);
    await expect(e.solve(sudoku(easy), fixed(1))).rejects.toThrow(/inference worker stopped.*simulated crash/);
    await expect(e.solve(sudoku(easy), fixed(1))).rejects.toThrow(/inference worker stopped/);
  });

  it('says what onnxruntime offers on this machine and which provider each loaded model runs on', async () => {
    const e = engine(await tinyModelsDir());
    const before = await e.describe();
    expect(before.backends.map((b) => b.name)).toContain('cpu');
    expect(before.providers.map((p) => p.name)).toEqual(['cpu', 'dml', 'coreml', 'cuda', 'webgpu']);
    expect(before.providers[0]).toEqual({ name: 'cpu', detected: true, reason: 'always available' });
    expect(before.candidates.at(-1)?.name).toBe('cpu');
    expect(before).toMatchObject({ provider: 'auto', threads: 1, sessions: [] });

    const { model } = await e.solve(sudoku(easy), fixed(1));
    expect((await e.describe()).sessions).toEqual([model]);
  });

  it('applies new threads and a new accelerator to the next solve without a restart, letting a running one finish', async () => {
    const e = engine(await tinyModelsDir());
    await e.solve(sudoku(easy), fixed(1));
    expect(await e.describe()).toMatchObject({ provider: 'auto', threads: 1, sessions: [{ id: 'tiny-sudoku' }] });

    // A change while a solve runs: that solve keeps its sessions and completes.
    let changed = false;
    const { result: running } = await e.solve(sudoku(easy), fixed(12), {
      onStep: (view) => {
        if (view.step !== 2) return;
        e.configure({ provider: 'cpu', threads: 2 });
        changed = true;
      },
    });
    expect(changed).toBe(true);
    expect(running.steps).toBe(12);
    expect(['solved', 'unsolved']).toContain(running.status);

    const fresh = await e.describe();
    expect(fresh).toMatchObject({ provider: 'cpu', threads: 2, sessions: [] });
    expect(fresh.candidates).toEqual([{ name: 'cpu', why: 'CPU chosen in settings' }]);
    const { model: onCpu } = await e.solve(sudoku(easy), fixed(1));
    expect(onCpu).toMatchObject({ provider: 'cpu', fallbacks: [] });
    expect((await e.describe()).sessions).toEqual([onCpu]);

    // CUDA: used where this machine has it, else passed over with the reason, never a failure.
    e.configure({ provider: 'cuda', threads: 1 });
    const { model: asked } = await e.solve(sudoku(easy), fixed(1));
    if (asked.provider !== 'cuda') expect(asked.fallbacks.join(' ')).toMatch(/^cuda: /);
    expect(await e.describe()).toMatchObject({ provider: 'cuda', threads: 1, sessions: [asked] });
  });

  it('answers an empty batch at once', async () => {
    const e = engine(await tinyModelsDir());
    expect(await e.solveMany([], fixed(1), { onResult: () => {} })).toBeNull();
  });
});

describe('rethinking and voting copies under the verified policy', () => {
  const verified = (augmentations: number, rethinks = 0): SolveSettings => ({
    policy: 'verified',
    maxSteps: 16,
    augmentations,
    rethinks,
  });
  /** 1 for a solve the engine calls solved, once its answer checks out against the puzzle itself; else 0. */
  function rescues(puzzle: SudokuPuzzle, result: PuzzleResult): number {
    if (result.status !== 'solved') return 0;
    // the puzzle itself: the cells a rethinking round kept are answers, not givens
    expect(kinds.sudoku.verify(puzzle, result.answer as number[]).ok).toBe(true);
    return 1;
  }

  /** Of 16 puzzles with 21 givens, those the model does not solve alone (about a third: models/sudoku-mlp-d128.md). */
  async function failingAlone(e: Engine): Promise<SudokuPuzzle[]> {
    const failing: SudokuPuzzle[] = [];
    for (let seed = 0; seed < 16; seed++) {
      const puzzle = generateSudoku({ seed, givens: 21 });
      if ((await e.solve(puzzle, verified(0))).result.status !== 'solved') failing.push(puzzle);
    }
    return failing;
  }

  it('runs no copy and no rethinking round for a puzzle whose own answer checks out', async () => {
    const e = engine(shippedModels, 8);
    const rounds = new Set<number>();
    const { result } = await e.solve(sudoku(easy), verified(7, 8), { onStep: (v) => rounds.add(v.round) });
    expect(result).toMatchObject({ status: 'solved', end: 'verified', views: 1, votes: 1 });
    expect(result.steps).toBeLessThan(16);
    expect([...rounds]).toEqual([0]);
  });

  it('rethinks a puzzle whose answer does not check out, its steps going on round by round', async () => {
    const e = engine(shippedModels, 8);
    let rescued = 0;
    for (const puzzle of await failingAlone(e)) {
      const seen: { step: number; round: number }[] = [];
      const { result } = await e.solve(puzzle, verified(0, 8), { onStep: (v) => seen.push(v) });
      expect(seen.map((v) => v.step)).toEqual(seen.map((_, i) => i + 1));
      expect(seen.slice(0, 16).every((v) => v.round === 0)).toBe(true);
      expect(seen[16]).toMatchObject({ step: 17, round: 1 });
      expect(seen.every((v, i) => i === 0 || v.round - seen[i - 1]!.round <= 1)).toBe(true);
      expect(result.steps).toBe(seen.length);
      rescued += rescues(puzzle, result);
    }
    expect(rescued).toBeGreaterThan(0);
  }, 60_000);

  it('runs the copies when the puzzle as given finds no answer that checks out, and keeps one that does', async () => {
    const e = engine(shippedModels, 8);
    let rescued = 0;
    for (const puzzle of await failingAlone(e)) {
      const { result } = await e.solve(puzzle, verified(7));
      expect(result).toMatchObject({ end: 'max-steps', steps: 16, views: 8 });
      rescued += rescues(puzzle, result);
    }
    expect(rescued).toBeGreaterThan(0);
  }, 30_000);

  it('stops a solve cancelled during a rethinking round, and reports it cancelled', async () => {
    const e = engine(await tinyModelsDir());
    const controller = new AbortController();
    const rounds: number[] = [];
    const { result } = await e.solve(
      sudoku(easy),
      { policy: 'verified', maxSteps: 16, augmentations: 7, rethinks: 4 },
      { signal: controller.signal, onStep: (v) => (rounds.push(v.round), v.round === 1 && controller.abort()) },
    );
    // The cancel reaches the worker a step or more later (more on a busy machine), well inside
    // the round's 16 steps.
    expect(rounds.slice(0, 17)).toEqual([...Array<number>(16).fill(0), 1]);
    expect(Math.max(...rounds)).toBe(1);
    expect(result.status).toBe('cancelled');
    expect(result.steps).toBeLessThan(32);
  });

  it('reports a solve cancelled while its copies run as cancelled, not as the vote of what they had', async () => {
    const e = engine(await tinyModelsDir());
    const controller = new AbortController();
    const { result } = await e.solve(
      sudoku(easy),
      { policy: 'verified', maxSteps: 4, augmentations: 7, rethinks: 0 },
      { signal: controller.signal, onStep: (v) => v.step === 4 && controller.abort() },
    );
    expect(result).toMatchObject({ status: 'cancelled', steps: 4 });
  });
});

describe('the engine on mazes, running the exported tiny attention TRM', () => {
  const mazeText = (tokens: readonly number[]): string =>
    Array.from({ length: 30 }, (_, r) =>
      tokens
        .slice(r * 30, r * 30 + 30)
        .map((t) => '?# SGo'[t])
        .join(''),
    ).join('\n');

  it('matches the PyTorch outputs step by step (parity fixture)', async () => {
    const fixture = await readParityFixture('maze');
    const e = engine(await tinyModelsDir('tiny-maze', undefined, 'maze'));
    for (const [row, tokens] of fixture.tokens.entries()) {
      const maze = parsePuzzleText(mazeText(tokens), 'maze.txt').puzzles[0]!;
      expect(maze.kind).toBe('maze');
      const views: StepView[] = [];
      const { model } = await e.solve(maze, fixed(fixture.steps.length), { onStep: (v) => views.push(v) });
      expect(model.id).toBe('tiny-maze');
      fixture.steps.forEach((step, s) => {
        expect(views[s]!.haltProbability).toBeCloseTo(1 / (1 + Math.exp(-step.q_halt[row]!)), 4);
      });
    }
  });

  it('votes over the eight symmetries of the square and checks the path it returns', async () => {
    const fixture = await readParityFixture('maze');
    const e = engine(await tinyModelsDir('tiny-maze', undefined, 'maze'));
    const maze = parsePuzzleText(mazeText(fixture.tokens[0]!), 'maze.txt').puzzles[0]!;
    // more copies than the square has symmetries: the seven there are
    const { result } = await e.solve(maze, { policy: 'fixed', maxSteps: 2, augmentations: 16, rethinks: 0 });
    expect(result).toMatchObject({ views: 8, steps: 2 });
    // an untrained model draws no valid shortest path: the engine must say so, not claim a solve
    expect(result.status).toBe('unsolved');
    expect(result.conflicts.length).toBeGreaterThan(0);
  });
});

describe('the shipped maze model', () => {
  it('finds the shortest path through small perfect mazes, and the answer checks out', async () => {
    const e = engine(shippedModels, 8);
    // small perfect mazes with short routes, the shipped model's strongest case (models/maze-conv-d64.md, by style)
    for (let seed = 0; seed < 4; seed++) {
      const maze = generateMaze({ seed, size: 11, style: 'perfect', minPathLength: 8 });
      const { model, result } = await e.solve(maze, {
        policy: 'verified',
        maxSteps: 16,
        augmentations: 0,
        rethinks: 0,
      });
      expect(model.id).toBe('maze-conv-d64');
      expect(result).toMatchObject({ status: 'solved', end: 'verified', conflicts: [] });
      expect(kinds.maze.verify(maze, result.answer as Parameters<typeof kinds.maze.verify>[1]).ok).toBe(true);
    }
  });
});
