// The history store's public face: open it once per process, close it on quit.
export { openStore, historyFile, BUSY_TIMEOUT_MS, type OpenOptions, type OpenResult } from './open.ts';
export type { HistoryStore, ImportResult } from './store.ts';
export { StoreError } from './errors.ts';
export type * from './batches.ts';
export type * from './types.ts';
