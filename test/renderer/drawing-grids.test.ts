import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ArcGrid from '../../renderer/src/components/ArcGrid.svelte';
import MazeBoard from '../../renderer/src/components/MazeBoard.svelte';
import { blankMaze } from '../../renderer/src/lib/maze.ts';

afterEach(cleanup);

describe('the maze editor', () => {
  it('paints every cell a drag passes over, and stops when the button is let go', async () => {
    const onpaint = vi.fn();
    const maze = blankMaze(5);
    render(MazeBoard, { ...maze, label: 'Maze', onpaint });
    const cell = (r: number, c: number) => screen.getByRole('gridcell', { name: new RegExp(`^row ${r} column ${c}:`) });
    await fireEvent.pointerDown(cell(2, 2));
    await fireEvent.pointerEnter(cell(2, 3));
    await fireEvent.pointerEnter(cell(3, 3));
    await fireEvent.pointerUp(window);
    await fireEvent.pointerEnter(cell(4, 4));
    expect(onpaint.mock.calls.map(([i]) => i)).toEqual([6, 7, 12]);
  });

  it('is drawn from the keyboard too: arrows move, Space paints', async () => {
    const onpaint = vi.fn();
    render(MazeBoard, { ...blankMaze(5), label: 'Maze', onpaint });
    const grid = screen.getByRole('grid', { name: 'Maze' });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowRight' });
    await fireEvent.keyDown(grid, { key: ' ' });
    expect(onpaint).toHaveBeenCalledWith(6);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('row 2 column 2: start');
  });

  it('names each cell, so S, G and the path are not told by colour alone', () => {
    const maze = blankMaze(3);
    render(MazeBoard, { rows: 3, cols: 3, cells: maze.cells.map((c, i) => (i === 4 ? 'path' : c)), label: 'Answer' });
    expect(screen.getByRole('grid', { name: 'Answer' }).getAttribute('aria-readonly')).toBe('true');
    expect(screen.getByRole('gridcell', { name: 'row 2 column 2: path' })).toBeTruthy();
  });
});

describe('the ARC grid editor', () => {
  it('paints a clicked cell, and the focused one on Enter', async () => {
    const onpaint = vi.fn();
    render(ArcGrid, {
      grid: [
        [0, 1],
        [2, 3],
      ],
      label: 'Test input',
      onpaint,
    });
    await fireEvent.pointerDown(screen.getByRole('gridcell', { name: 'row 2 column 1: colour 2' }));
    const grid = screen.getByRole('grid', { name: 'Test input' });
    await fireEvent.keyDown(grid, { key: 'ArrowRight' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onpaint.mock.calls).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});
