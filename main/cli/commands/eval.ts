// `trm eval <folder>`: evaluate a model on a folder of puzzle files, through the same batch
// requests the UI makes; progress as a bar on a terminal, plain lines in a pipe.
import type { BatchProgress, BatchReport, RequestArgs, RequestResult } from '../../../preload/api.ts';
import { requests } from '../../../preload/api.ts';
import { settingsText } from '../../../preload/defaults.ts';
import { ApiError } from '../../../preload/reply.ts';
import type { BatchHandlers, BatchRequest } from '../../app/batch.ts';
import { batchHandlers } from '../../app/batch.ts';
import { EventBus } from '../../app/events.ts';
import { openHistory } from '../../app/history.ts';
import { defaultDataDir, version } from '../../app/index.ts';
import type { RunComparison, Summary } from '../../batch/index.ts';
import { writeComparisonFiles, writeReportFiles } from '../../batch/index.ts';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { commandEngine, engineChoices, engineHelp, engineOptions, modelsDirsFor } from '../engine-options.ts';

type Ask = <K extends BatchRequest>(name: K, args: RequestArgs<K>) => Promise<RequestResult<K>>;

/** Arguments are checked against the contract, as at every door; a bad one or an unknown run is bad usage. */
function asker(handlers: BatchHandlers): Ask {
  return async (name, args) => {
    const parsed = requests[name].args.safeParse(args);
    if (!parsed.success)
      throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      return await (handlers[name] as (args: unknown) => Promise<RequestResult<typeof name>>)(parsed.data);
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'invalid-arguments' || error.code === 'not-found')) {
        throw new UsageError(error.message);
      }
      throw error;
    }
  };
}

const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const duration = (seconds: number | null): string =>
  seconds === null ? '–' : seconds >= 90 ? `${Math.round(seconds / 60)}m` : `${Math.round(seconds)}s`;

/** One line of progress; a bar in front of it on a terminal. */
export function progressLine(p: BatchProgress, bar: boolean): string {
  const width = 24;
  const filled = p.total ? Math.round((p.done / p.total) * width) : 0;
  const gauge = bar ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
  return `${gauge}${p.done}/${p.total}  ${p.puzzlesPerSecond.toFixed(1)} puzzles/s  ETA ${duration(p.etaSeconds)}  solved ${percent(p.accuracy)}`;
}

function summaryLine(s: Summary): string {
  return [
    `solved ${s.solved}/${s.puzzles} (${percent(s.solvedRate)})`,
    `exact ${s.exact}/${s.withTruth} (${percent(s.exactRate)})`,
    `cells ${percent(s.cellAccuracy)}`,
    `steps ${s.meanSteps === null ? '–' : s.meanSteps.toFixed(1)}`,
    `p50 ${s.p50Ms === null ? '–' : s.p50Ms.toFixed(0)} ms`,
    `p95 ${s.p95Ms === null ? '–' : s.p95Ms.toFixed(0)} ms`,
    ...(s.failed ? [`${s.failed} failed`] : []),
  ].join(', ');
}

function printReport(report: BatchReport, io: CliIo): void {
  const { run, summary } = report;
  io.out(
    `Run ${run.id} (${run.status}): model ${run.model} (sha256 ${run.modelSha256.slice(0, 12)}…) on ${run.provider}, ` +
      `${settingsText(run.settings)}\n`,
  );
  const rate = summary.puzzlesPerSecond === null ? '' : `, ${summary.puzzlesPerSecond.toFixed(1)} puzzles/s`;
  io.out(`All ${report.files.length} files: ${summaryLine(summary)}${rate}\n`);
  for (const file of report.files) io.out(`  ${file.path}: ${summaryLine(file.summary)}\n`);
  for (const bin of report.difficulty) io.out(`  ${bin.bin}: ${summaryLine(bin.summary)}\n`);
  if (report.pending) io.out(`${report.pending} puzzles still pending: trm eval --resume ${run.id}\n`);
}

/** What went unread goes to stderr, so stdout stays the report. */
function printSkipped(report: BatchReport, io: CliIo): void {
  const shown = 20;
  for (const skip of report.skipped.slice(0, shown)) io.err(`skipped ${skip.path}: ${skip.reason}\n`);
  if (report.skipped.length > shown) io.err(`… and ${report.skipped.length - shown} more skipped (see the report)\n`);
  for (const problem of report.problems.slice(0, shown)) {
    io.err(`${problem.path}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}\n`);
  }
  if (report.problems.length > shown) io.err(`… and ${report.problems.length - shown} more unreadable lines\n`);
}

function printComparison(c: RunComparison, io: CliIo): void {
  io.out(`Compared with run ${c.a.run.id} (${c.a.run.model}) over ${c.common} common puzzles:\n`);
  io.out(`  A ${c.a.run.model}: ${summaryLine(c.a.summary)}\n`);
  io.out(`  B ${c.b.run.model}: ${summaryLine(c.b.summary)}\n`);
  io.out(`  both solved ${c.bothSolved}, only A ${c.onlyA}, only B ${c.onlyB}, neither ${c.neither}\n`);
}

/** The --json object: the report without its per-puzzle rows (those are in report.json and report.csv). */
function jsonSummary(report: BatchReport, comparison: RunComparison | null, written: string[]) {
  const { items: _items, ...rest } = report;
  return { ...rest, ...(comparison ? { comparison } : {}), reports: written };
}

/** `--steps N` alone means exactly N steps; `--halt` stops when the model is confident; else the default policy. */
function evalValues(values: Record<string, unknown>): Record<string, unknown> {
  if (values.halt && values.policy !== undefined && values.policy !== 'halt') {
    throw new UsageError('--halt and --policy disagree; give one.');
  }
  if (values.halt) return { ...values, policy: 'halt' };
  if (values.steps !== undefined && values.policy === undefined) return { ...values, policy: 'fixed' };
  return values;
}

export const evalCommand: Command = {
  name: 'eval',
  usage:
    '<folder> [--model ID] [--steps N|--halt] [--rethinks R] [--tta K] [--out DIR] [--resume RUN] [--compare RUN] [--json]',
  summary: 'Evaluate a model on a folder of puzzle files, with a report',
  help: [
    '  --steps <n>        run exactly n supervision steps per puzzle (with --halt: at most n)',
    '  --halt             stop each puzzle when the model is confident (default)',
    ...engineHelp.filter((line) => !line.startsWith('  --steps')),
    '  --out <dir>        write report.json, report.csv (one row per puzzle) and report.html there',
    '  --resume <run>     continue a run that was interrupted or cancelled (its folder, model and settings)',
    '  --compare <run>    set this run beside an earlier one over the same puzzles (with --out: comparison.html)',
    '  --json             print one JSON object with the summary last',
    '',
    'Exit code 0 when the run completes, whatever the accuracy; 1 when it fails or is interrupted; 2 on bad usage.',
  ],
  options: {
    ...engineOptions,
    halt: { type: 'boolean' },
    out: { type: 'string' },
    resume: { type: 'string' },
    compare: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const resume = values.resume as string | undefined;
    if (positionals.length > 1 || (positionals.length === 0 && resume === undefined)) {
      throw new UsageError('give one folder, or --resume with a run id.');
    }
    const against = values.compare as string | undefined;
    const choices = engineChoices(evalValues(values));
    const dataDir = (values['data-dir'] as string | undefined) ?? defaultDataDir(io.env);
    const history = openHistory(dataDir);
    const engine = commandEngine(choices, dataDir);
    const events = new EventBus();
    const modelsDirs = modelsDirsFor(choices, dataDir);
    const ask = asker(batchHandlers({ engine, events, history, modelsDirs, appVersion: version }));
    try {
      // An unknown run to compare with is a typo to catch before the work, not after it.
      if (against !== undefined) await ask('batch.report', { runId: against });
      let lastLine = 0;
      let announced = false;
      const finished = new Promise<BatchProgress>((resolve) => {
        events.subscribe((name, payload) => {
          if (name !== 'batch.progress') return;
          const progress = payload as BatchProgress;
          if (!announced) {
            announced = true;
            const { runId } = progress;
            io.err(`Run ${runId} started; if it stops, continue it with: trm eval --resume ${runId}\n`);
          }
          if (progress.status !== 'running') return resolve(progress);
          if (io.isTty) return io.err(`\r${progressLine(progress, true)}\x1b[K`);
          // In a pipe or a log, a line a second is plenty.
          const now = performance.now();
          if (now - lastLine < 1000) return;
          lastLine = now;
          io.err(progressLine(progress, false) + '\n');
        });
      });
      const { runId } = await ask('batch.start', {
        folder: positionals[0] ?? '.',
        ...(choices.modelId ? { modelId: choices.modelId } : {}),
        options: choices.settings,
        ...(resume ? { resume } : {}),
      });
      void io.interrupted.then(() => ask('batch.cancel', { runId }));
      const end = await finished;
      if (io.isTty) io.err(`\r${progressLine(end, true)}\x1b[K\n`);
      const report = await ask('batch.report', { runId });
      const comparison = against === undefined ? null : await ask('batch.compare', { a: against, b: runId });
      const out = values.out as string | undefined;
      const written = out === undefined ? [] : await writeReportFiles(out, report);
      if (out !== undefined && comparison) written.push(...(await writeComparisonFiles(out, comparison)));
      printSkipped(report, io);
      if (values.json) io.out(JSON.stringify(jsonSummary(report, comparison, written)) + '\n');
      else {
        printReport(report, io);
        if (comparison) printComparison(comparison, io);
        for (const path of written) io.out(`wrote ${path}\n`);
      }
      if (end.error) io.err(`The run failed: ${end.error}\nContinue it with: trm eval --resume ${runId}\n`);
      return end.status === 'done' ? 0 : 1;
    } finally {
      await engine.close();
      history.close();
    }
  },
};
