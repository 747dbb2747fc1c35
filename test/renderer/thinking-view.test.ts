import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AnswerBoard from '../../renderer/src/components/AnswerBoard.svelte';
import { fromSolveStep, type ThinkingStep } from '../../renderer/src/lib/thinking.ts';
import ThinkingHarness from './ThinkingHarness.svelte';

afterEach(cleanup);

const step = (n: number, halt: number, round = 0): ThinkingStep => ({
  step: n,
  round,
  answer: null,
  changed: Array.from({ length: n }, (_, i) => i),
  confidence: null,
  haltProbability: halt,
});

describe('the step timeline', () => {
  it('follows the newest step as steps arrive', async () => {
    const view = render(ThinkingHarness, { steps: [step(1, 0.1)] });
    const slider = screen.getByRole('slider', { name: 'Step' });
    expect(slider.getAttribute('aria-valuetext')).toBe('step 1 of 1');
    await view.rerender({ steps: [step(1, 0.1), step(2, 0.4), step(3, 0.8)] });
    expect(slider.getAttribute('aria-valuetext')).toBe('step 3 of 3');
    expect(screen.getByText('shown: 3')).toBeTruthy();
  });

  it('stays on a step the user went back to while new ones arrive, until they return to the end', async () => {
    const view = render(ThinkingHarness, { steps: [step(1, 0.1), step(2, 0.4)] });
    await fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.getByText('shown: 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous step' })).toHaveProperty('disabled', true);
    await view.rerender({ steps: [step(1, 0.1), step(2, 0.4), step(3, 0.9)] });
    expect(screen.getByText('shown: 1')).toBeTruthy();
    await fireEvent.input(screen.getByRole('slider', { name: 'Step' }), { target: { value: '3' } });
    await view.rerender({ steps: [step(1, 0.1), step(2, 0.4), step(3, 0.9), step(4, 0.95)] });
    expect(screen.getByText('shown: 4')).toBeTruthy();
  });

  it('plots the halting confidence of every step, readable as text', () => {
    render(ThinkingHarness, { steps: [step(1, 0.1), step(2, 0.55)] });
    expect(screen.getByRole('img', { name: 'Halting confidence by step: step 1 10%, step 2 55%' })).toBeTruthy();
    expect(screen.getByText(/Step 2: 2 cells changed, halting confidence 55%/)).toBeTruthy();
  });

  it('says when a step belongs to a rethinking round', () => {
    render(ThinkingHarness, { steps: [step(1, 0.1), step(2, 0.3, 1)] });
    expect(
      screen.getByText(/Step 2, rethinking round 1 \(its surest cells kept as given\): 2 cells changed/),
    ).toBeTruthy();
  });
});

describe('the answer board', () => {
  it('rings the ARC cells a step changed and names them so, as the Sudoku and maze boards do', () => {
    // The engine reports positions on the model's 30-wide grid: 1 and 30 are cells of this 2x2
    // grid; 2 and 61 are its end-of-grid markers, which are not drawn.
    const arcStep = fromSolveStep({ kind: 'arc' })({
      solveId: 's',
      step: 3,
      answer: [
        [1, 2],
        [3, 4],
      ],
      changed: [1, 2, 30, 61],
      confidence: [],
      haltProbability: 0.5,
      verified: false,
      round: 0,
    });
    expect(arcStep.changed).toEqual([1, 2]);
    render(AnswerBoard, { puzzle: { kind: 'arc' }, step: arcStep, conflicts: new Set([2]) });
    const cells = screen.getByRole('grid', { name: "The model's answer" }).querySelectorAll('[role=gridcell]');
    expect([...cells].map((c) => c.getAttribute('aria-label'))).toEqual([
      'row 1 column 1: colour 1',
      'row 1 column 2: colour 2, changed',
      'row 2 column 1: colour 3, changed, conflict',
      'row 2 column 2: colour 4',
    ]);
    expect([...cells].map((c) => c.classList.contains('changed'))).toEqual([false, true, true, false]);
  });
});
