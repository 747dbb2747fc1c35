import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeArcGrid } from '../../main/puzzles/index.ts';
import type { HistoryEntry, SolveSummary } from '../../preload/api.ts';
import { installStandInCore } from './stand-in-core.ts';

const summary: SolveSummary = {
  id: 'a1',
  kind: 'sudoku',
  createdAt: '2026-11-28T10:00:00Z',
  sourceFile: 'week1.txt',
  modelId: 'sudoku-7m',
  status: 'solved',
  steps: 2,
  verified: true,
  totalMs: 40,
  label: '',
};
const blankTokens = Array<number>(81).fill(1);
const detail: HistoryEntry = {
  ...summary,
  puzzle: { kind: 'sudoku', source: { file: 'week1.txt' }, givens: Array<number>(81).fill(0) },
  modelSha256: 'ab'.repeat(32),
  provider: 'cpu',
  options: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
  trace: [
    { cells: blankTokens.map((t, i) => (i === 0 ? 6 : t)), haltProbability: 0.3 },
    { cells: blankTokens.map((t, i) => (i < 2 ? 6 + i : t)), haltProbability: 0.9 },
  ],
  final: { cells: blankTokens.map((t, i) => (i < 2 ? 6 + i : t)), verified: true, conflicts: [] },
  error: null,
  timings: { totalMs: 40, stepMs: [20, 20] },
  finalConflicts: [],
};

/** Sudoku tokens: 1 a blank, t the digit t - 1. */
const tokensOf = (digits: number[]) => digits.map((d) => d + 1);
const twoFives = Array.from({ length: 81 }, (_, i) => (i === 0 || i === 2 ? 5 : (i % 9) + 1));
const unsolvedSudoku: HistoryEntry = {
  ...detail,
  id: 'u1',
  status: 'unsolved',
  verified: false,
  trace: [
    { cells: tokensOf(twoFives.map((d, i) => (i === 2 ? 0 : d))), haltProbability: 0.4 },
    { cells: tokensOf(twoFives), haltProbability: 0.8 },
  ],
  final: { cells: tokensOf(twoFives), verified: false, conflicts: ['row 1 repeats 5 at r1c1, r1c3'] },
  finalConflicts: [{ message: 'row 1 repeats 5 at r1c1, r1c3', cells: [0, 2] }],
};

const arcTask = {
  kind: 'arc' as const,
  source: { file: 'task.json' },
  taskId: '0a1b2c3d',
  train: [{ input: [[1, 2]], output: [[2, 1]] }],
  test: { input: [[3, 4]], output: [[4, 3]] },
};
const arcEntry: HistoryEntry = {
  ...detail,
  id: 'arc1',
  kind: 'arc',
  sourceFile: 'task.json',
  status: 'unsolved',
  verified: false,
  puzzle: arcTask,
  trace: [
    { cells: [...encodeArcGrid([[3, 4]])], haltProbability: 0.2 },
    { cells: [...encodeArcGrid([[4, 4]])], haltProbability: 0.7 },
  ],
  final: { cells: [...encodeArcGrid([[4, 4]])], verified: false, conflicts: ['row 1, column 2 is 4, expected 3'] },
  finalConflicts: [{ message: 'row 1, column 2 is 4, expected 3', cells: [1] }],
};

let items = [summary];
const core = installStandInCore({
  'history.list': () => ({ total: items.length, items }),
  'history.get': () => detail,
  'history.rerun': () => ({ solveId: 'r1' }),
  'history.delete': () => {
    items = [];
    return { deleted: 1 };
  },
});
const { calls, deliver } = core;
const { default: History } = await import('../../renderer/src/screens/History.svelte');

afterEach(() => {
  cleanup();
  core.answers['history.get'] = () => detail;
});

describe('the History screen', () => {
  it('searches as the user types, a moment after the last key', async () => {
    render(History);
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'week' } });
    await expect
      .poll(() => calls.at(-1))
      .toEqual({
        name: 'history.list',
        args: { offset: 0, limit: 100, query: 'week' },
      });
  });

  it('replays an opened solve from its stored trace, step by step', async () => {
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    const slider = await screen.findByRole('slider', { name: 'Step' });
    expect(slider.getAttribute('aria-valuetext')).toBe('step 2 of 2');
    const board = screen.getByRole('grid', { name: "The model's answer" });
    expect(board.querySelector('[data-cell="1"]')?.getAttribute('aria-label')).toBe('row 1 column 2: 6, changed');
    await fireEvent.input(slider, { target: { value: '1' } });
    expect(board.querySelector('[data-cell="1"]')?.getAttribute('aria-label')).toBe('row 1 column 2: empty');
    expect(screen.getByText('✓ Verified')).toBeTruthy();
  });

  it('ends the replay on the answer the voting copies chose where it differs from the last step', async () => {
    const voted = blankTokens.map((t, i) => (i < 2 ? 8 : t));
    core.answers['history.get'] = () => ({ ...detail, final: { cells: voted, verified: true, conflicts: [] } });
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    const board = await screen.findByRole('grid', { name: "The model's answer" });
    expect(board.querySelector('[data-cell="1"]')?.getAttribute('aria-label')).toBe('row 1 column 2: 7');
    expect(screen.getByText(/After step 2: the answer the voting copies chose/)).toBeTruthy();
  });

  it('re-runs a solve with the current settings and shows its new steps on the same board', async () => {
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Re-run' }));
    expect(calls.at(-1)).toMatchObject({ name: 'history.rerun', args: { id: 'a1' } });
    deliver('solve.step', {
      solveId: 'r1',
      step: 1,
      answer: Array<number>(81).fill(4),
      changed: [0],
      confidence: Array<number>(81).fill(0.5),
      haltProbability: 0.4,
      verified: false,
    });
    expect(await screen.findByText(/Re-running with the current settings: step 1/)).toBeTruthy();
    const board = screen.getByRole('grid', { name: "The model's answer" });
    expect(board.querySelector('[data-cell="0"]')?.getAttribute('aria-label')).toBe('row 1 column 1: 4, changed');
  });

  it('marks the final answer’s conflicts on its final step, by mark and name, as the Solve screen does', async () => {
    core.answers['history.get'] = () => unsolvedSudoku;
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    const board = await screen.findByRole('grid', { name: "The model's answer" });
    const first = () => board.querySelector('[data-cell="0"]');
    expect(first()?.getAttribute('aria-label')).toBe('row 1 column 1: 5, conflict');
    expect(first()?.querySelector('.mark')?.textContent).toBe('!');
    expect(board.querySelector('[data-cell="2"]')?.getAttribute('aria-label')).toBe(
      'row 1 column 3: 5, changed, conflict',
    );
    expect(board.querySelectorAll('.mark')).toHaveLength(2);
    expect(screen.getByText('row 1 repeats 5 at r1c1, r1c3')).toBeTruthy();
    // An earlier step is not the checked answer: nothing is marked there.
    await fireEvent.input(screen.getByRole('slider', { name: 'Step' }), { target: { value: '1' } });
    expect(first()?.getAttribute('aria-label')).toBe('row 1 column 1: 5');
    expect(board.querySelectorAll('.mark')).toHaveLength(0);
  });

  it('replays an ARC answer as a grid, with the cells each step changed and its final wrong cells marked', async () => {
    core.answers['history.get'] = () => arcEntry;
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    const grid = await screen.findByRole('grid', { name: "The model's answer" });
    const cells = () => [...grid.querySelectorAll('[role=gridcell]')].map((c) => c.getAttribute('aria-label'));
    expect(cells()).toEqual(['row 1 column 1: colour 4, changed', 'row 1 column 2: colour 4, conflict']);
    expect(grid.querySelector('[data-cell="0"]')?.classList.contains('changed')).toBe(true);
    expect(grid.querySelector('.mark')?.textContent).toBe('!');
    expect(screen.getByText('row 1, column 2 is 4, expected 3')).toBeTruthy();
    await fireEvent.input(screen.getByRole('slider', { name: 'Step' }), { target: { value: '1' } });
    expect(cells()).toEqual(['row 1 column 1: colour 3', 'row 1 column 2: colour 4']);
  });

  it('deletes only after a second, explicit click', async () => {
    render(History);
    await fireEvent.click(await screen.findByRole('button', { name: /week1\.txt/ }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete…' }));
    expect(calls.some((c) => c.name === 'history.delete')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(calls.at(-2)).toEqual({ name: 'history.delete', args: { ids: ['a1'] } });
    expect(await screen.findByText(/Nothing solved yet/)).toBeTruthy();
  });
});
