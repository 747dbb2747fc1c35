import { describe, expect, it } from 'vitest';
import { changedPositions, decodeLogits, shouldStop, sigmoid } from '../../main/engine/scheduler.ts';

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
