import { describe, expect, it } from 'vitest';
import { blankMaze, formatMaze, mazeFromTokens, paintMaze } from '../../renderer/src/lib/maze.ts';
import { stepCellsOnGrid } from '../../renderer/src/lib/model-grid.ts';
import { parseInline, parseMarkdown } from '../../renderer/src/lib/markdown.ts';
import { readRunSettings, votesNote } from '../../renderer/src/lib/run-settings.svelte.ts';
import { endingOn, fromSolveStep, fromTrace } from '../../renderer/src/lib/thinking.ts';

describe('maze drafts', () => {
  it('starts as a walled room with S and G, written as the core reads mazes', () => {
    expect(formatMaze(blankMaze(5))).toBe('#####\n#S  #\n#   #\n#  G#\n#####');
  });

  it('keeps one S and one G: placing one moves it, painting over one leaves it', () => {
    const maze = blankMaze(5);
    const moved = paintMaze(maze.cells, 12, 'start');
    expect(moved.filter((c) => c === 'start')).toHaveLength(1);
    expect(moved[12]).toBe('start');
    expect(paintMaze(moved, 12, 'wall')[12]).toBe('start');
    expect(paintMaze(moved, 7, 'wall')[7]).toBe('wall');
  });

  it('maps what the engine reports on its 30-wide grid onto the maze’s own cells', () => {
    const confidence = new Array<number>(900).fill(0.5);
    confidence[31] = 0.9;
    const cells = stepCellsOnGrid([1, 31, 45], confidence, 2, 3);
    expect(cells.changed).toEqual([1, 4]);
    expect(cells.confidence).toEqual([0.5, 0.5, 0.5, 0.5, 0.9, 0.5]);
  });

  it('reads history tokens from the model’s 30-wide grid', () => {
    const tokens = new Array<number>(900).fill(1);
    tokens[31] = 3;
    tokens[32] = 5;
    expect(mazeFromTokens(tokens, 2, 3)).toEqual(['wall', 'wall', 'wall', 'wall', 'start', 'path']);
  });
});

describe('model card Markdown', () => {
  it('parses headings, paragraphs, lists, tables and code into plain values', () => {
    const blocks = parseMarkdown(
      [
        '# Sudoku TRM',
        '',
        'Trained on **1k** puzzles with `train.py`,',
        'see [the paper](https://example.org).',
        '',
        '- EMA',
        '- ACT',
        '',
        '| Set | Accuracy |',
        '|---|---:|',
        '| extreme | 87% |',
        '',
        '```',
        'npm run bench',
        '```',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'code']);
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      text: [
        { kind: 'text', text: 'Trained on ' },
        { kind: 'strong', text: '1k' },
        { kind: 'text', text: ' puzzles with ' },
        { kind: 'code', text: 'train.py' },
        { kind: 'text', text: ', see the paper.' },
      ],
    });
    expect(blocks[3]).toMatchObject({ kind: 'table', rows: [[[{ text: 'extreme' }], [{ text: '87%' }]]] });
  });

  it('keeps markup as text, never as HTML', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('run settings', () => {
  it('falls back to the defaults for anything damaged or out of range', () => {
    expect(readRunSettings(null)).toEqual({ policy: 'verified', maxSteps: 16, augmentations: 7, rethinks: 8 });
    expect(readRunSettings('{oops')).toEqual({ policy: 'verified', maxSteps: 16, augmentations: 7, rethinks: 8 });
    expect(readRunSettings('{"policy":"fixed","maxSteps":500,"augmentations":-2}')).toEqual({
      policy: 'fixed',
      maxSteps: 64,
      augmentations: 0,
      rethinks: 8,
    });
  });
});

describe('replaying a trace', () => {
  it('numbers the steps, keeps their rethinking rounds and recomputes what changed against the step before', () => {
    const steps = fromTrace(
      { kind: 'sudoku', givens: [] },
      [
        { cells: [1, 1, 1], haltProbability: 0.1 }, // stored before the app could rethink: round 0
        { cells: [1, 3, 1], haltProbability: 0.6, round: 0 },
        { cells: [2, 3, 1], haltProbability: 0.7, round: 1 },
      ],
      (tokens) => tokens.map((t) => t * 10),
    );
    expect(steps.map((s) => [s.step, s.round, s.changed, s.answer])).toEqual([
      [1, 0, [], [10, 10, 10]],
      [2, 0, [1], [10, 30, 10]],
      [3, 1, [0], [20, 30, 10]],
    ]);
  });

  it('counts a maze’s own cells, not the padding of the model’s grid the model rewrote', () => {
    const before = new Array<number>(900).fill(1);
    const after = [...before];
    after[31] = 5; // row 1, column 1: cell 4 of a 2x3 maze
    after[45] = 2; // padding
    const maze = { kind: 'maze', rows: 2, cols: 3, cells: [] } as const;
    const steps = fromTrace(
      maze,
      [
        { cells: before, haltProbability: 0.1 },
        { cells: after, haltProbability: 0.6 },
      ],
      (tokens) => mazeFromTokens(tokens, 2, 3),
    );
    expect(steps[1]!.changed).toEqual([4]);
  });
});

describe('the last step shown', () => {
  const step = (n: number, answer: number[]) => ({
    step: n,
    round: 0,
    answer,
    changed: [0],
    confidence: null,
    haltProbability: 0.4,
  });

  it('is the puzzle’s own last step when that is the final answer, or there is none yet', () => {
    const steps = [step(1, [1, 0]), step(2, [1, 2])];
    expect(endingOn(steps, [1, 2])).toEqual(steps);
    expect(endingOn(steps, null)).toEqual(steps);
    expect(endingOn([], [1, 2])).toEqual([]);
  });

  it('shows the answer voting chose in place of a different last step, marked as such', () => {
    const shown = endingOn([step(1, [1, 0]), step(2, [1, 3])], [1, 2]);
    expect(shown[0]).toEqual(step(1, [1, 0]));
    expect(shown[1]).toEqual({ ...step(2, [1, 2]), changed: [], voted: true });
  });
});

describe('streamed steps', () => {
  const streamed = (changed: number[], answer: unknown = null) => ({
    solveId: 's',
    step: 1,
    answer,
    changed,
    confidence: Array.from({ length: 900 }, (_, i) => (i === 31 ? 0.9 : 0.5)),
    haltProbability: 0.2,
    verified: false,
    round: 0,
  });

  it('give a maze step its changes and confidence by the maze’s cells', () => {
    const all900 = Array.from({ length: 900 }, (_, i) => i);
    const step = fromSolveStep({ kind: 'maze', rows: 2, cols: 3, cells: [] })(streamed(all900));
    expect(step.changed).toEqual([0, 1, 2, 3, 4, 5]);
    expect(step.confidence).toEqual([0.5, 0.5, 0.5, 0.5, 0.9, 0.5]);
  });

  it('keep a Sudoku step as the engine sent it', () => {
    const step = fromSolveStep({ kind: 'sudoku', givens: [] })(streamed([3, 80]));
    expect(step.changed).toEqual([3, 80]);
    expect(step.confidence).toHaveLength(900);
  });
});

describe('the verdict of a voted solve', () => {
  it('says how many views gave the answer, and nothing when the puzzle ran alone', () => {
    expect(votesNote({ agreed: 6, views: 8 })).toBe(
      ' 6 of 8 views (the puzzle and 7 transformed copies) gave this answer.',
    );
    expect(votesNote({ agreed: 1, views: 1 })).toBe('');
  });
});
