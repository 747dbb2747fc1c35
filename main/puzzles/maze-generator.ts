// Seeded maze generation in two styles: perfect mazes (one route between any two cells,
// carved by a randomised depth-first walk) and open rooms split by walls with doors and
// strewn with obstacles. S and G are placed at least `minPathLength` moves apart.
import { distancesFrom, MAX_MAZE_SIZE, solveMaze } from './maze-solver.ts';
import { type Random, randomInt, seededRandom, shuffle } from './random.ts';
import type { MazeCell, MazePuzzle } from './types.ts';

export type MazeStyle = 'perfect' | 'rooms';

export interface MazeGeneratorOptions {
  seed: number;
  /** Side length, 5 to 30; 30 by default (the model size). */
  size?: number;
  style?: MazeStyle;
  /** Fewest moves from S to G. */
  minPathLength?: number;
  /** Rooms style: the share of floor cells turned into obstacles (default 0.2). */
  obstacles?: number;
  /** Layouts tried before giving up on `minPathLength`. */
  attempts?: number;
}

function perfectMaze(size: number, random: Random): MazeCell[] {
  const cells = new Array<MazeCell>(size * size).fill('wall');
  // Rooms sit at odd coordinates, walls between them; an even size leaves a thicker far wall.
  const last = size % 2 === 0 ? size - 3 : size - 2;
  const start = 1 * size + 1;
  cells[start] = 'open';
  const stack = [start];
  while (stack.length > 0) {
    const cell = stack[stack.length - 1] as number;
    const row = Math.floor(cell / size);
    const col = cell % size;
    const next = shuffle(random, [
      [row - 2, col],
      [row + 2, col],
      [row, col - 2],
      [row, col + 2],
    ]).find(
      ([r, c]) =>
        (r as number) >= 1 &&
        (r as number) <= last &&
        (c as number) >= 1 &&
        (c as number) <= last &&
        cells[(r as number) * size + (c as number)] === 'wall',
    );
    if (next === undefined) {
      stack.pop();
      continue;
    }
    const [r, c] = next as [number, number];
    cells[((row + r) / 2) * size + (col + c) / 2] = 'open';
    cells[r * size + c] = 'open';
    stack.push(r * size + c);
  }
  return cells;
}

function roomsMaze(size: number, obstacles: number, random: Random): MazeCell[] {
  const cells = new Array<MazeCell>(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++)
      cells[r * size + c] = r === 0 || c === 0 || r === size - 1 || c === size - 1 ? 'wall' : 'open';
  }
  const partitions = Math.floor(size / 8);
  for (let k = 0; k < partitions * 2; k++) {
    const vertical = k % 2 === 0;
    const at = 2 + randomInt(random, size - 4);
    const door = 1 + randomInt(random, size - 2);
    for (let i = 1; i < size - 1; i++) {
      if (i !== door) cells[vertical ? i * size + at : at * size + i] = 'wall';
    }
  }
  for (let cell = 0; cell < cells.length; cell++)
    if (cells[cell] === 'open' && random() < obstacles) cells[cell] = 'wall';
  return cells;
}

/** Places S and G at least `minimum` moves apart, or returns false. */
function placeEnds(cells: MazeCell[], size: number, minimum: number, random: Random): boolean {
  const open = cells.flatMap((cell, i) => (cell === 'open' ? [i] : []));
  for (let tries = 0; tries < 4 && open.length > 1; tries++) {
    const start = open[randomInt(random, open.length)] as number;
    const distance = distancesFrom(size, size, start, (cell) => cells[cell] !== 'wall');
    const far = open.filter((cell) => (distance[cell] as number) >= Math.max(1, minimum));
    if (far.length === 0) continue;
    cells[start] = 'start';
    cells[far[randomInt(random, far.length)] as number] = 'goal';
    return true;
  }
  return false;
}

export function generateMaze(options: MazeGeneratorOptions): MazePuzzle {
  const size = options.size ?? MAX_MAZE_SIZE;
  if (!(Number.isInteger(size) && size >= 5 && size <= MAX_MAZE_SIZE))
    throw new RangeError(`maze size must be 5 to ${MAX_MAZE_SIZE}, got ${size}`);
  const random = seededRandom(options.seed);
  const attempts = options.attempts ?? 100;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const cells =
      options.style === 'rooms' ? roomsMaze(size, options.obstacles ?? 0.2, random) : perfectMaze(size, random);
    if (!placeEnds(cells, size, options.minPathLength ?? 1, random)) continue;
    const puzzle: MazePuzzle = {
      kind: 'maze',
      source: { file: 'generated', index: options.seed },
      rows: size,
      cols: size,
      cells,
    };
    const solved = solveMaze(puzzle);
    return solved.answer === null ? puzzle : { ...puzzle, solution: solved.answer };
  }
  throw new RangeError(
    `no ${size}x${size} ${options.style ?? 'perfect'} maze with a path of ${options.minPathLength} moves in ${attempts} attempts`,
  );
}
