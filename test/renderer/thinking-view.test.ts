import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThinkingStep } from '../../renderer/src/lib/thinking.ts';
import ThinkingHarness from './ThinkingHarness.svelte';

afterEach(cleanup);

const step = (n: number, halt: number): ThinkingStep => ({
  step: n,
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
});
