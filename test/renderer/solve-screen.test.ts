import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../preload/client.ts';

// The component test stands in for the core; the end-to-end suite uses the real one.
const calls: { name: string; args: unknown }[] = [];
const transport: Transport = {
  async call(name, args) {
    calls.push({ name, args });
    if (name === 'puzzles.parse') {
      const text = (args as { text: string }).text;
      const readable = !text.startsWith('x');
      return {
        ok: true,
        value: {
          file: 'pasted text',
          kind: 'sudoku',
          puzzles: readable
            ? [{ kind: 'sudoku', source: { file: 'pasted text', line: 1 }, givens: Array(81).fill(0) }]
            : [],
          errors: readable
            ? []
            : [{ source: { file: 'pasted text', line: 2 }, message: 'expected 81 cells, found 80' }],
        },
      };
    }
    return { ok: false, error: { code: 'unavailable', message: 'No sudoku model is installed.' } };
  },
  listen: () => () => {},
};
window.trmIpc = transport;
const { default: Solve } = await import('../../renderer/src/screens/Solve.svelte');

afterEach(cleanup);

describe('the Solve screen', () => {
  it('keeps its buttons disabled until there is something to read', async () => {
    render(Solve);
    expect(screen.getByRole('button', { name: 'Read' })).toHaveProperty('disabled', true);
    await fireEvent.input(screen.getByLabelText('Puzzle'), { target: { value: '1.2' } });
    expect(screen.getByRole('button', { name: 'Read' })).toHaveProperty('disabled', false);
  });

  it('shows what the core read, with each problem and its line', async () => {
    render(Solve);
    await fireEvent.input(screen.getByLabelText('Puzzle'), { target: { value: 'x\n' + '1'.repeat(80) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    expect(await screen.findByText('0 Sudokus read, 1 problem')).toBeTruthy();
    expect(screen.getByText('line 2: expected 81 cells, found 80')).toBeTruthy();
    expect(calls.at(-1)).toEqual({ name: 'puzzles.parse', args: { text: 'x\n' + '1'.repeat(80) } });
  });

  it('shows the puzzle on a board and the core’s explanation when it cannot be solved', async () => {
    render(Solve);
    await fireEvent.input(screen.getByLabelText('Puzzle'), { target: { value: '.'.repeat(81) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No sudoku model is installed.');
    expect(screen.getByRole('grid', { name: 'Sudoku board' })).toBeTruthy();
  });
});
