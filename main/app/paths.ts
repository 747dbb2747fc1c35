import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or unpacked app) root, where `models/` and the built renderer live. */
export const appRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where history and settings live when no Electron userData is available: an explicit
 * choice wins, then TRM_DATA_DIR, then the platform's usual per-user data folder.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.TRM_DATA_DIR) return env.TRM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'trm');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'trm');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'trm');
}
