// Solve settings as stored (JSON in SQLite): what older rows lack reads as what they did.
import type { SolveSettings } from './types.ts';

/** Solves and batch runs stored before the app could rethink did not rethink. */
export const readSolveSettings = (json: string): SolveSettings =>
  ({ rethinks: 0, ...(JSON.parse(json) as object) }) as SolveSettings;
