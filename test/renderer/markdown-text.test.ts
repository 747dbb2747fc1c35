import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MarkdownText from '../../renderer/src/components/MarkdownText.svelte';

afterEach(cleanup);

describe('a model card on screen', () => {
  it('shows its accuracy table as a table', () => {
    render(MarkdownText, { source: '## Accuracy\n\n| Set | Solved |\n|---|---|\n| extreme | 87% |' });
    expect(screen.getByRole('heading', { name: 'Accuracy' }).tagName).toBe('H4');
    expect(screen.getByRole('columnheader', { name: 'Solved' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '87%' })).toBeTruthy();
  });

  it('shows markup in a card as the text it is', () => {
    const { container } = render(MarkdownText, { source: 'Hi <script>alert(1)</script> <img src=x onerror=alert(2)>' });
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });
});
