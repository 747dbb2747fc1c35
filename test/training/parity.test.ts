// Python (PyTorch) and TypeScript (onnxruntime-node) must agree on the exported TRM step:
// replays the fixtures written by `training/export.py --parity` for 3 supervision steps, one
// per architecture the app runs (Sudoku: sequence-mixing MLP; maze: RoPE attention and the
// 3x3 grid convolution).
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parityDir, parityFixtures, readParityFixture } from '../engine/fixture-models.ts';


function argmax(values: ArrayLike<number>, from: number, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if ((values[from + i] as number) > (values[from + best] as number)) best = i;
  return best;
}

describe.each(parityFixtures)('exported %s TRM step matches PyTorch', (name) => {
  it('gives the same logits, argmax and q_halt for 3 steps', async () => {
    const fixture = await readParityFixture(name);
    const session = await ort.InferenceSession.create(join(parityDir, fixture.model));
    const batch = fixture.tokens.length;
    const [S, D] = fixture.stateShape;
    const { seqLen: L, vocab: V } = fixture;
    const tokens = new ort.Tensor('int64', BigInt64Array.from(fixture.tokens.flat(), BigInt), [batch, L]);
    let y: ort.Tensor = new ort.Tensor('float32', new Float32Array(batch * S * D), [batch, S, D]);
    let z: ort.Tensor = new ort.Tensor('float32', new Float32Array(batch * S * D), [batch, S, D]);
    for (const [step, expected] of fixture.steps.entries()) {
      const reset = new ort.Tensor('bool', new Uint8Array(batch).fill(step === 0 ? 1 : 0), [batch]);
      const out = await session.run({ tokens, y, z, reset });
      const logits = out.logits!.data as Float32Array;
      const qHalt = out.q_halt!.data as Float32Array;
      expect(out.logits!.dims).toEqual([batch, L, V]);
      let maxDiff = 0;
      let argmaxMismatches = 0;
      for (let b = 0; b < batch; b++) {
        for (let cell = 0; cell < L; cell++) {
          const want = expected.logits[b]![cell]!;
          const at = (b * L + cell) * V;
          for (let v = 0; v < V; v++) maxDiff = Math.max(maxDiff, Math.abs((logits[at + v] as number) - want[v]!));
          if (argmax(logits, at, V) !== argmax(want, 0, V)) argmaxMismatches++;
        }
        maxDiff = Math.max(maxDiff, Math.abs((qHalt[b] as number) - expected.q_halt[b]!));
      }
      expect(maxDiff, `step ${step + 1}`).toBeLessThanOrEqual(1e-3);
      expect(argmaxMismatches, `step ${step + 1}`).toBe(0);
      y = out.y_next!;
      z = out.z_next!;
    }
    await session.release();
  });
});
