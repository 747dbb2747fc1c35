// Options shared by the commands that run the model (solve, eval): how long to think,
// whether to vote, and where to run.
import { join } from 'node:path';
import { appRoot } from '../app/index.ts';
import type { ProviderSetting, SolveSettings } from '../engine/index.ts';
import { Engine } from '../engine/index.ts';
import { defaultSolveOptions } from '../../preload/defaults.ts';
import type { Options } from './command.ts';
import { UsageError } from './command.ts';

export const engineOptions: Options = {
  model: { type: 'string' },
  policy: { type: 'string' },
  steps: { type: 'string' },
  tta: { type: 'string' },
  rethinks: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
  'models-dir': { type: 'string' },
};

export const engineHelp = [
  '  --model <id>       the model to use (default: the first installed for the puzzle kind)',
  '  --policy <p>       when to stop: verified (at the first answer that checks out, default), halt (when',
  '                     the model is confident), fixed (always --steps)',
  `  --steps <n>        at most this many supervision steps (default ${defaultSolveOptions.maxSteps})`,
  `  --tta <k>          also solve k transformed copies and vote (default ${defaultSolveOptions.augmentations}; 0 is off;`,
  "                     they run only when the puzzle's own answer does not check out; mazes use at most 7,",
  '                     ARC none)',
  `  --rethinks <r>     while the answer does not check out, start again with the model's 8 surest cells kept`,
  `                     as given, up to r times (default ${defaultSolveOptions.rethinks}; 0 is off; Sudoku only)`,
  '  --provider <p>     auto (default), cpu, cuda, webgpu, dml or coreml',
  '  --threads <n>      CPU threads for inference (default: the physical cores)',
  '  --models-dir <dir> a models folder with its manifest.json (default: models/ beside the app)',
];

function wholeNumber(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${String(value)}.`);
  }
  return n;
}

const policies = ['halt', 'fixed', 'verified'] as const;
const providers = ['auto', 'cpu', 'cuda', 'webgpu', 'dml', 'coreml'] as const;

export interface EngineChoices {
  settings: SolveSettings;
  modelId?: string;
  provider: ProviderSetting;
  threads?: number;
  /** Set by --models-dir; the app's own models folder otherwise. */
  modelsDir?: string;
}

export function engineChoices(values: Record<string, unknown>): EngineChoices {
  const policy = (values.policy ?? defaultSolveOptions.policy) as SolveSettings['policy'];
  if (!policies.includes(policy)) throw new UsageError(`--policy must be one of ${policies.join(', ')}.`);
  const provider = (values.provider ?? 'auto') as ProviderSetting;
  if (!providers.includes(provider)) throw new UsageError(`--provider must be one of ${providers.join(', ')}.`);
  return {
    settings: {
      policy,
      maxSteps: wholeNumber('steps', values.steps, 1, 64) ?? defaultSolveOptions.maxSteps,
      augmentations: wholeNumber('tta', values.tta, 0, 16) ?? defaultSolveOptions.augmentations,
      rethinks: wholeNumber('rethinks', values.rethinks, 0, 16) ?? defaultSolveOptions.rethinks,
    },
    modelId: values.model as string | undefined,
    provider,
    threads: wholeNumber('threads', values.threads, 1, 256),
    modelsDir: values['models-dir'] as string | undefined,
  };
}

/** The models folders a command reads: the chosen (or the app's own) folder, then the user's. */
export function modelsDirsFor(choices: EngineChoices, dataDir: string): string[] {
  return [choices.modelsDir ?? join(appRoot, 'models'), join(dataDir, 'models')];
}

/** The engine a command runs on, with the user's choices of models, provider and threads. */
export function commandEngine(choices: EngineChoices, dataDir: string): Engine {
  const [modelsDir, ...extraModelsDirs] = modelsDirsFor(choices, dataDir);
  return new Engine({
    modelsDir: modelsDir!,
    extraModelsDirs,
    provider: choices.provider,
    ...(choices.threads ? { threads: choices.threads } : {}),
  });
}
