import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerAppRequest,
  appEntryUrl,
  isAppUrl,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  mayRequest,
  secureWebPreferences,
} from '../../main/electron/policy.ts';

describe('the window', () => {
  it('isolates the renderer from Node and Electron', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('the app:// origin', () => {
  it('recognises only the renderer host of the app scheme', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://renderer/assets/x.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user@renderer/index.html')).toBe(false);
    expect(isAppUrl('https://renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('navigation', () => {
  it('stays inside the app', () => {
    expect(mayNavigate('app://renderer/index.html#/history')).toBe(true);
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayNavigate('file:///etc/passwd')).toBe(false);
    expect(mayNavigate('javascript:alert(1)')).toBe(false);
  });
});

describe('the network kill switch', () => {
  it('lets the app load its own files and inline data', () => {
    expect(mayRequest('app://renderer/assets/index.js')).toBe(true);
    expect(mayRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(mayRequest('blob:app://renderer/123')).toBe(true);
  });

  it('cancels everything that would leave the machine or read the disk', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///etc/passwd',
      'ftp://x/',
      'app://evil/x.js',
    ]) {
      expect(mayRequest(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('are all denied', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(mayGrantPermission(permission)).toBe(false);
    }
  });
});

describe('IPC senders', () => {
  it('are trusted only when they are the app page in the main frame', () => {
    expect(isTrustedSender(appEntryUrl, true)).toBe(true);
    expect(isTrustedSender(appEntryUrl, false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  const root = resolve('/opt/trm/dist/renderer');

  it('answers files inside the renderer folder with the CSP', () => {
    const answer = answerAppRequest(root, 'app://renderer/assets/index.js');
    expect(answer.status).toBe(200);
    expect(answer.status === 200 && answer.path).toBe(join(root, 'assets', 'index.js'));
    expect(answer.headers['Content-Security-Policy']).toContain("script-src 'self'");
  });

  it('never answers a file outside the renderer folder', () => {
    // The URL parser already folds dot segments, so this one lands inside the folder.
    const folded = answerAppRequest(root, 'app://renderer/%2e%2e/%2e%2e/etc/passwd');
    expect(folded.status === 200 && folded.path).toBe(join(root, 'etc', 'passwd'));
    expect(answerAppRequest(root, 'app://renderer/..%2f..%2fetc/passwd').status).toBe(404);
  });

  it('refuses foreign hosts', () => {
    expect(answerAppRequest(root, 'app://elsewhere/index.html').status).toBe(404);
  });
});
