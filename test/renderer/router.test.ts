import { describe, expect, it } from 'vitest';
import { screenFromHash } from '../../renderer/src/lib/router.svelte.ts';

describe('screenFromHash', () => {
  it('maps each screen’s hash to it and anything else to Solve', () => {
    expect(screenFromHash('#/history')).toBe('history');
    expect(screenFromHash('#settings')).toBe('settings');
    expect(screenFromHash('')).toBe('solve');
    expect(screenFromHash('#/nonsense')).toBe('solve');
  });
});
