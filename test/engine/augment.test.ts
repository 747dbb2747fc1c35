import { describe, expect, it } from 'vitest';
import { applyTransform, augmentations, invertTransform } from '../../main/engine/augment.ts';

describe('voting copies', () => {
  it('are as many as asked, up to what the kind has: Sudoku 16, a maze its 7 symmetries, ARC none', () => {
    expect(augmentations('sudoku', 16)).toHaveLength(16);
    expect(augmentations('maze', 3)).toHaveLength(3);
    expect(augmentations('maze', 12)).toHaveLength(7);
    expect(augmentations('arc', 7)).toEqual([]);
  });

  it('map an answer in a copy’s frame back to the puzzle’s', () => {
    const tokens = Uint8Array.from({ length: 81 }, (_, i) => 1 + (i % 10));
    for (const copy of augmentations('sudoku', 4)) {
      expect(invertTransform(copy, applyTransform(copy, tokens))).toEqual(tokens);
    }
  });
});
