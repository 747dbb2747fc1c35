import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMaze, generateSudoku, maze, parsePuzzleText, sudoku } from '../../main/puzzles/index.ts';
import type { MazePuzzle, SudokuPuzzle } from '../../main/puzzles/index.ts';

const puzzle = generateSudoku({ seed: 1 });
const givens = sudoku.format(puzzle);
const solution = (puzzle.solution ?? []).join('');

describe('Sudoku lines', () => {
  it.each([',', ';', '|', '\t', ' ', ' , '])('reads a solution after %j', (separator) => {
    const parsed = parsePuzzleText(`${givens}${separator}${solution}\n`, 'p.txt');
    expect(parsed.errors).toEqual([]);
    expect(parsed.puzzles).toEqual([{ ...puzzle, source: { file: 'p.txt', line: 1, index: 0 } }]);
  });

  it.each(['0', '.', '-', '_'])('reads %j as a blank', (blank) => {
    const parsed = parsePuzzleText(givens.replace(/\./g, blank), 'p.txt');
    expect((parsed.puzzles[0] as SudokuPuzzle).givens).toEqual(puzzle.givens);
  });

  it('ignores a byte-order mark', () => {
    expect(parsePuzzleText(`\uFEFF${givens}`, 'p.txt').puzzles).toHaveLength(1);
  });

  it('skips comments and blank lines, and numbers lines as the file does', () => {
    const parsed = parsePuzzleText(`# a comment\r\n\r\n${givens}\r\n# another\r\n${givens}\r\n`, 'p.txt');
    expect(parsed.kind).toBe('sudoku');
    expect(parsed.puzzles.map((p) => p.source)).toEqual([
      { file: 'p.txt', line: 3, index: 0 },
      { file: 'p.txt', line: 5, index: 1 },
    ]);
  });

  it('reads the rest of a file around a bad line', () => {
    const parsed = parsePuzzleText(
      [givens, givens.slice(1), givens, `${givens},${solution.slice(1)}`, givens].join('\n'),
      'p.txt',
    );
    expect(parsed.puzzles.map((p) => p.source.line)).toEqual([1, 3, 5]);
    expect(parsed.errors).toEqual([
      { source: { file: 'p.txt', line: 2, index: 1 }, message: 'puzzle: wrong length, 80 cells instead of 81' },
      { source: { file: 'p.txt', line: 4, index: 3 }, message: 'solution: wrong length, 80 cells instead of 81' },
    ]);
  });
});

describe('Sudoku grid blocks', () => {
  const rows = Array.from({ length: 9 }, (_, r) => givens.slice(r * 9, r * 9 + 9));

  it('reads plain 9x9 blocks separated by blank lines', () => {
    const parsed = parsePuzzleText(`${rows.join('\n')}\n\n${rows.join('\n')}\n`, 'grids.txt');
    expect(parsed.errors).toEqual([]);
    expect(parsed.puzzles.map((p) => p.source.line)).toEqual([1, 11]);
    expect((parsed.puzzles[1] as SudokuPuzzle).givens).toEqual(puzzle.givens);
  });

  it('reads blocks drawn with | - + separators', () => {
    const drawn = rows.map((row) => `${row.slice(0, 3)} | ${row.slice(3, 6)} | ${row.slice(6)}`);
    drawn.splice(6, 0, '------+-------+------');
    drawn.splice(3, 0, '------+-------+------');
    const parsed = parsePuzzleText(`+-------+\n${drawn.join('\n')}\n`, 'grid.txt');
    expect(parsed.errors).toEqual([]);
    expect((parsed.puzzles[0] as SudokuPuzzle).givens).toEqual(puzzle.givens);
  });

  it('names the row that is wrong', () => {
    const bad = [...rows];
    bad[4] = `${rows[4]}1`;
    const parsed = parsePuzzleText(`${bad.join('\n')}\n\n${rows.join('\n')}`, 'grid.txt');
    expect(parsed.errors).toEqual([
      { source: { file: 'grid.txt', line: 5, index: 0 }, message: 'grid row has 10 cells instead of 9' },
    ]);
    expect(parsed.puzzles).toHaveLength(1);
  });
});

describe('CSV', () => {
  it.each([
    ['source,question,answer,rating', (q: string, a: string) => `x,${q},${a},2.5`],
    ['quizzes,solutions', (q: string, a: string) => `${q},${a}`],
    ['Puzzle,Solution', (q: string, a: string) => `"${q}","${a}"`],
  ])('reads a %s file', (header, row) => {
    const parsed = parsePuzzleText(`${header}\n${row(givens, solution)}\n${row(givens, solution)}\n`, 'set.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe('sudoku');
    expect(parsed.puzzles).toHaveLength(2);
    expect(parsed.puzzles[1]).toEqual({ ...puzzle, source: { file: 'set.csv', line: 3, index: 1 } });
  });

  it('reads a puzzle column without a solution column', () => {
    const parsed = parsePuzzleText(`id,puzzle\n1,${givens}\n`, 'set.csv');
    expect(parsed.puzzles).toEqual([
      { kind: 'sudoku', source: { file: 'set.csv', line: 2, index: 0 }, givens: puzzle.givens },
    ]);
  });

  it('reports malformed quoting per line and reads on', () => {
    const parsed = parsePuzzleText(
      `puzzle,solution\n"${givens},${solution}\n${givens},"${solution}"x\n${givens},a"b\n${givens},${solution}\n`,
      'set.csv',
    );
    expect(parsed.errors.map((e) => [e.source.line, e.message])).toEqual([
      [2, 'malformed CSV: unterminated quoted field starting at column 1'],
      [3, 'malformed CSV: unexpected text after a closing quote at column 166'],
      [4, 'malformed CSV: quote inside an unquoted field at column 84'],
    ]);
    expect(parsed.puzzles.map((p) => p.source.line)).toEqual([5]);
  });

  it('reads the HRM maze CSV of flattened square grids', () => {
    const m = generateMaze({ seed: 3, size: 12, minPathLength: 8 });
    const flat = (cells: MazePuzzle['cells']): string => maze.formatAnswer(m, cells).replace(/\n/g, '');
    const parsed = parsePuzzleText(
      `source,question,answer,rating\n0,${flat(m.cells)},${flat(m.solution ?? [])},1\n`,
      'maze.csv',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe('maze');
    expect(parsed.puzzles).toEqual([{ ...m, source: { file: 'maze.csv', line: 2, index: 0 } }]);
  });

  it('refuses a flattened maze that is not square', () => {
    const parsed = parsePuzzleText(`question,answer\n#S G##,\n`, 'maze.csv');
    expect(parsed.errors).toEqual([
      { source: { file: 'maze.csv', line: 2, index: 0 }, message: 'question: 6 characters do not make a square grid' },
    ]);
  });
});

describe('maze text', () => {
  const m = generateMaze({ seed: 9, size: 11, style: 'rooms', minPathLength: 6 });

  it('reads grids separated by blank lines, with or without a marked path', () => {
    const parsed = parsePuzzleText(
      `${maze.format(m)}\n\n${maze.formatAnswer(m, m.solution ?? []).replace(/ /g, '.')}\n`,
      'mazes.txt',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe('maze');
    expect(parsed.puzzles).toEqual(
      [
        { ...m, solution: undefined, source: { file: 'mazes.txt', line: 1, index: 0 } },
        { ...m, source: { file: 'mazes.txt', line: 13, index: 1 } },
      ].map(({ solution, ...rest }) => (solution ? { ...rest, solution } : rest)),
    );
  });

  it('skips comment lines, which no maze row could be', () => {
    const parsed = parsePuzzleText(`# maze set 1\n${maze.format(m)}\n`, 'mazes.txt');
    expect(parsed.errors).toEqual([]);
    expect(parsed.puzzles[0]?.source.line).toBe(2);
  });

  it('points at the row with a bad character', () => {
    const parsed = parsePuzzleText('#####\n#S  #\n# x #\n#  G#\n#####\n', 'mazes.txt');
    expect(parsed.errors).toEqual([
      { source: { file: 'mazes.txt', line: 3, index: 0 }, message: 'invalid character "x" at row 3, column 3' },
    ]);
  });
});

describe('ARC JSON', () => {
  const task = { train: [{ input: [[1]], output: [[2]] }], test: [{ input: [[3]] }, { input: [[4]], output: [[5]] }] };

  it('gives one puzzle per test input of a task file', () => {
    const parsed = parsePuzzleText(JSON.stringify(task), 'tasks/abc123.json');
    expect(parsed.errors).toEqual([]);
    expect(parsed.puzzles).toEqual([
      {
        kind: 'arc',
        source: { file: 'tasks/abc123.json', index: 0, jsonPath: 'test[0]' },
        taskId: 'abc123',
        train: task.train,
        test: { input: [[3]] },
      },
      {
        kind: 'arc',
        source: { file: 'tasks/abc123.json', index: 1, jsonPath: 'test[1]' },
        taskId: 'abc123',
        train: task.train,
        test: { input: [[4]], output: [[5]] },
      },
    ]);
  });

  it('reads the combined challenges file with its solutions', () => {
    const parsed = parsePuzzleText(JSON.stringify({ a1: task, b2: { ...task, test: [{ input: [[6]] }] } }), 'ch.json', {
      text: JSON.stringify({ a1: [[[7]], [[5]]], b2: [[[8]]] }),
      fileName: 'sol.json',
    });
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.puzzles.map((p) => [p.source.jsonPath, p.kind === 'arc' && p.taskId, p.kind === 'arc' && p.test.output]),
    ).toEqual([
      ['a1.test[0]', 'a1', [[7]]],
      ['a1.test[1]', 'a1', [[5]]],
      ['b2.test[0]', 'b2', [[8]]],
    ]);
  });

  it('costs a bad test grid only its own puzzle, a bad train grid the whole task', () => {
    const parsed = parsePuzzleText(
      JSON.stringify({
        ok: task,
        badTest: { ...task, test: [{ input: [[1, 2], [3]] }, { input: [[1]] }] },
        badTrain: { ...task, train: [{ input: [[1]], output: [[-1]] }] },
      }),
      'ch.json',
    );
    expect(parsed.puzzles.map((p) => p.source.jsonPath)).toEqual(['ok.test[0]', 'ok.test[1]', 'badTest.test[1]']);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'badTest.test[0].input[1]: ragged row of 1 cell, row 0 has 2',
      'badTrain.train[0].output[0][0]: colour -1 is outside 0-9',
      'badTrain.train[0].output[0][0]: colour -1 is outside 0-9',
    ]);
  });

  it('names the line of a JSON syntax error', () => {
    const parsed = parsePuzzleText('{\n "train": [],\n "test": [\n}', 'x.json');
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.source).toEqual({ file: 'x.json', line: 4 });
    expect(parsed.errors[0]?.message).toMatch(/^malformed JSON at line 4, column 1: /);
  });
});

describe('kind detection', () => {
  it('goes by content, not by the file name', () => {
    expect(parsePuzzleText(givens, 'puzzles.json').kind).toBe('sudoku');
    expect(parsePuzzleText(maze.format(generateMaze({ seed: 1, size: 7 })), 'puzzles.csv').kind).toBe('maze');
    expect(parsePuzzleText('{"train": [], "test": [{"input": [[1]]}]}', 'notes.txt').kind).toBe('arc');
  });

  it('says when nothing is recognised', () => {
    expect(parsePuzzleText('hello, world\n', 'notes.txt')).toEqual({
      file: 'notes.txt',
      kind: null,
      puzzles: [],
      errors: [{ source: { file: 'notes.txt' }, message: 'not a puzzle file: no Sudoku, maze or ARC task recognised' }],
    });
  });
});

describe('robustness', () => {
  const sample = [
    givens,
    `question,answer\n${givens},${solution}`,
    maze.format(generateMaze({ seed: 2, size: 9 })),
    JSON.stringify({ train: [], test: [{ input: [[1, 2]] }] }),
  ];

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parsePuzzleText(text, 'fuzz');
        expect(parsed.puzzles.length + parsed.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on damaged puzzle files, and every error says where', () => {
    const damaged = fc
      .tuple(fc.constantFrom(...sample), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }))
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (cut % 4));
      });
    fc.assert(
      fc.property(damaged, (text) => {
        for (const error of parsePuzzleText(text, 'fuzz').errors) {
          expect(error.source.file).toBe('fuzz');
          expect(error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
