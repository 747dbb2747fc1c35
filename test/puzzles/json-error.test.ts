import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../main/puzzles/json-error.ts';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": tru}', 9],
    ['{\n "train": [],\n "test": [\n}', 27],
    ['[1,2', 4],
    ['{"a" 1}', 5],
    ['[1,]', 3],
    ['"abc', 4],
    ['01', 1],
  ])('finds where %j breaks', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('accepts all valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(jsonErrorOffset(json)).toBe(-1);
      }),
    );
    expect(jsonErrorOffset(' [1, "x\\u00e9", -0.5e3, true, null, {}] ')).toBe(-1);
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          expect(jsonErrorOffset(text) === -1).toBe(parses(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
