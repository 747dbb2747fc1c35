// The Electron shell: one window over the shared core. Every rule it applies lives in
// policy.ts; this file only connects those rules to Electron.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipcChannels } from '../../preload/channels.ts';
import { createApp, dispatch } from '../app/index.ts';
import { chosenPath, openDialogOptions } from './dialogs.ts';
import {
  answerAppRequest,
  appEntryUrl,
  appScheme,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  mayRequest,
  secureWebPreferences,
  untrustedSenderReply,
} from './policy.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function start(): Promise<void> {
  await app.whenReady();
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(mayGrantPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => mayGrantPermission(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayRequest(details.url) }));

  protocol.handle(appScheme, async (request) => {
    const answer = answerAppRequest(rendererDir, request.url);
    if (answer.status === 404) return new Response('Not found.', { status: 404, headers: answer.headers });
    try {
      return new Response(await readFile(answer.path), { headers: answer.headers });
    } catch {
      return new Response('Not found.', { status: 404, headers: answer.headers });
    }
  });

  /** The app's window, once open: dialogs are modal to it. */
  let dialogParent: BrowserWindow | null = null;
  const core = createApp({
    shell: 'electron',
    dataDir: app.getPath('userData'),
    // Models are unpacked from the asar archive (electron-builder.yml) so the worker reads them as plain files.
    modelsDir: app.isPackaged
      ? join(process.resourcesPath, 'app.asar.unpacked', 'models')
      : join(app.getAppPath(), 'models'),
    // Bundled next to this file; onnxruntime must not run on the Electron main thread.
    workerUrl: new URL('./worker.js', import.meta.url),
    openDialog: async (request) =>
      chosenPath(
        dialogParent && !dialogParent.isDestroyed()
          ? await dialog.showOpenDialog(dialogParent, openDialogOptions(request))
          : await dialog.showOpenDialog(openDialogOptions(request)),
      ),
  });
  ipcMain.handle(ipcChannels.request, (event, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame);
    return trusted ? dispatch(core.handlers, name, args) : untrustedSenderReply;
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    title: 'TRM',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  dialogParent = window;
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', unsubscribe);
  await window.loadURL(appEntryUrl);

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void core.close());
}

void start();
