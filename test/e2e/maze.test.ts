// A maze drawn with the mouse, solved by the maze model, its answer checked: what the board
// shows must be exactly what the core's own verification says of it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MazeCell, MazePuzzle } from '../../main/puzzles/index.ts';
import { maze as mazeKind } from '../../main/puzzles/index.ts';
import { tinyModelsDir } from '../engine/fixture-models.ts';
import type { OpenApp } from './browser.ts';
import { openApp, screenshot } from './browser.ts';

const shippedModels = fileURLToPath(new URL('../../models/', import.meta.url));

/** The shipped models when one of them solves mazes; until then the tiny maze fixture model. */
async function mazeModelsDir(): Promise<string | undefined> {
  const manifest = `${shippedModels}manifest.json`;
  const { models } = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { models: { kind: string }[] })
    : { models: [] };
  return models.some((m) => m.kind === 'maze') ? undefined : tinyModelsDir('tiny-maze', undefined, 'maze');
}

const cellNames: Record<string, MazeCell> = { wall: 'wall', open: 'open', start: 'start', goal: 'goal', path: 'path' };

/** The cells a maze board shows, read from the names it gives each cell. */
async function boardCells(page: Page, name: string): Promise<MazeCell[]> {
  const labels = await page
    .getByRole('grid', { name })
    .getByRole('gridcell')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
  return labels.map((label) => cellNames[/: (\w+)/.exec(label)![1]!]!);
}

describe('drawing a maze and solving it with the maze model', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ modelsDir: await mazeModelsDir() });
    page = app.page;
  });

  afterAll(() => app?.close());

  it('draws a wall by dragging and moves the goal by clicking', async () => {
    await page.getByRole('radio', { name: 'Maze' }).check();
    const board = page.getByRole('grid', { name: 'Maze' });
    // the blank 11x11 maze: S top left, G bottom right; a wall across row 6 leaves a gap at the right
    const from = await board.getByRole('gridcell', { name: 'row 6 column 2: open' }).boundingBox();
    const to = await board.getByRole('gridcell', { name: 'row 6 column 9: open' }).boundingBox();
    await page.mouse.move(from!.x + 5, from!.y + 5);
    await page.mouse.down();
    await page.mouse.move(to!.x + 5, to!.y + 5, { steps: 12 });
    await page.mouse.up();
    expect(await board.getByRole('gridcell', { name: /^row 6 column \d+: wall/ }).count()).toBe(10);
    await page.getByRole('radio', { name: 'Goal (G)' }).check();
    await board.getByRole('gridcell', { name: 'row 8 column 3: open' }).click();
    expect(await board.getByRole('gridcell', { name: /: goal/ }).count()).toBe(1);
  });

  it("solves it and shows a verdict that matches the core's check of the answer on the board", async () => {
    const drawn = await boardCells(page, 'Maze');
    await page.keyboard.press('Control+Enter');
    const verdict = page.locator('.verdict');
    await verdict.waitFor({ timeout: 60_000 });
    const answer = await boardCells(page, "The model's answer");
    const puzzle: MazePuzzle = { kind: 'maze', source: { file: 'drawn' }, rows: 11, cols: 11, cells: drawn };
    const check = mazeKind.verify(puzzle, answer);
    expect(await verdict.textContent()).toMatch(check.ok ? /Verified/ : /Not solved/);
    if (!check.ok) expect(await page.getByText(check.conflicts[0]!.message).count()).toBeGreaterThan(0);
    await screenshot(page, 'solve-maze-answer');
  });
});
