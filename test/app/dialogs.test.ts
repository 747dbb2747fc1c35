import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App, AppConfig } from '../../main/app/index.ts';
import { createApp, dispatch } from '../../main/app/index.ts';
import type { DialogRequest } from '../../preload/api.ts';

const apps: App[] = [];
async function app(config: Partial<AppConfig> = {}): Promise<App> {
  const created = createApp({
    shell: 'browser',
    dataDir: await mkdtemp(join(tmpdir(), 'trm-dialogs-')),
    modelsDir: '/nonexistent',
    ...config,
  });
  apps.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('dialog.open', () => {
  it('is offered only by a door that has dialogs, and AppInfo says which', async () => {
    const browser = await app();
    expect((await browser.handlers['app.info']({})).dialogs).toBe(false);
    expect(await dispatch(browser.handlers, 'dialog.open', { kind: 'folder' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/type the path/) },
    });

    const asked: DialogRequest[] = [];
    const desktop = await app({
      shell: 'electron',
      openDialog: async (request) => {
        asked.push(request);
        return request.kind === 'folder' ? '/home/me/puzzles' : null;
      },
    });
    expect((await desktop.handlers['app.info']({})).dialogs).toBe(true);
    expect(await dispatch(desktop.handlers, 'dialog.open', { kind: 'folder' })).toEqual({
      ok: true,
      value: { path: '/home/me/puzzles' },
    });
    const file = { kind: 'file', filters: [{ name: 'Model manifest', extensions: ['json'] }] } as const;
    expect(await dispatch(desktop.handlers, 'dialog.open', file)).toEqual({ ok: true, value: { path: null } });
    expect(asked).toEqual([{ kind: 'folder' }, file]);
  });

  it('refuses filters that are not plain extensions before any dialog opens', async () => {
    const desktop = await app({ openDialog: () => Promise.reject(new Error('must not open')) });
    const reply = await dispatch(desktop.handlers, 'dialog.open', {
      kind: 'file',
      filters: [{ name: 'Anything', extensions: ['../*'] }],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});
