import type { ParseArgsConfig } from 'node:util';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (progress bars) or a pipe (plain lines). */
  isTty: boolean;
  /** Resolves when the user asks a long-running command to stop (Ctrl-C). */
  interrupted: Promise<void>;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  summary: string;
  /** The argument synopsis after `trm <name>`, e.g. `<file> [--json]`. */
  usage: string;
  /** Lines describing each option, shown by `trm <name> --help`. */
  help: string[];
  options: Options;
  /** Returns the process exit code: 0 success, 1 failure. Throw UsageError for bad usage. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CliIo): Promise<number>;
}

/** Bad usage: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
