import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, EngineReport, EngineSettingsState } from '../../preload/api.ts';
import { installStandInCore } from './stand-in-core.ts';

const info: AppInfo = {
  name: 'TRM',
  version: '0.1.0',
  shell: 'browser',
  platform: 'linux',
  dataDir: '/home/me/.local/share/trm',
  modelsDir: '/opt/trm/models',
  userModelsDir: '/home/me/.local/share/trm/models',
  offline: true,
  dialogs: false,
};
/** What the real engine reports on a Linux machine without a GPU (as the test machine is). */
const cpuOnly = (provider: EngineReport['provider'], threads: number, sessions: EngineReport['sessions']) =>
  ({
    backends: [
      { name: 'cpu', bundled: true },
      { name: 'webgpu', bundled: true },
      { name: 'cuda', bundled: false },
    ],
    providers: [
      { name: 'cpu', detected: true, reason: 'always available' },
      { name: 'dml', detected: false, reason: 'not part of this onnxruntime build' },
      { name: 'coreml', detected: false, reason: 'not part of this onnxruntime build' },
      { name: 'cuda', detected: false, reason: 'no NVIDIA GPU was found (/dev/nvidia0)' },
      { name: 'webgpu', detected: false, reason: 'no GPU render node was found (/dev/dri/renderD128)' },
    ],
    candidates: [{ name: 'cpu', why: 'CPU, always available' }],
    provider,
    threads,
    sessions,
  }) satisfies EngineReport;

const model = { id: 'sudoku-mlp-d64', sha256: 'ab'.repeat(32), provider: 'cpu', fallbacks: [] };
const startingState: EngineSettingsState = {
  active: { provider: 'auto', threads: null },
  saved: { provider: 'auto', threads: null },
  detected: cpuOnly('auto', 4, [model]),
};

const { calls } = installStandInCore({
  'app.info': () => info,
  'settings.get': () => ({ privateMode: false }),
  'engine.settings': () => startingState,
  'engine.configure': (args) => {
    const { provider, threads } = args as { provider: 'cpu'; threads: number };
    return {
      active: { provider, threads },
      saved: { provider, threads },
      detected: cpuOnly(provider, threads, []),
    } satisfies EngineSettingsState;
  },
});
const { default: Settings } = await import('../../renderer/src/screens/Settings.svelte');

afterEach(cleanup);

describe('the Settings screen', () => {
  it('lists what the engine detected beside the accelerator choice, and what the loaded model runs on', async () => {
    render(Settings);
    const form = (await screen.findByLabelText('Run models on')).closest('form');
    // The form names the summary, so a screen reader hears it with the choice.
    const summary = document.getElementById(form?.getAttribute('aria-describedby') ?? '');
    expect(summary?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Detected: CPU; DirectML, CoreML, CUDA, WebGPU not available.',
    );
    const list = screen.getByRole('list', { name: 'Accelerators on this machine' });
    expect(within(list).getByText(/no NVIDIA GPU was found/).textContent).toBe(
      'not available: no NVIDIA GPU was found (/dev/nvidia0)',
    );
    expect(within(list).getAllByText('✓')).toHaveLength(1);
    const options = [...(screen.getByLabelText('Run models on') as HTMLSelectElement).options];
    expect(options.map((o) => o.textContent)).toEqual([
      'Automatic (best available)',
      'CPU',
      'NVIDIA GPU (CUDA) (not detected)',
      'GPU on Windows (DirectML) (not detected)',
      'Apple Neural Engine / GPU (CoreML) (not detected)',
      'GPU (WebGPU) (not detected)',
    ]);
    expect(screen.getByText(/Running with/).textContent).toBe(
      'Running with Automatic (best available) with one thread per physical core (4).',
    );
    const loaded = screen.getByRole('list', { name: 'Models loaded now' });
    expect(loaded.textContent?.replace(/\s+/g, ' ').trim()).toBe('sudoku-mlp-d64 runs on CPU.');
  });

  it('applies a new accelerator and thread count at once and says so', async () => {
    render(Settings);
    const select = await screen.findByLabelText('Run models on');
    await fireEvent.change(select, { target: { value: 'cpu' } });
    await fireEvent.input(screen.getByLabelText('Threads'), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(calls.at(-1)).toEqual({ name: 'engine.configure', args: { provider: 'cpu', threads: 2 } });
    expect(await screen.findByText('Applied: models now run on CPU with 2 threads.')).toBeTruthy();
    expect(screen.getByText(/Running with/).textContent).toBe('Running with CPU with 2 threads.');
    expect(screen.getByText(/No model is loaded yet/)).toBeTruthy();
    expect(screen.queryByText(/next start/)).toBeNull();
  });
});
