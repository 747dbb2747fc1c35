// engine.settings / engine.configure: the accelerator and thread count. A change is kept in
// the data folder's engine.json and applies at once (work already running finishes as it
// began); the reply also says what onnxruntime offers on this machine and what the loaded
// models run on.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineSettings, EngineSettingsState } from '../../preload/api.ts';
import { providerChoices } from '../../preload/api.ts';
import type { Engine } from '../engine/index.ts';
import type { Handlers } from './dispatch.ts';

const engineFile = (dataDir: string): string => join(dataDir, 'engine.json');
const defaultEngine: EngineSettings = { provider: 'auto', threads: null };

/** The saved choice, or the defaults where the file is missing or not one we wrote. */
export function savedEngineSettings(dataDir: string): EngineSettings {
  let value: Partial<Record<keyof EngineSettings, unknown>>;
  try {
    value = JSON.parse(readFileSync(engineFile(dataDir), 'utf8')) as typeof value;
  } catch {
    return defaultEngine;
  }
  const provider = providerChoices.find((p) => p === value.provider) ?? defaultEngine.provider;
  const threads =
    typeof value.threads === 'number' && Number.isInteger(value.threads) && value.threads >= 1 ? value.threads : null;
  return { provider, threads };
}

/** Settings as Engine options: default threads (one per physical core) are left out. */
export function engineOptionsOf(settings: EngineSettings): { provider: EngineSettings['provider']; threads?: number } {
  return settings.threads === null ? { provider: settings.provider } : { ...settings, threads: settings.threads };
}

/** What an engine starts with: the saved choice, where a provider the caller names wins. */
export function startingEngineSettings(dataDir: string, provider?: EngineSettings['provider']): EngineSettings {
  const saved = savedEngineSettings(dataDir);
  return provider === undefined ? saved : { ...saved, provider };
}

export function engineSettingsHandlers(
  engine: Engine,
  dataDir: string,
  /** What the engine was made with. */
  startedWith: EngineSettings,
): Pick<Handlers, 'engine.settings' | 'engine.configure'> {
  let active = startedWith;
  const state = async (): Promise<EngineSettingsState> => ({
    active,
    saved: savedEngineSettings(dataDir),
    detected: await engine.describe(),
  });
  return {
    'engine.settings': state,

    async 'engine.configure'(change) {
      const chosen = { ...active, ...change };
      await mkdir(dataDir, { recursive: true });
      await writeFile(engineFile(dataDir), JSON.stringify(chosen, null, 2) + '\n');
      engine.configure(engineOptionsOf(chosen));
      active = chosen;
      return state();
    },
  };
}
