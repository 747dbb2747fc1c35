import { createApp } from '../../app/index.ts';
import type { Command } from '../command.ts';

export const modelsCommand: Command = {
  name: 'models',
  usage: '[--json]',
  summary: 'List the installed models and check their files',
  help: ['  --json   one JSON object per model'],
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const app = createApp({ shell: 'cli', dataDir: values['data-dir'] as string | undefined });
    const models = await app.handlers['models.list']({});
    if (values.json) {
      for (const model of models) io.out(JSON.stringify(model) + '\n');
    } else if (models.length === 0) {
      io.out(`No models installed in ${app.info.modelsDir}.\n`);
    } else {
      for (const m of models) {
        const status = m.status.state === 'ok' ? 'ok' : `${m.status.state}: ${m.status.reason}`;
        io.out(`${m.id}  ${m.kind}  ${(m.parameters / 1e6).toFixed(2)}M params  ${status}\n`);
      }
    }
    return models.every((m) => m.status.state === 'ok') ? 0 : 1;
  },
};
