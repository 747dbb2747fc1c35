import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMaze, isFileError, maze, shortestRoute, solveMaze } from '../../main/puzzles/index.ts';
import type { MazeCell, MazePuzzle } from '../../main/puzzles/index.ts';

function mazeOf(text: string): MazePuzzle {
  const parsed = maze.parse(text, { file: 'test' });
  if (isFileError(parsed)) throw new Error(parsed.message);
  return parsed;
}

const corridor = mazeOf(['#######', '#S    #', '# ### #', '#     #', '### # #', '#G    #', '#######'].join('\n'));

/** A maze with path marks drawn over it, as an answer. */
function answerOf(puzzle: MazePuzzle, rows: string[]): MazeCell[] {
  const drawn = mazeOf(rows.join('\n'));
  expect(drawn.cells).toEqual(puzzle.cells);
  return [...(drawn.solution ?? drawn.cells)];
}

const shortest = answerOf(corridor, ['#######', '#S    #', '#o### #', '#ooo  #', '###o# #', '#Goo  #', '#######']);

const styles = fc.constantFrom('perfect' as const, 'rooms' as const);

describe('maze tokens', () => {
  it('maps # SGo to 1..5 and walls in a smaller maze at the top-left', () => {
    const tokens = maze.encode(corridor);
    expect(maze.tokens).toEqual({ length: 900, vocabulary: 6 });
    expect(Array.from(tokens.slice(30, 37))).toEqual([1, 3, 2, 2, 2, 2, 1]);
    expect(Array.from(tokens.slice(37, 60)).every((t) => t === 1)).toBe(true);
    expect(Array.from(tokens.slice(7 * 30)).every((t) => t === 1)).toBe(true);
    expect(maze.encodeAnswer(corridor, shortest)[60 + 1]).toBe(5);
  });

  it('decodes what it encodes, cropped back to the maze, for any generated maze', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 5, max: 30 }), styles, (seed, size, style) => {
        const puzzle = generateMaze({ seed, size, style });
        expect(maze.decode(puzzle, maze.encode(puzzle))).toEqual(puzzle.cells);
        expect(maze.decode(puzzle, maze.encodeAnswer(puzzle, puzzle.solution ?? []))).toEqual(puzzle.solution);
      }),
      { numRuns: 60 },
    );
  });

  it('formats and parses back any generated maze and its solution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 5, max: 30 }), styles, (seed, size, style) => {
        const puzzle = generateMaze({ seed, size, style });
        const parsed = mazeOf(maze.formatAnswer(puzzle, puzzle.solution ?? []));
        expect(parsed.cells).toEqual(puzzle.cells);
        // S next to G leaves no path cells to mark: such a solution reads as the bare maze.
        expect(parsed.solution ?? parsed.cells).toEqual(puzzle.solution);
      }),
      { numRuns: 40 },
    );
  });
});

describe('maze BFS', () => {
  it('finds the shortest route and counts the shortest routes', () => {
    const route = shortestRoute(corridor.rows, corridor.cols, corridor.cells);
    expect(route.steps).toBe(8);
    expect(route.cells).toHaveLength(9);
    expect(route.count).toBe(1);
    const open = mazeOf(['#####', '#S  #', '#   #', '#  G#', '#####'].join('\n'));
    expect(shortestRoute(open.rows, open.cols, open.cells)).toMatchObject({ steps: 4, count: 2 });
  });

  it('solves to an answer that verifies', () => {
    const report = solveMaze(corridor);
    expect(report.solutions).toBe(1);
    expect(report.answer).toEqual(shortest);
    expect(maze.verify(corridor, report.answer ?? [])).toEqual({ ok: true });
  });

  it('reports a maze whose goal is walled off', () => {
    const closed = mazeOf(['#####', '#S# #', '### #', '#  G#', '#####'].join('\n'));
    expect(solveMaze(closed)).toEqual({ solutions: 0, answer: null });
    expect(maze.verify(closed, [...closed.cells])).toMatchObject({
      ok: false,
      conflicts: [{ message: 'the maze has no path from S to G' }],
    });
  });
});

describe('maze verify', () => {
  const messages = (answer: MazeCell[]): string[] => {
    const verdict = maze.verify(corridor, answer);
    return verdict.ok ? [] : verdict.conflicts.map((c) => c.message);
  };

  it('accepts any shortest path', () => {
    const open = mazeOf(['#####', '#S  #', '#   #', '#  G#', '#####'].join('\n'));
    for (const drawn of [
      ['#####', '#Soo#', '#  o#', '#  G#', '#####'],
      ['#####', '#S  #', '#ooo#', '#  G#', '#####'],
    ]) {
      expect(maze.verify(open, answerOf(open, drawn))).toEqual({ ok: true });
    }
  });

  it('finds a path through a wall', () => {
    const answer = [...shortest];
    answer[2 * 7 + 2] = 'path';
    expect(messages(answer)).toEqual(['walks through a wall at row 3, column 3']);
  });

  it('finds a broken path', () => {
    const answer = [...shortest];
    answer[3 * 7 + 1] = 'open';
    expect(messages(answer)).toEqual(['the path is broken: it does not lead from S to G (6 path cells)']);
  });

  it('finds a path longer than the shortest', () => {
    const long = answerOf(corridor, ['#######', '#Soooo#', '# ###o#', '#  ooo#', '###o# #', '#Goo  #', '#######']);
    expect(messages(long)).toEqual(['the path marks 12 steps, the shortest takes 8']);
  });

  it('finds a path that misses S or G, or changes the maze', () => {
    const answer = [...shortest];
    answer[corridor.cells.indexOf('start')] = 'path';
    answer[1 * 7 + 5] = 'wall';
    expect(messages(answer)).toEqual(['misses S at row 2, column 2', 'changes row 2, column 6 from open to wall']);
  });

  it('rejects an answer of the wrong size', () => {
    expect(messages(shortest.slice(1))).toEqual(['the answer has 48 cells, the maze 49']);
  });
});

describe('maze generator', () => {
  it('is reproducible from its seed', () => {
    expect(generateMaze({ seed: 4, style: 'rooms' })).toEqual(generateMaze({ seed: 4, style: 'rooms' }));
    expect(generateMaze({ seed: 4 }).cells).not.toEqual(generateMaze({ seed: 5 }).cells);
  });

  it('keeps S and G at least the chosen number of moves apart, in both styles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), styles, (seed, style) => {
        const puzzle = generateMaze({ seed, style, minPathLength: 40 });
        expect(puzzle.rows).toBe(30);
        expect(shortestRoute(30, 30, puzzle.cells).steps).toBeGreaterThanOrEqual(40);
        expect(maze.verify(puzzle, puzzle.solution ?? [])).toEqual({ ok: true });
      }),
      { numRuns: 30 },
    );
  });

  it('makes perfect mazes: exactly one shortest route', () => {
    for (let seed = 0; seed < 10; seed++) expect(solveMaze(generateMaze({ seed, size: 21 })).solutions).toBe(1);
  });

  it('refuses impossible requests', () => {
    expect(() => generateMaze({ seed: 1, size: 31 })).toThrow(RangeError);
    expect(() => generateMaze({ seed: 1, size: 5, minPathLength: 100, attempts: 3 })).toThrow(RangeError);
  });
});
