import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, createApp } from '../../app/index.ts';
import { startServer } from '../../server/index.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

export const rendererDir = join(appRoot, 'dist', 'renderer');

export const serveCommand: Command = {
  name: 'serve',
  usage: '[--port <n>] [--models-dir <dir>]',
  summary: 'Open the app in your browser, served from this machine only (127.0.0.1)',
  help: [
    '  --port <n>            listen on this port (default: a random free port)',
    "  --models-dir <dir>    the app's models folder (default: models/ beside the app)",
  ],
  options: { port: { type: 'string' }, 'models-dir': { type: 'string' } },
  async run({ values }, io) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not ${String(values.port)}.`);
    }
    if (!existsSync(join(rendererDir, 'index.html'))) {
      io.err(`The renderer is not built (${rendererDir}): run 'npm run build:renderer' first.\n`);
      return 1;
    }
    const app = createApp({
      shell: 'browser',
      dataDir: values['data-dir'] as string | undefined,
      modelsDir: values['models-dir'] as string | undefined,
    });
    const server = await startServer({ app, rendererDir, port });
    io.out(`TRM is running at ${server.url}\nOpen that address in your browser. Press Ctrl-C to stop.\n`);
    await io.interrupted;
    await server.close();
    await app.close();
    return 0;
  },
};
