import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, ModelSummary } from '../../preload/api.ts';
import { installStandInCore } from './stand-in-core.ts';

const info = (dialogs: boolean): AppInfo => ({
  name: 'TRM',
  version: '0.1.0',
  shell: dialogs ? 'electron' : 'browser',
  platform: 'linux',
  dataDir: '/home/me/.config/TRM',
  modelsDir: '/opt/trm/models',
  userModelsDir: '/home/me/.config/TRM/models',
  offline: true,
  dialogs,
});
const shipped: ModelSummary = {
  id: 'sudoku-mlp-d64',
  kind: 'sudoku',
  file: 'sudoku-mlp-d64.onnx',
  dir: '/opt/trm/models',
  bytes: 1_600_000,
  parameters: 398_000,
  status: { state: 'ok' },
  card: null,
};
const mine: ModelSummary = { ...shipped, id: 'mine', file: 'mine.onnx', dir: '/home/me/.config/TRM/models' };

let models = [shipped];
const core = installStandInCore({
  'app.info': () => info(true),
  'models.list': () => models,
  'models.card': (args) => ({ id: (args as { id: string }).id, markdown: null }),
  'engine.settings': () => ({
    detected: {
      sessions: [{ id: 'sudoku-mlp-d64', sha256: 'ab', provider: 'cpu', fallbacks: ['cuda: no CUDA libraries'] }],
    },
  }),
  'dialog.open': () => ({ path: '/home/me/mine/manifest.json' }),
  'models.import': () => {
    models = [shipped, mine];
    return { imported: ['mine'], refused: [] };
  },
});
const { calls } = core;
const { default: Models } = await import('../../renderer/src/screens/Models.svelte');

afterEach(() => {
  cleanup();
  core.answers['app.info'] = () => info(true);
});

describe('the Models screen', () => {
  it('says what each loaded model runs on, from the engine’s sessions', async () => {
    render(Models);
    const row = await screen.findByRole('row', { name: /^sudoku-mlp-d64/ });
    expect(within(row).getByText('cpu (passed over: cuda: no CUDA libraries)')).toBeTruthy();
  });

  it('imports a model from the manifest chosen in the system’s file dialog', async () => {
    render(Models);
    await fireEvent.click(await screen.findByRole('button', { name: 'Choose file…' }));
    expect(calls.find((c) => c.name === 'dialog.open')?.args).toEqual({
      kind: 'file',
      title: 'Choose the manifest.json of the model to import',
      filters: [{ name: 'Model manifest', extensions: ['json'] }],
    });
    expect(await screen.findByText('✓ Imported mine.')).toBeTruthy();
    expect(calls.find((c) => c.name === 'models.import')?.args).toEqual({ folder: '/home/me/mine/manifest.json' });
    const row = await screen.findByRole('row', { name: /^mine/ });
    expect(within(row).getByText('not loaded yet')).toBeTruthy();
    expect(within(row).getByText('you')).toBeTruthy();
  });

  it('has no dialog button where the door has no dialogs (browser mode): the path is typed', async () => {
    core.answers['app.info'] = () => info(false);
    render(Models);
    await screen.findByRole('row', { name: /^sudoku-mlp-d64/ });
    expect(screen.queryByRole('button', { name: 'Choose file…' })).toBeNull();
    expect(screen.getByLabelText('Folder')).toBeTruthy();
  });
});
