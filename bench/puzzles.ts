// Puzzle benchmark: the reference Sudoku solver on generated minimal puzzles and on a
// hard set, maze BFS at 30x30, and reader throughput on a 100,000-line Sudoku file. One
// thread; each rate is the median of several runs, by wall-clock time and by the CPU
// time the process used (the fairer figure on a shared machine, where wall time also
// counts waiting for a core). Prints a table and writes bench/results/puzzles.json.
//
//   npm run bench:puzzles -- [--sudoku 10000] [--mazes 2000] [--lines 100000] [--runs 5]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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

interface Row {
  name: string;
  unit: string;
  /** Rate by wall-clock time. */
  wall: number;
  /** Rate by the process's CPU time. */
  cpu: number;
  target?: number;
}
const rows: Row[] = [];

/** Times `runs` calls of `work`, after two warm-ups that also let the heap settle; reports `amount / seconds`. */
async function measure(
  name: string,
  unit: string,
  amount: number,
  work: () => unknown,
  target?: number,
): Promise<void> {
  await work();
  await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await work();
    const spent = process.cpuUsage(used);
    wall.push((performance.now() - start) / 1000);
    cpu.push((spent.user + spent.system) / 1e6);
  }
  const row: Row = {
    name,
    unit,
    wall: amount / median(wall),
    cpu: amount / median(cpu),
    ...(target ? { target } : {}),
  };
  rows.push(row);
  const rate = (x: number): string => Math.round(x).toLocaleString('en').padStart(9);
  const verdict = target === undefined ? '' : `${target.toLocaleString('en')} ${row.cpu >= target ? 'met' : 'MISSED'}`;
  console.log(`${name.padEnd(52)} ${rate(row.wall)} ${rate(row.cpu)}  ${unit.padEnd(10)} ${verdict}`);
}

function solveAll(puzzles: readonly SudokuPuzzle[]): () => void {
  return () => {
    for (const puzzle of puzzles) {
      if (countSolutions(puzzle.givens) !== 1) throw new Error(`not unique: ${formatSudokuCells(puzzle.givens)}`);
    }
  };
}

console.log(
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, load ${loadavg()[0]?.toFixed(1)}; one thread, medians of ${runs} runs\n`,
);
console.log(`${'benchmark'.padEnd(52)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}  ${'unit'.padEnd(10)} target (cpu)`);

// Sudoku: generated minimal puzzles (every removable given removed).
const sudokuCount = Number(values.sudoku);
let minimal: SudokuPuzzle[] = [];
await measure('Sudoku generator, minimal puzzles', 'puzzles/s', sudokuCount, () => {
  minimal = Array.from({ length: sudokuCount }, (_, seed) => generateSudoku({ seed }));
});
const givens = minimal.map((p) => p.givens.filter((d) => d > 0).length);
const meanGivens = (givens.reduce((a, b) => a + b, 0) / givens.length).toFixed(1);
await measure(
  `Sudoku solver, ${sudokuCount.toLocaleString('en')} minimal (${meanGivens} givens)`,
  'puzzles/s',
  sudokuCount,
  solveAll(minimal),
  20_000,
);

// Sudoku: a hard set, the famous puzzles each in 100 shuffled but equivalent copies.
const famous = readFileSync(join(repo, 'test/fixtures/good/hard-sudoku.txt'), 'utf8');
const hardBase = parsePuzzleText(famous, 'hard-sudoku.txt').puzzles as SudokuPuzzle[];
const random = seededRandom(1);
const hard = hardBase.flatMap((p) =>
  Array.from({ length: 100 }, () => ({ ...p, givens: shuffleSudoku(p.givens, random) })),
);
await measure(
  `Sudoku solver, hard set (${hardBase.length} famous x 100 shuffles)`,
  'puzzles/s',
  hard.length,
  solveAll(hard),
);

// Mazes: 30x30, half perfect mazes, half open rooms with obstacles.
const mazeCount = Number(values.mazes);
const mazes: MazePuzzle[] = Array.from({ length: mazeCount }, (_, seed) =>
  generateMaze({ seed, style: seed % 2 ? 'rooms' : 'perfect', minPathLength: 30 }),
);
await measure(
  `Maze BFS, ${mazeCount.toLocaleString('en')} 30x30 mazes (length + path)`,
  'mazes/s',
  mazeCount,
  () => mazes.forEach((m) => solveMaze(m)),
  10_000,
);

// Reader: a 100,000-line file of puzzle,solution lines.
const lineCount = Number(values.lines);
const text = Array.from({ length: lineCount }, (_, i) => {
  const p = minimal[i % minimal.length] as SudokuPuzzle;
  return `${formatSudokuCells(p.givens)},${(p.solution ?? []).join('')}`;
}).join('\n');
const megabytes = Buffer.byteLength(text) / 1e6;
const expectAll = (count: number): void => {
  if (count !== lineCount) throw new Error(`read ${count} puzzles, expected ${lineCount}`);
};
const lines = `${lineCount.toLocaleString('en')} lines, ${megabytes.toFixed(1)} MB`;
await measure(
  `Reader, ${lines}, in memory`,
  'MB/s',
  megabytes,
  () => expectAll(parsePuzzleText(text, 'bench.txt').puzzles.length),
  50,
);
const dir = mkdtempSync(join(tmpdir(), 'trm-bench-'));
const file = join(dir, 'bench.txt');
writeFileSync(file, text);
await measure(
  `Reader, ${lines}, from disk`,
  'MB/s',
  megabytes,
  async () => expectAll((await readPuzzleFile(file)).puzzles.length),
  50,
);
rmSync(dir, { recursive: true });
const csv = `source,question,answer,rating\n${text
  .split('\n')
  .map((line, i) => `s${i},${line},0`)
  .join('\n')}`;
await measure(`Reader, the same as Sudoku-Extreme CSV`, 'MB/s', Buffer.byteLength(csv) / 1e6, () =>
  expectAll(parsePuzzleText(csv, 'bench.csv').puzzles.length),
);

mkdirSync(join(repo, 'bench/results'), { recursive: true });
const out = join(repo, 'bench/results/puzzles.json');
const machine = { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, load: loadavg()[0] };
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...machine, runs, rows }, null, 2) + '\n');
console.log(`\nWrote ${out}`);
