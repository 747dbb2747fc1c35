import { readFileSync } from 'node:fs';

// Read at start-up rather than imported as JSON, so the same code runs unbundled in Node
// and bundled in Electron.
export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
