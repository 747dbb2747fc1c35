import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { StepView } from '../../main/engine/index.ts';
import { Engine, listModels } from '../../main/engine/index.ts';
import { parsePuzzleText } from '../../main/puzzles/index.ts';
import { tinyModelsDir } from './fixture-models.ts';

const quantize = fileURLToPath(new URL('../../training/quantize.py', import.meta.url));
const easy = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';

describe('the int8 variant made by training/quantize.py', async () => {
  const dir = await tinyModelsDir();
  execFileSync('/usr/bin/python3', [quantize, '--id', 'tiny-sudoku', '--models', dir]);
  const engine = new Engine({ modelsDir: dir, threads: 1 });
  afterAll(() => engine.close());

  async function steps(modelId: string): Promise<StepView[]> {
    const views: StepView[] = [];
    const puzzle = parsePuzzleText(easy, 'test').puzzles[0]!;
    await engine.solve(
      puzzle,
      { policy: 'fixed', maxSteps: 3, augmentations: 0, rethinks: 0 },
      { modelId, onStep: (v) => views.push(v) },
    );
    return views;
  }

  it('is listed beside its fp32 model, smaller and verified', async () => {
    const models = await listModels([dir]);
    const [fp32, int8] = [
      models.find((m) => m.id === 'tiny-sudoku')!,
      models.find((m) => m.id === 'tiny-sudoku-int8')!,
    ];
    expect(int8.status).toEqual({ state: 'ok' });
    expect(int8.bytes).toBeLessThan(fp32.bytes);
  });

  it('runs in the engine and stays close to the fp32 model', async () => {
    const [fp32, int8] = [await steps('tiny-sudoku'), await steps('tiny-sudoku-int8')];
    expect(int8).toHaveLength(3);
    for (const [s, view] of int8.entries()) {
      expect(Math.abs(view.haltProbability - fp32[s]!.haltProbability)).toBeLessThan(0.05);
    }
    // Random weights leave the logits close together, so rounding flips some argmaxes, more
    // with every step the state is carried; a broken graph (a wrong transpose or scale)
    // agrees on about 1 cell in 11, like chance.
    const first = int8[0]!.answer as number[];
    const same = first.filter((cell, i) => cell === (fp32[0]!.answer as number[])[i]).length;
    expect(same / 81).toBeGreaterThan(0.6);
  });
});
