// Puzzle benchmark: the reference Sudoku solver on generated minimal puzzles and on a
// hard set, maze BFS at 30x30, and reader throughput on a 100,000-line Sudoku file. One
// thread (one core); each figure is the median of several runs. Prints a table and
// writes bench/results/puzzles.json.
//
//   npm run bench:puzzles -- [--sudoku 10000] [--runs 5]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MazePuzzle, SudokuPuzzle } from '../main/puzzles/index.ts';
import {
  countSolutions,
  formatSudokuCells,
  generateMaze,
  generateSudoku,
  parsePuzzleText,
  readPuzzleFile,
  seededRandom,
  shuffleSudoku,
  solveMaze,
} from '../main/puzzles/index.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    sudoku: { type: 'string', default: '10000' },
    mazes: { type: 'string', default: '2000' },
    lines: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);

const median = (xs: number[]): number => {
  const sorted = xs.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median seconds of `runs` calls of `work`, after one warm-up call. */
function time(work: () => void): number {
  work();
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return median(seconds);
}

interface Row {
  name: string;
  items: number;
  unit: string;
  value: number;
  target?: number;
}
const rows: Row[] = [];
const report = (row: Row): void => {
  rows.push(row);
  const target =
    row.target === undefined
      ? ''
      : `target ${row.target.toLocaleString('en')} ${row.value >= row.target ? 'met' : 'MISSED'}`;
  console.log(
    `${row.name.padEnd(44)} ${Math.round(row.value).toLocaleString('en').padStart(10)} ${row.unit.padEnd(10)} ${target}`,
  );
};

function solveAll(puzzles: readonly SudokuPuzzle[]): () => void {
  return () => {
    for (const puzzle of puzzles)
      if (countSolutions(puzzle.givens, 2) !== 1) throw new Error(`not unique: ${formatSudokuCells(puzzle.givens)}`);
  };
}

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread; medians of ${runs} runs\n`);

// Sudoku: generated minimal puzzles (every removable given removed; 21-28 givens).
const sudokuCount = Number(values.sudoku);
const generateStart = performance.now();
const minimal = Array.from({ length: sudokuCount }, (_, seed) => generateSudoku({ seed }));
const generateSeconds = (performance.now() - generateStart) / 1000;
const givens = minimal.map((p) => p.givens.filter((d) => d > 0).length);
report({
  name: `Sudoku generator (minimal, mean ${(givens.reduce((a, b) => a + b, 0) / givens.length).toFixed(1)} givens)`,
  items: sudokuCount,
  unit: 'puzzles/s',
  value: sudokuCount / generateSeconds,
});
report({
  name: `Sudoku solver, ${sudokuCount.toLocaleString('en')} minimal puzzles (count to 2)`,
  items: sudokuCount,
  unit: 'puzzles/s',
  value: sudokuCount / time(solveAll(minimal)),
  target: 20_000,
});

// Sudoku: a hard set, the famous puzzles each in 100 shuffled but equivalent copies.
const famous = readFileSync(join(repo, 'test/fixtures/good/hard-sudoku.txt'), 'utf8');
const hardBase = parsePuzzleText(famous, 'hard-sudoku.txt').puzzles as SudokuPuzzle[];
const random = seededRandom(1);
const hard = hardBase.flatMap((p) =>
  Array.from({ length: 100 }, () => ({ ...p, givens: shuffleSudoku(p.givens, random) })),
);
report({
  name: `Sudoku solver, hard set (${hardBase.length} famous x 100 shuffles)`,
  items: hard.length,
  unit: 'puzzles/s',
  value: hard.length / time(solveAll(hard)),
});

// Mazes: 30x30, half perfect mazes, half open rooms with obstacles.
const mazeCount = Number(values.mazes);
const mazes: MazePuzzle[] = Array.from({ length: mazeCount }, (_, seed) =>
  generateMaze({ seed, style: seed % 2 ? 'rooms' : 'perfect', minPathLength: 30 }),
);
report({
  name: `Maze BFS, ${mazeCount.toLocaleString('en')} 30x30 mazes (solve + path)`,
  items: mazeCount,
  unit: 'mazes/s',
  value: mazeCount / time(() => mazes.forEach((m) => solveMaze(m))),
  target: 10_000,
});

// Reader: a 100,000-line file of puzzle,solution lines.
const lineCount = Number(values.lines);
const text = Array.from({ length: lineCount }, (_, i) => {
  const p = minimal[i % minimal.length] as SudokuPuzzle;
  return `${formatSudokuCells(p.givens)},${(p.solution ?? []).join('')}`;
}).join('\n');
const megabytes = Buffer.byteLength(text) / 1e6;
const check = (count: number): void => {
  if (count !== lineCount) throw new Error(`read ${count} puzzles, expected ${lineCount}`);
};
report({
  name: `Reader, ${lineCount.toLocaleString('en')} lines in memory (${megabytes.toFixed(1)} MB)`,
  items: lineCount,
  unit: 'MB/s',
  value: megabytes / time(() => check(parsePuzzleText(text, 'bench.txt').puzzles.length)),
  target: 50,
});
const dir = mkdtempSync(join(tmpdir(), 'trm-bench-'));
const file = join(dir, 'bench.txt');
writeFileSync(file, text);
const fileSeconds: number[] = [];
for (let run = 0; run <= runs; run++) {
  const start = performance.now();
  check((await readPuzzleFile(file)).puzzles.length);
  if (run > 0) fileSeconds.push((performance.now() - start) / 1000);
}
rmSync(dir, { recursive: true });
report({
  name: `Reader, the same from disk (readPuzzleFile)`,
  items: lineCount,
  unit: 'MB/s',
  value: megabytes / median(fileSeconds),
  target: 50,
});

const csv = `source,question,answer,rating\n${text
  .split('\n')
  .map((line, i) => `s${i},${line},0`)
  .join('\n')}`;
report({
  name: `Reader, the same as Sudoku-Extreme CSV`,
  items: lineCount,
  unit: 'MB/s',
  value: Buffer.byteLength(csv) / 1e6 / time(() => check(parsePuzzleText(csv, 'bench.csv').puzzles.length)),
});

mkdirSync(join(repo, 'bench/results'), { recursive: true });
const out = join(repo, 'bench/results/puzzles.json');
writeFileSync(
  out,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, runs, rows },
    null,
    2,
  ) + '\n',
);
console.log(`\nWrote ${out}`);
