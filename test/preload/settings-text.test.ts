import { describe, expect, it } from 'vitest';
import { defaultSolveOptions, settingsText } from '../../preload/defaults.ts';

describe('solve settings in words, as every door shows them', () => {
  it('names rethinking and the voting copies in the order they run, and only when they are on', () => {
    expect(settingsText(defaultSolveOptions)).toBe(
      'verified, at most 16 steps; up to 8 rethinking rounds, then 7 voting copies where the answer does not check out',
    );
    expect(settingsText({ policy: 'fixed', maxSteps: 4, augmentations: 0, rethinks: 2 })).toBe(
      'fixed 4 steps; up to 2 rethinking rounds where the answer does not check out',
    );
    expect(settingsText({ policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 })).toBe(
      'halt, at most 16 steps',
    );
  });
});
