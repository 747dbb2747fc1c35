// How bulky values sit in the database: JSON, deflated. Consecutive steps of a trace repeat
// most of their cells, which deflate folds away: a 16-step Sudoku trace of 3 kB as JSON packs
// into about 0.4 kB, a 16-step 30x30 one of 29 kB into well under 1 kB (test fixtures).
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export function pack(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value));
}

export function unpack<T>(blob: Uint8Array): T {
  return JSON.parse(inflateRawSync(blob).toString('utf8')) as T;
}

/** JSON with object keys sorted, so equal values give equal text whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
