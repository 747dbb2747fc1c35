import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { installStandInCore } from './stand-in-core.ts';

const puzzle = '53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79';
const solution = '534678912672195348198342567859761423426853791713924856961537284287419635345286179';
/** The solution with r1c3 wrong: a 5 that repeats r1c1's. */
const wrong = [...solution].map((d, i) => (i === 2 ? 5 : Number(d)));

const core = installStandInCore(
  {
    'solve.start': () => ({ solveId: 's1' }),
    'solve.cancel': () => ({ cancelled: true }),
    'puzzles.parse': (args) => {
      const lines = (args as { text: string }).text.split('\n');
      const puzzles = lines.map((line, i) => ({
        kind: 'sudoku',
        source: { file: 'week.txt', line: i + 1, index: i },
        givens: [...line].map((ch) => (ch === '.' ? 0 : Number(ch))),
      }));
      return { file: 'week.txt', kind: 'sudoku', puzzles, errors: [] };
    },
  },
  'No sudoku model is installed.',
);
const { calls, deliver } = core;
const { default: Solve } = await import('../../renderer/src/screens/Solve.svelte');
const { resetSolveDraft } = await import('../../renderer/src/lib/solve-draft.ts');

afterEach(() => {
  cleanup();
  resetSolveDraft();
  calls.length = 0;
});

const board = () => screen.getByRole('grid', { name: 'Puzzle' });
const cell = (row: number, col: number) =>
  within(board()).getByRole('gridcell', { name: new RegExp(`^row ${row} column ${col}:`) });
const status = () => screen.getAllByRole('status')[0]?.textContent ?? '';
/** The Solve screen, running the example puzzle. */
async function solving() {
  render(Solve);
  await fireEvent.paste(board(), { clipboardData: { getData: () => puzzle } });
  await fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
}
/** A step of solve s1 from the core, with what this test cares about. */
const stream = (step: Record<string, unknown>) =>
  deliver('solve.step', {
    solveId: 's1',
    round: 0,
    changed: [],
    confidence: Array(81).fill(1),
    haltProbability: 0.5,
    verified: false,
    ...step,
  });
/** The core's word that solve s1 ended, with what this test cares about. */
const finish = (outcome: Record<string, unknown>) =>
  deliver('solve.done', {
    solveId: 's1',
    model: { id: 'm', sha256: 'x', provider: 'cpu', fallbacks: [] },
    haltProbability: 0.5,
    elapsedMs: 12,
    ...outcome,
  });

/** The core's word that solve s1 ended on the solution. */
const finishSolved = (steps: number, votes = { agreed: 1, views: 1 }) =>
  finish({ status: 'solved', steps, answer: [...solution].map(Number), conflicts: [], votes });
/** The verdict's text, once it says the answer is verified. */
const verifiedVerdict = async () => (await screen.findByText('✓ Verified')).closest('[role=status]')?.textContent;

describe('the Solve screen', () => {
  it('takes digits from the keyboard, moves with arrows and Tab, and clears with Backspace', async () => {
    render(Solve);
    await fireEvent.click(cell(1, 1));
    await fireEvent.keyDown(board(), { key: '5' });
    await fireEvent.keyDown(board(), { key: 'ArrowRight' });
    await fireEvent.keyDown(board(), { key: '3' });
    await fireEvent.keyDown(board(), { key: 'Tab' });
    await fireEvent.keyDown(board(), { key: '7' });
    expect(cell(1, 1).textContent?.trim()).toBe('5');
    expect(cell(1, 2).textContent?.trim()).toBe('3');
    expect(cell(1, 3).textContent?.trim()).toBe('7');
    expect(document.activeElement).toBe(cell(1, 3));
    await fireEvent.keyDown(board(), { key: 'Backspace' });
    expect(cell(1, 3).getAttribute('aria-label')).toBe('row 1 column 3: empty');
    expect(document.activeElement).toBe(cell(1, 2));
    expect(status()).toContain('2 givens, no conflicts');
  });

  it('marks both cells of a repeated digit, in words as well as colour, and refuses to solve', async () => {
    render(Solve);
    await fireEvent.click(cell(4, 4));
    await fireEvent.keyDown(board(), { key: '8' });
    await fireEvent.keyDown(board(), { key: 'ArrowDown' });
    await fireEvent.keyDown(board(), { key: '8' });
    expect(cell(4, 4).getAttribute('aria-label')).toBe('row 4 column 4: 8, conflict');
    expect(cell(5, 4).getAttribute('aria-label')).toBe('row 5 column 4: 8, conflict');
    expect(status()).toContain('2 cells in conflict');
    expect(screen.getByRole('button', { name: 'Solve' })).toHaveProperty('disabled', true);
  });

  it('fills the grid from a pasted line', async () => {
    render(Solve);
    const data = { getData: () => puzzle };
    await fireEvent.paste(board(), { clipboardData: data });
    expect(cell(1, 1).textContent?.trim()).toBe('5');
    expect(cell(9, 9).textContent?.trim()).toBe('9');
    expect(status()).toContain('30 givens');
  });

  it('takes a pasted puzzle with nothing focused, and leaves text fields their own paste', async () => {
    render(Solve);
    await fireEvent.paste(document.body, { clipboardData: { getData: () => puzzle } });
    expect(cell(1, 2).textContent?.trim()).toBe('3');
    await fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Paste text…' }));
    await fireEvent.paste(screen.getByLabelText('Puzzle text'), { clipboardData: { getData: () => puzzle } });
    expect(cell(1, 2).getAttribute('aria-label')).toBe('row 1 column 2: empty');
  });

  it('streams the steps, follows the newest, scrubs back, and says the answer is verified', async () => {
    render(Solve);
    await fireEvent.paste(board(), { clipboardData: { getData: () => puzzle } });
    await fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
    expect(calls.at(-1)).toMatchObject({ name: 'solve.start', args: { text: puzzle } });
    const half = [...solution].map((d, i) => (i < 40 || puzzle[i] !== '.' ? Number(d) : 0));
    deliver('solve.step', {
      solveId: 's1',
      step: 1,
      answer: half,
      changed: [2, 3],
      confidence: Array(81).fill(0.5),
      haltProbability: 0.2,
      verified: false,
    });
    deliver('solve.step', {
      solveId: 's1',
      step: 2,
      answer: [...solution].map(Number),
      changed: [60],
      confidence: Array(81).fill(1),
      haltProbability: 0.9,
      verified: true,
    });
    const slider = await screen.findByRole('slider', { name: 'Step' });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('step 2 of 2');
    await fireEvent.input(slider, { target: { value: '1' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('step 1 of 2');
    const answer = screen.getByRole('grid', { name: "The model's answer" });
    expect(within(answer).getByRole('gridcell', { name: /^row 1 column 3: 4, changed$/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /step 1 20%, step 2 90%/ })).toBeTruthy();
    finishSolved(2, { agreed: 5, views: 8 });
    const verdict = await verifiedVerdict();
    expect(verdict).toContain('after 2 steps');
    expect(verdict).toContain('5 of 8 views (the puzzle and 7 transformed copies) gave this answer.');
  });

  it('marks the wrong answer’s conflicts on the final step only, by mark and name', async () => {
    await solving();
    for (const step of [1, 2]) stream({ step, answer: wrong });
    finish({
      status: 'unsolved',
      steps: 2,
      answer: wrong,
      conflicts: [{ message: 'row 1 repeats 5 at r1c1, r1c3', cells: [0, 2] }],
      votes: { agreed: 1, views: 1 },
    });
    expect(await screen.findByText('row 1 repeats 5 at r1c1, r1c3')).toBeTruthy();
    const answer = screen.getByRole('grid', { name: "The model's answer" });
    expect(within(answer).getByRole('gridcell', { name: 'row 1 column 3: 5, conflict' })).toBeTruthy();
    expect(answer.querySelectorAll('.mark')).toHaveLength(2);
    await fireEvent.input(screen.getByRole('slider', { name: 'Step' }), { target: { value: '1' } });
    expect(answer.querySelectorAll('.mark')).toHaveLength(0);
  });

  it('ends the board on the answer a voting copy found when the puzzle as given ended on a wrong one', async () => {
    await solving();
    stream({ step: 1, answer: wrong, changed: [2] });
    finishSolved(1, { agreed: 1, views: 8 });
    await screen.findByText('✓ Verified');
    const answer = screen.getByRole('grid', { name: "The model's answer" });
    expect(within(answer).getByRole('gridcell', { name: /^row 1 column 3: 4/ })).toBeTruthy();
    expect(screen.getByText(/After step 1: the answer the voting copies chose/)).toBeTruthy();
  });

  it('asks the core for the default rethinking, and says how often the model rethought before its answer checked out', async () => {
    await solving();
    expect(calls.find((c) => c.name === 'solve.start')?.args).toMatchObject({
      options: { policy: 'verified', rethinks: 8, augmentations: 7 },
    });
    stream({ step: 1, answer: wrong });
    stream({ step: 2, round: 1, answer: wrong });
    stream({ step: 3, round: 2, answer: [...solution].map(Number), verified: true });
    finishSolved(3);
    const verdict = await verifiedVerdict();
    expect(verdict).toContain('It rethought 2 times, each time keeping the cells it was surest of as given.');
    expect(screen.getByText(/Step 3, rethinking round 2/)).toBeTruthy();
  });

  it('solves on Ctrl+Enter and cancels on Escape while the model is thinking', async () => {
    render(Solve);
    await fireEvent.paste(board(), { clipboardData: { getData: () => puzzle } });
    await fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await expect.poll(() => calls.at(-1)?.name).toBe('solve.start');
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(calls.at(-1)).toEqual({ name: 'solve.cancel', args: { solveId: 's1' } });
  });

  it('opens a dropped file of several puzzles as a list to choose from', async () => {
    render(Solve);
    const second = '1' + puzzle.slice(1);
    const file = new File([`${puzzle}\n${second}\n${puzzle}`], 'week.txt');
    await fireEvent.drop(screen.getByRole('region', { name: 'Solve' }), { dataTransfer: { files: [file] } });
    const list = await screen.findByRole('region', { name: 'Puzzles in the file' });
    expect(within(list).getAllByRole('button')).toHaveLength(3);
    await fireEvent.click(within(list).getByRole('button', { name: /^#2, line 2/ }));
    expect(cell(1, 1).textContent?.trim()).toBe('1');
    expect(status()).toContain('week.txt: 3 Sudokus read.');
  });

  it('keeps a half-typed grid when the user leaves the screen and comes back', async () => {
    const first = render(Solve);
    await fireEvent.click(cell(2, 2));
    await fireEvent.keyDown(board(), { key: '7' });
    first.unmount();
    render(Solve);
    expect(cell(2, 2).textContent?.trim()).toBe('7');
  });

  it('says plainly when no model can solve the puzzle', async () => {
    render(Solve);
    await fireEvent.paste(board(), { clipboardData: { getData: () => puzzle } });
    delete core.answers['solve.start'];
    await fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No sudoku model is installed.');
  });
});
