import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../preload/api.ts';
import { installStandInCore } from './stand-in-core.ts';

const core = installStandInCore({
  'batch.list': () => [],
  'batch.scan': () => ({
    folder: '/p',
    files: [{ path: 'week.txt', kind: 'sudoku', puzzles: 40, problems: [{ line: 3, message: 'expected 81 cells' }] }],
    skipped: [{ path: 'notes.md', reason: 'not a puzzle file' }],
  }),
  'batch.start': () => ({ runId: 'run1' }),
  'batch.cancel': () => ({ cancelled: true }),
});
const { calls, deliver } = core;
const { default: Batch } = await import('../../renderer/src/screens/Batch.svelte');

afterEach(() => {
  cleanup();
  delete core.answers['app.info'];
  delete core.answers['dialog.open'];
});

const progress = (done: number, status: BatchProgress['status'] = 'running'): BatchProgress => ({
  runId: 'run1',
  done,
  total: 40,
  solved: done - 1,
  puzzlesPerSecond: 4,
  etaSeconds: (40 - done) / 4,
  accuracy: (done - 1) / done,
  status,
});

describe('the Batch screen', () => {
  it('shows what a folder holds, what was skipped and why, then follows the run it starts', async () => {
    render(Batch);
    await fireEvent.input(screen.getByLabelText('Folder of puzzle files'), { target: { value: '/p' } });
    await fireEvent.submit(screen.getByRole('button', { name: 'Scan' }));
    expect(await screen.findByRole('heading', { name: 'Found 40 puzzles in 1 file' })).toBeTruthy();
    expect(screen.getByText('notes.md')).toBeTruthy();
    expect(screen.getByText(/not a puzzle file/)).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    deliver('batch.progress', progress(10));
    expect(await screen.findByText(/10 of 40 puzzles · 4\.0 puzzles\/s · ETA 8 s · solved so far 90\.0%/)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Puzzles done' }).getAttribute('value')).toBe('10');

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.at(-1)).toEqual({ name: 'batch.cancel', args: { runId: 'run1' } });
    deliver('batch.progress', progress(12, 'cancelled'));
    expect(await screen.findByRole('heading', { name: /^Cancelled/ })).toBeTruthy();
  });

  it('offers the system’s folder dialog where the door has one, and scans the folder chosen', async () => {
    core.answers['app.info'] = () => ({ dialogs: true });
    core.answers['dialog.open'] = () => ({ path: '/home/me/puzzles' });
    render(Batch);
    await fireEvent.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    expect(calls.find((c) => c.name === 'dialog.open')?.args).toEqual({
      kind: 'folder',
      title: 'Choose a folder of puzzle files',
    });
    expect(await screen.findByRole('heading', { name: 'Found 40 puzzles in 1 file' })).toBeTruthy();
    expect(calls.at(-1)).toEqual({ name: 'batch.scan', args: { folder: '/home/me/puzzles' } });
    expect((screen.getByLabelText('Folder of puzzle files') as HTMLInputElement).value).toBe('/home/me/puzzles');
  });

  it('keeps to the typed path where the door has no dialogs (browser mode)', async () => {
    core.answers['app.info'] = () => ({ dialogs: false });
    render(Batch);
    await expect.poll(() => calls.some((c) => c.name === 'app.info')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Choose folder…' })).toBeNull();
    expect(screen.getByLabelText('Folder of puzzle files')).toBeTruthy();
  });
});
