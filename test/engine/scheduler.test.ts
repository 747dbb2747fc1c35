import { describe, expect, it } from 'vitest';
import type { StepInputs } from '../../main/engine/step-model.ts';
import { changedPositions, decodeLogits, Scheduler, shouldStop, sigmoid } from '../../main/engine/scheduler.ts';

describe('decodeLogits', () => {
  it('picks the most likely token per position with its softmax probability', () => {
    const logits = Float32Array.from([0, 0, 5, /* */ 1, 1, 1]);
    const { tokens, confidence, finite } = decodeLogits(logits, 0, 2, 3);
    expect(Array.from(tokens)).toEqual([2, 0]);
    expect(confidence[0]).toBeCloseTo(Math.exp(5) / (2 + Math.exp(5)), 6);
    expect(confidence[1]).toBeCloseTo(1 / 3, 6);
    expect(finite).toBe(true);
  });

  it('reads one row of a batch at its offset', () => {
    const logits = Float32Array.from([9, 0, /* row 2 */ 0, 9]);
    expect(Array.from(decodeLogits(logits, 2, 1, 2).tokens)).toEqual([1]);
  });

  it('notices non-finite outputs', () => {
    expect(decodeLogits(Float32Array.from([NaN, NaN]), 0, 1, 2).finite).toBe(false);
  });
});

describe('changedPositions', () => {
  it('marks every position on the first step and only the differences after', () => {
    expect(changedPositions(null, Uint8Array.from([1, 2]))).toEqual([0, 1]);
    expect(changedPositions(Uint8Array.from([1, 2, 3]), Uint8Array.from([1, 5, 3]))).toEqual([1]);
  });
});

describe('shouldStop', () => {
  const never = () => false;
  const always = () => true;

  it('halts on a positive halting logit under the halt policy', () => {
    expect(shouldStop('halt', 1, 16, 0.5, never)).toBe('halted');
    expect(shouldStop('halt', 1, 16, -0.5, always)).toBeNull();
  });

  it('runs exactly maxSteps under the fixed policy, whatever the model says', () => {
    expect(shouldStop('fixed', 3, 16, 10, always)).toBeNull();
    expect(shouldStop('fixed', 16, 16, -10, never)).toBe('max-steps');
  });

  it('stops at the first answer that verifies under the verified policy', () => {
    expect(shouldStop('verified', 2, 16, -10, always)).toBe('verified');
    expect(shouldStop('verified', 2, 16, 10, never)).toBeNull();
  });

  it('never runs past maxSteps', () => {
    expect(shouldStop('halt', 16, 16, -1, never)).toBe('max-steps');
    expect(shouldStop('verified', 16, 16, -1, never)).toBe('max-steps');
  });
});

describe('sigmoid', () => {
  it('maps the halting logit to a probability', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-5)).toBeLessThan(0.01);
  });
});

describe('Scheduler', () => {
  // A stand-in step function: a row's halting logit is its step count minus its first token,
  // so a puzzle whose first token is k halts after k steps. The real graph is in engine.test.ts.
  function fakeModel(opts: { nanFor?: number; failOnCall?: number } = {}) {
    const batches: number[] = [];
    let calls = 0;
    const run = async (inputs: StepInputs) => {
      calls++;
      batches.push(inputs.batch);
      if (calls === opts.failOnCall) throw new Error('device lost');
      const logits = new Float32Array(inputs.batch * 2 * 3);
      const qHalt = new Float32Array(inputs.batch);
      // The carried state counts the row's steps, as y and z carry a real model's work.
      const y = new Float32Array(inputs.batch);
      for (let r = 0; r < inputs.batch; r++) {
        const id = Number(inputs.tokens[r * 2]);
        y[r] = inputs.reset[r] ? 1 : inputs.y[r]! + 1;
        qHalt[r] = id === opts.nanFor ? NaN : y[r]! - id + 0.5;
        logits[r * 6 + 1] = 1;
      }
      return { y, z: y.slice(), logits, qHalt };
    };
    return { run, batches };
  }
  const shape = { seqLen: 2, vocab: 3, stateSize: 1 };
  const request = (id: number, urgent = false) => ({
    tokens: Uint8Array.from([id, 0]),
    policy: 'halt' as const,
    maxSteps: 16,
    urgent,
    verifies: () => false,
  });

  it('refills a freed row at once, so short puzzles do not wait for long ones', async () => {
    const model = fakeModel();
    const scheduler = new Scheduler(model.run, shape, 2);
    const results = await Promise.all([
      scheduler.submit(request(8)),
      scheduler.submit(request(1)),
      scheduler.submit(request(2)),
    ]);
    expect(results.map((r) => [r.end, r.last?.step])).toEqual([
      ['halted', 8],
      ['halted', 1],
      ['halted', 2],
    ]);
    // Puzzle 3 took the slot puzzle 2 freed after step 1: every call but the tail ran full.
    expect(model.batches.slice(0, 3)).toEqual([2, 2, 2]);
    expect(model.batches.length).toBe(8);
  });

  it('puts interactive puzzles ahead of queued batch work', async () => {
    const scheduler = new Scheduler(fakeModel().run, shape, 1);
    const order: number[] = [];
    const done = (id: number) => () => order.push(id);
    let interactive: Promise<unknown> = Promise.resolve();
    const first = scheduler.submit({
      ...request(2),
      // A user starts a solve while the batch is running.
      onStep: (step) => {
        if (step.step === 1) interactive = scheduler.submit(request(3, true)).then(done(3));
      },
    });
    await Promise.all([
      first.then(done(2)),
      scheduler.submit(request(5)).then(done(5)),
      scheduler.submit(request(6)).then(done(6)),
    ]);
    await interactive;
    expect(order).toEqual([2, 3, 5, 6]);
  });

  it('fails only the row whose outputs are not finite', async () => {
    const scheduler = new Scheduler(fakeModel({ nanFor: 3 }).run, shape, 4);
    const [good, bad] = await Promise.all([scheduler.submit(request(2)), scheduler.submit(request(3))]);
    expect(good.end).toBe('halted');
    expect(bad).toMatchObject({ end: 'failed', error: 'The model produced non-finite outputs.' });
  });

  it('fails the rows of a step that threw, then goes on serving', async () => {
    const scheduler = new Scheduler(fakeModel({ failOnCall: 1 }).run, shape, 4);
    const first = await scheduler.submit(request(2));
    expect(first).toMatchObject({ end: 'failed', error: 'The model failed to run: device lost' });
    expect((await scheduler.submit(request(2))).end).toBe('halted');
  });

  it('works through a queue of 100,000 puzzles, answering each exactly once', async () => {
    const scheduler = new Scheduler(fakeModel().run, shape, 64);
    const answered = new Uint8Array(100_000);
    await Promise.all(
      Array.from({ length: answered.length }, (_, i) =>
        scheduler.submit(request(1 + (i % 3))).then((r) => {
          if (r.end === 'halted') answered[i]!++;
        }),
      ),
    );
    expect(answered.every((n) => n === 1)).toBe(true);
    expect(scheduler.pending).toBe(0);
    // about 4 s on a quiet core, more while the suite's model tests share the two cores: a
    // correctness test, not a timing one
  }, 30_000);

  it('drops a row cancelled while it waits in the queue, without running it', async () => {
    const model = fakeModel();
    const scheduler = new Scheduler(model.run, shape, 1);
    const controller = new AbortController();
    const running = scheduler.submit(request(3));
    const waiting = scheduler.submit({ ...request(5), signal: controller.signal });
    controller.abort();
    expect((await waiting).end).toBe('cancelled');
    expect((await running).end).toBe('halted');
    expect(model.batches.length).toBe(3);
  });
});
