// Mazes as the editor holds them, and the text the core reads back (`#` wall, space open,
// S start, G goal).
import type { MazeCell } from '../../../main/puzzles/types.ts';
import { MODEL_WIDTH } from './model-grid.ts';

export interface MazeDraft {
  rows: number;
  cols: number;
  cells: MazeCell[];
}

const charOf: Record<MazeCell, string> = { wall: '#', open: ' ', start: 'S', goal: 'G', path: 'o' };

/** A walled room with S in one corner and G in the other: a place to start drawing. */
export function blankMaze(size: number): MazeDraft {
  const cells: MazeCell[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) cells.push(r === 0 || c === 0 || r === size - 1 || c === size - 1 ? 'wall' : 'open');
  }
  cells[size + 1] = 'start';
  cells[size * (size - 2) + size - 2] = 'goal';
  return { rows: size, cols: size, cells };
}

export function formatMaze(maze: MazeDraft): string {
  const lines: string[] = [];
  for (let r = 0; r < maze.rows; r++) {
    lines.push(
      maze.cells
        .slice(r * maze.cols, (r + 1) * maze.cols)
        .map((cell) => charOf[cell === 'path' ? 'open' : cell])
        .join(''),
    );
  }
  return lines.join('\n');
}

/**
 * Paints one cell. There is one S and one G: placing either moves it, and painting over
 * either leaves it where it is (the maze would lose its ends).
 */
export function paintMaze(cells: readonly MazeCell[], index: number, tool: MazeCell): MazeCell[] {
  const current = cells[index];
  if (current === undefined || current === tool || current === 'start' || current === 'goal') return [...cells];
  const next = tool === 'start' || tool === 'goal' ? cells.map((cell) => (cell === tool ? 'open' : cell)) : [...cells];
  next[index] = tool;
  return next;
}

const cellOfToken: readonly MazeCell[] = ['wall', 'open', 'start', 'goal', 'path'];

/** History keeps the model's tokens: 1..5 are `# SGo`, row-major on the 30-wide grid. */
export function mazeFromTokens(tokens: readonly number[], rows: number, cols: number): MazeCell[] {
  const cells: MazeCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cells.push(cellOfToken[(tokens[r * MODEL_WIDTH + c] ?? 0) - 1] ?? 'open');
  }
  return cells;
}
