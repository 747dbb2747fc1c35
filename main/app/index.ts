// The composition root: the services behind every door (Electron, HTTP, CLI), wired once.
import { platform } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, DialogRequest } from '../../preload/api.ts';
import { ApiError } from '../../preload/reply.ts';
import type { ProviderSetting } from '../engine/index.ts';
import { Engine, listModels } from '../engine/index.ts';
import { parsePuzzleText } from '../puzzles/index.ts';
import type { Handlers } from './dispatch.ts';
import { EventBus } from './events.ts';
import { openHistory } from './history.ts';
import { batchHandlers } from './batch.ts';
import { solveHandlers } from './solve.ts';
import { engineOptionsOf, engineSettingsHandlers, startingEngineSettings } from './engine-settings.ts';
import { uiHandlers } from './ui.ts';
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
  provider?: ProviderSetting;
  /** The inference worker script, when bundling moved it (Electron). */
  workerUrl?: URL;
  /** Shows the system's file or folder dialog; only a door with windows (Electron) has one. */
  openDialog?: (request: DialogRequest) => Promise<string | null>;
}

export interface App {
  handlers: Handlers;
  events: EventBus;
  info: AppInfo;
  engine: Engine;
  close(): Promise<void>;
}

export function createApp(config: AppConfig): App {
  const dataDir = config.dataDir ?? defaultDataDir();
  const info: AppInfo = {
    name: 'TRM',
    version,
    shell: config.shell,
    platform: platform(),
    dataDir,
    modelsDir: config.modelsDir ?? join(appRoot, 'models'),
    userModelsDir: join(dataDir, 'models'),
    offline: true,
    dialogs: config.openDialog !== undefined,
  };
  const history = openHistory(info.dataDir);
  if (history.status) info.history = history.status;
  const events = new EventBus();
  const engineSettings = startingEngineSettings(dataDir, config.provider);
  const engine = new Engine({
    modelsDir: info.modelsDir,
    extraModelsDirs: [info.userModelsDir],
    ...engineOptionsOf(engineSettings),
    workerUrl: config.workerUrl,
  });

  const handlers: Handlers = {
    'app.info': async () => info,
    'models.list': () => listModels([info.modelsDir, info.userModelsDir]),
    'puzzles.parse': async ({ text, fileName }) => parsePuzzleText(text, fileName),
    'dialog.open': async (request) => {
      if (!config.openDialog) {
        throw new ApiError({
          code: 'unavailable',
          message: 'This way into the app has no file dialogs: type the path instead.',
        });
      }
      return { path: await config.openDialog(request) };
    },
    ...solveHandlers(engine, events, (solve) => history.store?.saveSolve(solve), {
      pastPuzzle: (id) => history.store?.getSolve(id)?.puzzle ?? null,
    }),
    ...history.handlers,
    ...uiHandlers(info),
    ...engineSettingsHandlers(engine, dataDir, engineSettings),
    ...batchHandlers({
      engine,
      events,
      history,
      modelsDirs: [info.modelsDir, info.userModelsDir],
      appVersion: version,
    }),
  };

  return {
    handlers,
    events,
    info,
    engine,
    close: async () => {
      await engine.close();
      history.close();
    },
  };
}
