import { describe, expect, it } from 'vitest';
import { vote } from '../../main/engine/vote.ts';

const answer = (...tokens: number[]) => Uint8Array.from(tokens);

describe('vote', () => {
  it('prefers an answer that verifies over a majority that does not', () => {
    const result = vote([
      { tokens: answer(1, 1), verified: false, confidence: 0.9 },
      { tokens: answer(1, 1), verified: false, confidence: 0.9 },
      { tokens: answer(2, 2), verified: true, confidence: 0.1 },
    ]);
    expect(result).toEqual({ winner: 2, votes: 1 });
  });

  it('takes the majority when nothing verifies', () => {
    const result = vote([
      { tokens: answer(3), verified: false, confidence: 0.9 },
      { tokens: answer(4), verified: false, confidence: 0.2 },
      { tokens: answer(4), verified: false, confidence: 0.2 },
    ]);
    expect(result).toEqual({ winner: 1, votes: 2 });
  });

  it('breaks a tie by the mean halting confidence', () => {
    const result = vote([
      { tokens: answer(5), verified: false, confidence: 0.3 },
      { tokens: answer(6), verified: false, confidence: 0.8 },
    ]);
    expect(result.winner).toBe(1);
  });
});
