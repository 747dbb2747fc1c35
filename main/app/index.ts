// The composition root: the services behind every door (Electron, HTTP, CLI), wired once.
import { platform } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import { listModels } from '../engine/manifest.ts';
import { parsePuzzleText } from '../puzzles/index.ts';
import type { Handlers } from './dispatch.ts';
import { EventBus } from './events.ts';
import { appRoot, defaultDataDir } from './paths.ts';
import { version } from './version.ts';

export { dispatch, type Handlers } from './dispatch.ts';
export { EventBus } from './events.ts';
export { appRoot, defaultDataDir } from './paths.ts';
export { version } from './version.ts';

export interface AppConfig {
  shell: AppInfo['shell'];
  dataDir?: string;
  modelsDir?: string;
}

export interface App {
  handlers: Handlers;
  events: EventBus;
  info: AppInfo;
  close(): Promise<void>;
}

/** Not built yet: the contract is fixed, the capability arrives with its own module. */
function unavailable(what: string): () => Promise<never> {
  return () =>
    Promise.reject(new ApiError({ code: 'unavailable', message: `${what} is not available in this version.` }));
}

export function createApp(config: AppConfig): App {
  const info: AppInfo = {
    name: 'TRM',
    version,
    shell: config.shell,
    platform: platform(),
    dataDir: config.dataDir ?? defaultDataDir(),
    modelsDir: config.modelsDir ?? join(appRoot, 'models'),
    offline: true,
  };
  const events = new EventBus();

  const handlers: Handlers = {
    'app.info': async () => info,
    'models.list': () => listModels(info.modelsDir),
    'puzzles.parse': async ({ text, fileName }) => parsePuzzleText(text, fileName),
    'solve.start': unavailable('Solving with a model'),
    'solve.cancel': unavailable('Solving with a model'),
    'history.list': unavailable('History'),
    'history.delete': unavailable('History'),
    'batch.scan': unavailable('Batch evaluation'),
    'batch.start': unavailable('Batch evaluation'),
    'batch.cancel': unavailable('Batch evaluation'),
  };

  return { handlers, events, info, close: async () => {} };
}
