// `trm`: the core without a window. Exit codes: 0 done, 1 failed, 2 bad usage.
import { parseArgs } from 'node:util';
import { version } from '../app/index.ts';
import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { historyCommand } from './commands/history.ts';
import { checkCommand } from './commands/check.ts';
import { modelsCommand } from './commands/models.ts';
import { serveCommand } from './commands/serve.ts';
import { solveCommand } from './commands/solve.ts';
import { evalCommand } from './commands/eval.ts';

export const commands: Command[] = [
  serveCommand,
  modelsCommand,
  checkCommand,
  solveCommand,
  evalCommand,
  historyCommand,
];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `trm ${version}: tiny recursive reasoning models, solved on this machine; nothing leaves it.`,
    '',
    'Usage: trm <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options: --data-dir <dir> (or TRM_DATA_DIR) for history and settings.',
    "Run 'trm <command> --help' for a command's options.",
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: trm ${command.name} ${command.usage}`.trimEnd(), '', command.summary, '', ...command.help].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`trm: unknown command '${name}'.\n\n${mainHelp()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command) + '\n');
    return 0;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, 'data-dir': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    return await command.run(parsed, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage) {
      io.err(`trm ${name}: ${(error as Error).message}\nUsage: trm ${command.name} ${command.usage}\n`);
      return 2;
    }
    io.err(`trm ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
