import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiHandlers } from '../../main/app/ui.ts';
import { parsePuzzleText } from '../../main/puzzles/index.ts';
import { tinyModelsDir } from '../engine/fixture-models.ts';

describe('the UI requests', () => {
  it('generates the same readable puzzle for the same seed, with fewer givens when harder', async () => {
    const handlers = uiHandlers({ modelsDir: '/nonexistent', userModelsDir: '/nonexistent' });
    const easy = await handlers['puzzles.generate']({ kind: 'sudoku', difficulty: 'easy', seed: 7 });
    const again = await handlers['puzzles.generate']({ kind: 'sudoku', difficulty: 'easy', seed: 7 });
    const hard = await handlers['puzzles.generate']({ kind: 'sudoku', difficulty: 'hard', seed: 7 });
    expect(again.text).toBe(easy.text);
    const givens = (text: string) => [...text].filter((ch) => ch !== '.').length;
    expect(givens(easy.text)).toBe(40);
    expect(givens(hard.text)).toBeLessThan(30);
    expect(parsePuzzleText(hard.text, 'x').puzzles).toHaveLength(1);
    const maze = await handlers['puzzles.generate']({ kind: 'maze', difficulty: 'easy', seed: 3 });
    expect(parsePuzzleText(maze.text, 'x').kind).toBe('maze');
  });

  it('reads a model card from beside the model, and only from there', async () => {
    const dir = await tinyModelsDir();
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { models: Record<string, unknown>[] };
    manifest.models[0] = { ...manifest.models[0], card: '../../elsewhere/tiny-sudoku.md' };
    await writeFile(manifestPath, JSON.stringify(manifest));
    await writeFile(join(dir, 'tiny-sudoku.md'), '# Tiny\n\nFor tests.');
    const handlers = uiHandlers({ modelsDir: dir, userModelsDir: join(dir, 'user') });
    expect(await handlers['models.card']({ id: 'tiny-sudoku' })).toEqual({
      id: 'tiny-sudoku',
      markdown: '# Tiny\n\nFor tests.',
    });
    await expect(handlers['models.card']({ id: 'nope' })).rejects.toThrow('There is no model nope.');
  });

  it('imports the checked models of a folder into the user’s folder, refusing altered or shipped ones', async () => {
    const appModels = await tinyModelsDir('shipped');
    const userModelsDir = await tinyModelsDir('earlier');
    const handlers = uiHandlers({ modelsDir: appModels, userModelsDir });

    const good = await tinyModelsDir('mine');
    expect(await handlers['models.import']({ folder: good })).toEqual({ imported: ['mine'], refused: [] });
    const user = JSON.parse(await readFile(join(userModelsDir, 'manifest.json'), 'utf8')) as {
      models: { id: string }[];
    };
    expect(user.models.map((m) => m.id)).toEqual(['earlier', 'mine']);

    const altered = await tinyModelsDir('altered', (bytes) => Buffer.concat([bytes, Buffer.from([0])]));
    const refused = await handlers['models.import']({ folder: altered });
    expect(refused.imported).toEqual([]);
    expect(refused.refused[0]?.reason).toMatch(/truncated or replaced/);
    expect((await handlers['models.import']({ folder: appModels })).refused[0]?.reason).toMatch(/ships a model/);
    await expect(handlers['models.import']({ folder: join(good, 'nothing-here') })).rejects.toThrow(/no manifest.json/);
    // What a file dialog picks: the manifest itself.
    const picked = await tinyModelsDir('picked');
    expect(await handlers['models.import']({ folder: join(picked, 'manifest.json') })).toEqual({
      imported: ['picked'],
      refused: [],
    });
  });
});
