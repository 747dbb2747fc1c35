// ARC answers as the engine streams them.
import type { ArcGrid } from '../../../main/puzzles/types.ts';

/** The engine streams an ARC step's answer as a grid; anything else is not one yet. */
export const asArcGrid = (answer: unknown): ArcGrid | null =>
  Array.isArray(answer) && Array.isArray(answer[0]) ? (answer as ArcGrid) : null;
