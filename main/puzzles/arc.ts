// The ARC kind: a task's demonstration pairs and one test input; the answer is the output
// grid, in the token layout of arc-tokens.ts.
import { onlyEntry } from './entries.ts';
import { type Conflict, type PuzzleKind, verdictOf } from './kind.ts';
import { readArcJson } from './arc-json.ts';
import { decodeArcGrid, encodeArcGrid, MAX_ARC_SIZE } from './arc-tokens.ts';
import type { ArcGrid, ArcPuzzle, PuzzleSource } from './types.ts';

const shape = (grid: ArcGrid): string => `${grid.length}x${grid[0]?.length ?? 0}`;

function gridConflicts(expected: ArcGrid, answer: ArcGrid): Conflict[] {
  const cols = expected[0]?.length ?? 0;
  if (answer.length !== expected.length || answer.some((row) => row.length !== cols)) {
    return [{ message: `the answer is ${shape(answer)}, expected ${shape(expected)}`, cells: [] }];
  }
  const conflicts: Conflict[] = [];
  for (let r = 0; r < expected.length; r++) {
    for (let c = 0; c < cols; c++) {
      const want = expected[r]?.[c];
      const got = answer[r]?.[c];
      if (got !== want)
        conflicts.push({ message: `row ${r + 1}, column ${c + 1} is ${got}, expected ${want}`, cells: [r * cols + c] });
    }
  }
  return conflicts;
}

export const formatArcGrid = (grid: ArcGrid): string => grid.map((row) => row.join('')).join('\n');

export const arc = {
  id: 'arc',
  tokens: { length: MAX_ARC_SIZE * MAX_ARC_SIZE, vocabulary: 12 },
  /** Reads an ARC task JSON that asks for exactly one test output. */
  parse: (text: string, source: PuzzleSource) => onlyEntry(readArcJson(text, source.file), source, 'ARC test input'),
  format: (puzzle: ArcPuzzle) => JSON.stringify({ train: puzzle.train, test: [puzzle.test] }),
  formatAnswer: (_puzzle: ArcPuzzle, answer: ArcGrid) => formatArcGrid(answer),
  encode: (puzzle: ArcPuzzle) => encodeArcGrid(puzzle.test.input),
  encodeAnswer: (_puzzle: ArcPuzzle, answer: ArcGrid) => encodeArcGrid(answer),
  decode: (_puzzle: ArcPuzzle, tokens: ArrayLike<number>): ArcGrid => decodeArcGrid(tokens),
  verify(puzzle: ArcPuzzle, answer: ArcGrid) {
    const expected = puzzle.test.output;
    if (expected === undefined)
      return verdictOf([{ message: 'no expected output is known for this test input', cells: [] }]);
    return verdictOf(gridConflicts(expected, answer));
  },
  /** ARC has no cheap reference solver. */
  solve: () => null,
  expectedAnswer: (puzzle: ArcPuzzle) => puzzle.test.output,
} satisfies PuzzleKind<ArcPuzzle, ArcGrid>;
