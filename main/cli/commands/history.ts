// `trm history`: the history of solves from the terminal, through the same requests the UI makes.
import { readFileSync, writeFileSync } from 'node:fs';
import type { RequestArgs, RequestResult, SolveDetail, SolveSummary } from '../../../preload/api.ts';
import { requests } from '../../../preload/api.ts';
import { settingsText } from '../../../preload/defaults.ts';
import { ApiError } from '../../../preload/reply.ts';
import type { HistoryHandlers, HistoryRequest } from '../../app/history.ts';
import { openHistory } from '../../app/history.ts';
import { defaultDataDir } from '../../app/paths.ts';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';

type Values = Record<string, unknown>;

interface Subcommand {
  /** The options it reads; any other is a usage error rather than silently ignored. */
  options: string[];
  run(ask: Ask, values: Values, positionals: string[], io: CliIo): Promise<number>;
}

type Ask = <K extends HistoryRequest>(name: K, args: RequestArgs<K>) => Promise<RequestResult<K>>;

/** Checks the arguments against the contract, as every door does: a bad one is a usage error here. */
function asker(handlers: HistoryHandlers): Ask {
  return (name, args) => {
    const parsed = requests[name].args.safeParse(args);
    if (!parsed.success) {
      throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; '));
    }
    return (handlers[name] as (args: unknown) => Promise<RequestResult<typeof name>>)(parsed.data);
  };
}

const text = (values: Values, name: string) => values[name] as string | undefined;
const whole = (value: string | undefined) => (value === undefined ? undefined : Number(value));

function summaryLine(s: SolveSummary): string {
  const when = s.createdAt.slice(0, 16).replace('T', ' ');
  const check = s.verified ? 'verified' : 'unverified';
  const label = s.label ? `  "${s.label}"` : '';
  return `${s.id}  ${when}  ${s.kind}  ${s.modelId}  ${s.status}, ${check}, ${s.steps} steps  ${s.sourceFile}${label}`;
}

function detailLines(s: SolveDetail): string[] {
  const { line, index } = s.puzzle.source;
  const at = line !== undefined ? `:${line}` : index !== undefined ? ` #${index + 1}` : '';
  return [
    `solve     ${s.id}${s.label ? `  "${s.label}"` : ''}`,
    `created   ${s.createdAt}`,
    `puzzle    ${s.kind} from ${s.sourceFile}${at}`,
    `model     ${s.modelId} (sha256 ${s.modelSha256.slice(0, 12)}…) on ${s.provider}`,
    `settings  ${settingsText(s.options)}`,
    `outcome   ${s.status}, ${s.verified ? 'verified' : 'not verified'}, ${s.steps} steps in ${s.totalMs.toFixed(0)} ms`,
    ...(s.error ? [`error     ${s.error}`] : []),
    ...(s.final?.conflicts ?? []).map((conflict) => `conflict  ${conflict}`),
    ...(s.final ? [`answer    ${s.final.cells.join('')}`] : []),
    ...s.trace.map((step, i) => {
      const before = s.trace[i - 1]?.cells;
      const changed = before ? step.cells.filter((cell, j) => cell !== before[j]).length : step.cells.length;
      return `step ${String(i + 1).padStart(2)}   halt ${step.haltProbability.toFixed(3)}, ${changed} cells changed`;
    }),
  ];
}

const subcommands: Record<string, Subcommand> = {
  list: {
    options: ['kind', 'model', 'verified', 'unverified', 'since', 'until', 'search', 'limit', 'offset', 'json'],
    async run(ask, values, positionals, io) {
      if (positionals.length > 0) throw new UsageError('list takes no arguments, only options.');
      if (values.verified && values.unverified) throw new UsageError('choose --verified or --unverified, not both.');
      const page = await ask('history.list', {
        kind: text(values, 'kind') as RequestArgs<'history.list'>['kind'],
        modelId: text(values, 'model'),
        verified: values.verified ? true : values.unverified ? false : undefined,
        since: text(values, 'since'),
        until: text(values, 'until'),
        query: text(values, 'search'),
        limit: whole(text(values, 'limit')),
        offset: whole(text(values, 'offset')),
      });
      if (values.json) {
        for (const item of page.items) io.out(JSON.stringify(item) + '\n');
        return 0;
      }
      for (const item of page.items) io.out(summaryLine(item) + '\n');
      io.out(`${page.items.length} of ${page.total} solves.\n`);
      return 0;
    },
  },
  show: {
    options: ['json'],
    async run(ask, values, positionals, io) {
      if (positionals.length !== 1) throw new UsageError('give one solve id.');
      const solve = await ask('history.get', { id: positionals[0] ?? '' });
      io.out((values.json ? JSON.stringify(solve) : detailLines(solve).join('\n')) + '\n');
      return 0;
    },
  },
  label: {
    options: [],
    async run(ask, _values, positionals, io) {
      const [id, ...words] = positionals;
      if (id === undefined) throw new UsageError('give a solve id and the label (an empty one clears it).');
      await ask('history.label', { id, label: words.join(' ') });
      io.out(`Labelled ${id}.\n`);
      return 0;
    },
  },
  delete: {
    options: [],
    async run(ask, _values, ids, io) {
      if (ids.length === 0) throw new UsageError('give the ids of the solves to delete.');
      const { deleted } = await ask('history.delete', { ids });
      io.out(`Deleted ${deleted} of ${ids.length} solves.\n`);
      if (deleted === ids.length) return 0;
      io.err(`${ids.length - deleted} of the ids are not in the history.\n`);
      return 1;
    },
  },
  wipe: {
    options: ['yes'],
    async run(ask, values, positionals, io) {
      if (positionals.length > 0) throw new UsageError('wipe takes no arguments.');
      if (!values.yes) throw new UsageError('wipe deletes every solve and batch run for good: add --yes to confirm.');
      const { deleted } = await ask('history.wipe', { confirm: true });
      io.out(`Wiped the history: ${deleted} solves deleted, the file compacted.\n`);
      return 0;
    },
  },
  export: {
    options: ['format', 'out'],
    async run(ask, values, ids, io) {
      const format = (text(values, 'format') ?? 'json') as 'json' | 'csv';
      const exported = await ask('history.export', { format, ...(ids.length > 0 ? { ids } : {}) });
      const out = text(values, 'out');
      if (out === undefined) {
        io.out(exported.text);
      } else {
        writeFileSync(out, exported.text);
        io.err(`Exported to ${out}.\n`);
      }
      return 0;
    },
  },
  import: {
    options: [],
    async run(ask, _values, positionals, io) {
      if (positionals.length !== 1) throw new UsageError('give one file, written by trm history export.');
      const { added, skipped } = await ask('history.import', { text: readFileSync(positionals[0] ?? '', 'utf8') });
      io.out(`Imported ${added} solves${skipped > 0 ? ` (${skipped} were already in the history)` : ''}.\n`);
      return 0;
    },
  },
  private: {
    options: [],
    async run(ask, _values, positionals, io) {
      const [choice, ...extra] = positionals;
      if (extra.length > 0 || (choice !== undefined && choice !== 'on' && choice !== 'off')) {
        throw new UsageError("private takes 'on', 'off', or nothing to show the setting.");
      }
      const settings =
        choice === undefined
          ? await ask('settings.get', {})
          : await ask('settings.set', { privateMode: choice === 'on' });
      io.out(
        settings.privateMode
          ? 'Private mode is on: solves are not recorded.\n'
          : 'Private mode is off: solves are recorded.\n',
      );
      return 0;
    },
  },
};

export const historyCommand: Command = {
  name: 'history',
  usage: `<${Object.keys(subcommands).join('|')}> [options]`,
  summary: 'List, show, label, delete, export, import or wipe the history of solves',
  help: [
    '  list [--kind sudoku|maze|arc] [--model ID] [--verified|--unverified] [--since DATE] [--until DATE]',
    '       [--search TEXT] [--limit N] [--offset N] [--json]',
    '                        newest first; --search looks in labels and source file names',
    '  show <id> [--json]    one solve with its step trace',
    '  label <id> [text]     set (or clear) a solve’s label',
    '  delete <id...>        delete solves',
    '  wipe --yes            delete everything and compact the file so nothing remains on disk',
    '  export [--format json|csv] [--out FILE] [id...]',
    '                        all solves, or the ones named; to stdout unless --out',
    '  import <file>         add the solves of a JSON export; importing twice adds nothing',
    '  private [on|off]      show or set private mode, under which solves are not recorded',
  ],
  options: {
    kind: { type: 'string' },
    model: { type: 'string' },
    verified: { type: 'boolean' },
    unverified: { type: 'boolean' },
    since: { type: 'string' },
    until: { type: 'string' },
    search: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [name, ...rest] = positionals;
    const subcommand = name === undefined ? undefined : subcommands[name];
    if (!subcommand) throw new UsageError(`choose one of: ${Object.keys(subcommands).join(', ')}.`);
    const stray = Object.keys(values).filter((option) => option !== 'data-dir' && !subcommand.options.includes(option));
    if (stray.length > 0) throw new UsageError(`${stray.map((o) => `--${o}`).join(', ')} does not apply to ${name}.`);

    const history = openHistory(text(values, 'data-dir') ?? defaultDataDir(io.env));
    if (history.status) io.err(`${history.status.message}\n`);
    if (!history.store) return 1;
    try {
      return await subcommand.run(asker(history.handlers), values, rest, io);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      io.err([`trm history ${name}: ${error.message}`, ...error.details.map((d) => `  ${d}`)].join('\n') + '\n');
      return 1;
    } finally {
      history.close();
    }
  },
};
