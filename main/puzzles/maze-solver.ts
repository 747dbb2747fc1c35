// Breadth-first search on maze grids: the shortest S-to-G length, one shortest path and
// how many there are (capped), in preallocated buffers so 30x30 runs at memory speed.
import { type SolveReport, SOLUTION_COUNT_CAP } from './kind.ts';
import type { MazeCell, MazePuzzle } from './types.ts';

export const MAX_MAZE_SIZE = 30;
const MAX_CELLS = MAX_MAZE_SIZE * MAX_MAZE_SIZE;

const distance = new Int16Array(MAX_CELLS);
const ways = new Uint8Array(MAX_CELLS);
const queue = new Int16Array(MAX_CELLS);
const around = new Int16Array(4);

/** Writes the orthogonal neighbours of `cell` into `out`; returns how many there are. */
function neighbours(cell: number, rows: number, cols: number, out: Int16Array): number {
  const row = Math.floor(cell / cols);
  const col = cell - row * cols;
  let n = 0;
  if (row > 0) out[n++] = cell - cols;
  if (row < rows - 1) out[n++] = cell + cols;
  if (col > 0) out[n++] = cell - 1;
  if (col < cols - 1) out[n++] = cell + 1;
  return n;
}

/**
 * Distances from `from` to every cell reachable through cells where `open(cell)` holds,
 * -1 elsewhere; shortest-path counts capped at SOLUTION_COUNT_CAP. Reads stay valid until the next call.
 */
function breadthFirst(
  rows: number,
  cols: number,
  from: number,
  open: (cell: number) => boolean,
): { distance: Int16Array; ways: Uint8Array } {
  const size = rows * cols;
  if (size > MAX_CELLS) throw new RangeError(`maze ${rows}x${cols} exceeds ${MAX_MAZE_SIZE}x${MAX_MAZE_SIZE}`);
  distance.fill(-1, 0, size);
  ways.fill(0, 0, size);
  distance[from] = 0;
  ways[from] = 1;
  queue[0] = from;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const cell = queue[head++] as number;
    const next = (distance[cell] as number) + 1;
    const count = neighbours(cell, rows, cols, around);
    for (let k = 0; k < count; k++) {
      const n = around[k] as number;
      if (!open(n)) continue;
      const d = distance[n] as number;
      if (d < 0) {
        distance[n] = next;
        ways[n] = ways[cell] as number;
        queue[tail++] = n;
      } else if (d === next) {
        ways[n] = Math.min(SOLUTION_COUNT_CAP, (ways[n] as number) + (ways[cell] as number));
      }
    }
  }
  return { distance, ways };
}

export interface MazeRoute {
  /** Moves from S to G; -1 when G cannot be reached. */
  steps: number;
  /** Shortest paths, capped at SOLUTION_COUNT_CAP. */
  count: number;
  /** One shortest path, S and G included; empty when unreachable. */
  cells: number[];
}

/** Steps from `from` to every cell (-1 where unreachable), stepping only on cells where `open` holds. */
export function distancesFrom(rows: number, cols: number, from: number, open: (cell: number) => boolean): Int16Array {
  return breadthFirst(rows, cols, from, open).distance.slice(0, rows * cols);
}

/** The shortest route from S to G through non-wall cells. */
export function shortestRoute(rows: number, cols: number, cells: readonly MazeCell[]): MazeRoute {
  const start = cells.indexOf('start');
  const goal = cells.indexOf('goal');
  if (start < 0 || goal < 0) return { steps: -1, count: 0, cells: [] };
  const search = breadthFirst(rows, cols, start, (cell) => cells[cell] !== 'wall');
  const steps = search.distance[goal] as number;
  if (steps < 0) return { steps, count: 0, cells: [] };
  // Walk back from G along decreasing distances.
  const path = [goal];
  let cell = goal;
  while (cell !== start) {
    const previous = (search.distance[cell] as number) - 1;
    const count = neighbours(cell, rows, cols, around);
    for (let k = 0; k < count; k++) {
      if (search.distance[around[k] as number] === previous) {
        cell = around[k] as number;
        break;
      }
    }
    path.push(cell);
  }
  return { steps, count: search.ways[goal] as number, cells: path.reverse() };
}

export function solveMaze(puzzle: MazePuzzle): SolveReport<MazeCell[]> {
  const route = shortestRoute(puzzle.rows, puzzle.cols, puzzle.cells);
  if (route.steps < 0) return { solutions: 0, answer: null };
  const answer = [...puzzle.cells];
  for (const cell of route.cells.slice(1, -1)) answer[cell] = 'path';
  return { solutions: route.count, answer };
}
