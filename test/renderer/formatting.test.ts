import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../renderer/src/lib/numbers.ts';
import { shortDate } from '../../renderer/src/lib/when.ts';

describe('numbers as people read them', () => {
  it('writes sizes, counts, rates and durations briefly', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(974_438)).toBe('951.6 KB');
    expect(formatBytes(28 * 1024 * 1024)).toBe('28.0 MB');
    expect(formatCount(7_020_000)).toBe('7.02M');
    expect(formatCount(1_500)).toBe('1.5K');
    expect(formatCount(42)).toBe('42');
    expect(formatPercent(0.875)).toBe('87.5%');
    expect(formatPercent(null)).toBe('–');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(83)).toBe('1 min 23 s');
    expect(formatDuration(7260)).toBe('2 h 1 min');
    expect(formatDuration(null)).toBe('–');
  });

  it('gives only the time for today, the day as well for earlier', () => {
    const now = new Date(2026, 10, 28, 18, 0);
    expect(shortDate(new Date(2026, 10, 28, 9, 5).toISOString(), now)).not.toMatch(/Nov/);
    expect(shortDate(new Date(2026, 10, 20, 9, 5).toISOString(), now)).toMatch(/20/);
  });
});
