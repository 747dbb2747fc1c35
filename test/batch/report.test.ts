import { describe, expect, it } from 'vitest';
import type { BatchReport, ReportItem } from '../../main/batch/index.ts';
import {
  buildReport,
  cellAccuracy,
  compareReports,
  difficultyOf,
  groundTruth,
  renderReportCsv,
  summarize,
} from '../../main/batch/index.ts';
import { percentile, throughput } from '../../main/batch/report.ts';
import type { Puzzle, SudokuPuzzle } from '../../main/puzzles/index.ts';
import { generateMaze, generateSudoku, kinds, parsePuzzleText } from '../../main/puzzles/index.ts';
import type { BatchItemRecord, BatchRun } from '../../main/store/index.ts';

const sudoku = (seed: number, givens = 30): SudokuPuzzle => generateSudoku({ seed, givens });
const withoutSolution = ({ solution: _solution, ...puzzle }: SudokuPuzzle): SudokuPuzzle => puzzle;
const tokens = (puzzle: SudokuPuzzle, cells: readonly number[]) => Array.from(kinds.sudoku.encodeAnswer(puzzle, cells));

const run: BatchRun = {
  id: 'run-1',
  folder: '/data/puzzles',
  modelId: 'tiny',
  modelSha256: 'ab'.repeat(32),
  provider: 'cpu',
  settings: { policy: 'halt', maxSteps: 16, augmentations: 0, rethinks: 0 },
  status: 'done',
  createdAt: '2026-11-28T10:00:00.000Z',
  finishedAt: '2026-11-28T10:00:03.000Z',
  total: 3,
  done: 3,
};

function record(sourceFile: string, index: number, fields: Partial<BatchItemRecord>): BatchItemRecord {
  return {
    sourceFile,
    index,
    answer: null,
    verified: false,
    exact: null,
    steps: 4,
    timeMs: 10,
    doneAt: '2026-11-28T10:00:01.000Z',
    ...fields,
  };
}

describe('ground truth', () => {
  it("takes the file's solution, else the reference solver's unique one", () => {
    const puzzle = sudoku(1);
    expect(groundTruth(puzzle)?.answer).toEqual(puzzle.solution);
    expect(groundTruth(withoutSolution(puzzle))?.answer).toEqual(puzzle.solution);
  });

  it('has none for a Sudoku with several solutions or an ARC test without its output', () => {
    const open = parsePuzzleText('.'.repeat(81), 'x').puzzles[0]!;
    expect(groundTruth(open)).toBeNull();
    const arc = parsePuzzleText(
      JSON.stringify({ train: [{ input: [[1]], output: [[2]] }], test: [{ input: [[1]] }] }),
      'a.json',
    ).puzzles[0]!;
    expect(groundTruth(arc)).toBeNull();
  });
});

describe('cell accuracy', () => {
  it('counts only the blank cells of a Sudoku', () => {
    const puzzle = sudoku(2);
    const truth = groundTruth(puzzle)!;
    const blanks = puzzle.givens.flatMap((g, i) => (g === 0 ? [i] : []));
    const answer = [...puzzle.solution!];
    for (const cell of blanks.slice(0, 10)) answer[cell] = 0;
    expect(cellAccuracy(puzzle, tokens(puzzle, answer), truth)).toBeCloseTo((blanks.length - 10) / blanks.length);
    expect(cellAccuracy(puzzle, tokens(puzzle, puzzle.solution!), truth)).toBe(1);
  });

  it("scores a maze over its open cells, against the reference solver's path", () => {
    const maze = generateMaze({ seed: 3, size: 9 });
    const truth = groundTruth(maze)!;
    expect(cellAccuracy(maze, Array.from(kinds.maze.encodeAnswer(maze, truth.answer as never)), truth)).toBe(1);
    expect(cellAccuracy(maze, Array.from(kinds.maze.encode(maze)), truth)).toBeLessThan(1);
  });
});

describe('difficulty bins', () => {
  it('bins Sudoku by givens and mazes by shortest path length', () => {
    expect(difficultyOf(sudoku(4, 35))).toBe('30-50 givens');
    expect(difficultyOf(sudoku(5, 25))).toBe('22-29 givens');
    const maze = generateMaze({ seed: 1, size: 7 });
    expect(difficultyOf(maze)).toBe('path 1-20');
  });
});

describe('summaries', () => {
  const item = (status: ReportItem['status'], exact: boolean | null, timeMs: number): ReportItem => ({
    file: 'a.txt',
    index: 0,
    line: 1,
    difficulty: null,
    status,
    exact,
    cellAccuracy: exact === null ? null : exact ? 1 : 0.5,
    steps: 3,
    timeMs,
    error: status === 'failed' ? 'boom' : null,
  });

  it('gives rates as fractions, exact match only over puzzles with a ground truth', () => {
    const s = summarize([
      item('solved', true, 10),
      item('unsolved', false, 20),
      item('solved', null, 30),
      item('failed', false, 40),
    ]);
    expect(s).toMatchObject({
      puzzles: 4,
      solved: 2,
      solvedRate: 0.5,
      exact: 1,
      withTruth: 3,
      failed: 1,
      meanSteps: 3,
    });
    expect(s.exactRate).toBeCloseTo(1 / 3);
    expect(s.cellAccuracy).toBeCloseTo((1 + 0.5 + 0.5) / 3);
    expect(s).toMatchObject({ p50Ms: 20, p95Ms: 40 });
  });

  it('reads nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([], 50)).toBeNull();
  });

  it('measures throughput while running, leaving out a pause between sessions', () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 10, 0, 0) + seconds * 1000).toISOString();
    expect(throughput([at(0), at(1), at(2)])).toBeCloseTo(1);
    // Killed after 2 s, resumed an hour later for 2 s more: 3 measured results over 4 running seconds.
    expect(throughput([at(0), at(1), at(2), at(3600), at(3602)])).toBeCloseTo(3 / 4);
    expect(throughput([at(0)])).toBeNull();
  });
});

function sampleReport(): BatchReport {
  const a = sudoku(10);
  const b = withoutSolution(sudoku(11, 25));
  const puzzles = new Map<string, Puzzle>([
    ['0:one.txt', a],
    ['0:two, "quoted".txt', b],
    ['1:two, "quoted".txt', sudoku(12)],
  ]);
  return buildReport({
    run,
    appVersion: '0.1.0',
    items: [
      record('one.txt', 0, { answer: tokens(a, a.solution!), verified: true, exact: true, steps: 2 }),
      record('two, "quoted".txt', 0, { answer: tokens(b, b.givens), exact: false, steps: 5, timeMs: 30 }),
      record('two, "quoted".txt', 1, { error: 'The inference worker stopped', exact: false, steps: 0, timeMs: 1 }),
    ],
    puzzles,
    pending: [{ sourceFile: 'gone.txt', index: 4 }],
    skipped: [{ path: 'x.bin', reason: 'a binary file' }],
    problems: [],
  });
}

describe('the report', () => {
  it('summarises overall, per file, by difficulty and by steps to halt', () => {
    const report = sampleReport();
    expect(report.summary).toMatchObject({ puzzles: 3, solved: 1, exact: 1, withTruth: 3, failed: 1 });
    expect(report.files.map((f) => [f.path, f.summary.puzzles])).toEqual([
      ['one.txt', 1],
      ['two, "quoted".txt', 2],
    ]);
    expect(report.difficulty.map((d) => d.bin)).toEqual(['30-50 givens', '22-29 givens']);
    expect(report.steps).toEqual([
      { steps: 2, puzzles: 1 },
      { steps: 5, puzzles: 1 },
    ]);
    expect(report.items[2]).toMatchObject({ status: 'failed', error: 'The inference worker stopped', cellAccuracy: 0 });
    expect(report.run).toMatchObject({
      id: 'run-1',
      kind: 'sudoku',
      model: 'tiny',
      provider: 'cpu',
      appVersion: '0.1.0',
    });
    expect(report.pending).toBe(1);
    expect(report.missing).toEqual([{ sourceFile: 'gone.txt', index: 4 }]);
  });

  it('writes one CSV row per puzzle, quoting what needs it', () => {
    const lines = renderReportCsv(sampleReport()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,index,line,difficulty,status,exact,cell_accuracy,steps,time_ms,error');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^one\.txt,0,,30-50 givens,solved,true,1,2,10,$/);
    expect(lines[2]).toMatch(/^"two, ""quoted"".txt",0,/);
  });

  it('compares two runs over the puzzles they share', () => {
    const a = sampleReport();
    const b: BatchReport = {
      ...a,
      run: { ...a.run, id: 'run-2', model: 'other' },
      items: a.items.map((item) => ({ ...item, status: item.status === 'solved' ? 'unsolved' : 'solved' })),
    };
    const comparison = compareReports(a, b);
    expect(comparison).toMatchObject({ common: 3, bothSolved: 0, onlyA: 1, onlyB: 2, neither: 0 });
    expect(comparison.b.run.model).toBe('other');
    expect(comparison.files.map((f) => f.path)).toEqual(['one.txt', 'two, "quoted".txt']);
  });
});
