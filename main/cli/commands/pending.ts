import type { Command } from '../command.ts';

/** A command whose capability is not built yet: it says so and fails, rather than pretending. */
export function pendingCommand(name: string, usage: string, summary: string): Command {
  return {
    name,
    usage,
    summary: `${summary} (not available in this version)`,
    help: [],
    options: {},
    run: async (_args, io) => {
      io.err(`trm ${name}: not available in this version yet.\n`);
      return 1;
    },
  };
}
