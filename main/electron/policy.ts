// The Electron window's security policy as small pure functions, so every rule is unit
// tested without the Electron binary. main.ts only wires them to Electron's hooks.
import type { WebPreferences } from 'electron';
import type { Reply } from '../../preload/reply.ts';
import { contentType, rendererCsp, resolveAsset } from '../app/renderer-assets.ts';

export const appScheme = 'app';
export const appHost = 'renderer';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own renderer pages, and nothing that merely looks like them. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost && !parsed.username;
}

/** The app is a single page: any navigation away from it is refused. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

const schemesThatStayLocal = new Set([`${appScheme}:`, 'data:', 'blob:', 'devtools:']);

/** The network kill switch: every request that is not the app's own content is cancelled. */
export function mayRequest(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    schemesThatStayLocal.has(parsed.protocol) &&
    (parsed.protocol !== `${appScheme}:` || isAppUrl(url))
  );
}

/** Camera, microphone, notifications, geolocation...: the app needs none of them. */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}

/** IPC is answered only for our own page, never for a frame some content smuggled in. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

export const untrustedSenderReply: Reply<never> = {
  ok: false,
  error: { code: 'failed', message: 'Request refused: it did not come from the app window.' },
};

export type AssetAnswer =
  { status: 200; path: string; headers: Record<string, string> } | { status: 404; headers: Record<string, string> };

/** What the app:// protocol answers for a URL: a file inside the renderer folder, or 404. */
export function answerAppRequest(rendererDir: string, url: string): AssetAnswer {
  const headers = { 'Content-Security-Policy': rendererCsp, 'X-Content-Type-Options': 'nosniff' };
  const parsed = parse(url);
  const path = parsed && isAppUrl(url) ? resolveAsset(rendererDir, parsed.pathname) : null;
  if (path === null) return { status: 404, headers };
  return { status: 200, path, headers: { ...headers, 'Content-Type': contentType(path) } };
}
