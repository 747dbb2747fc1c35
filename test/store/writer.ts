// A process that writes to the history as fast as it can, printing a line after each commit,
// for the tests that read alongside it or kill it part-way. Run by Node with type stripping:
//   node writer.ts <file> solves <count>     -> "committed <solve id>" per solve
//   node writer.ts <file> batch <count>      -> "run <run id>", then "committed <file>:<index>" per item
import { aBatchRun, aSolve, openOrThrow, sudoku } from './fixtures.ts';

const [file = '', mode = 'solves', countText = '1000'] = process.argv.slice(2);
const count = Number(countText);
const store = openOrThrow(file);

if (mode === 'batch') {
  const items = Array.from({ length: count }, (_, index) => ({ sourceFile: 'puzzles.txt', index }));
  const runId = store.createBatchRun(aBatchRun({ items }));
  process.stdout.write(`run ${runId}\n`);
  for (const item of items) {
    const result = { puzzle: sudoku(item.index), answer: [1], verified: true, exact: null, steps: 3, timeMs: 1 };
    store.recordBatchItem(runId, { ...item, ...result });
    process.stdout.write(`committed ${item.sourceFile}:${item.index}\n`);
  }
} else {
  for (let seed = 0; seed < count; seed++) {
    const outcome = store.saveSolve(aSolve(seed));
    if (!outcome.saved) throw new Error(outcome.reason);
    process.stdout.write(`committed ${outcome.id}\n`);
  }
}
store.close();
