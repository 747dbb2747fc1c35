// Electron preload (sandboxed): exposes the IPC transport as `window.trmIpc` and nothing
// else. The renderer builds its TrmApi on top (errors crossing contextBridge keep only
// their message, so replies are unwrapped on the renderer side), and the main process
// validates every request against the contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { ipcChannels } from './channels.ts';
import type { Transport } from './client.ts';
import type { Reply } from './reply.ts';

const transport: Transport = {
  call: (name, args) => ipcRenderer.invoke(ipcChannels.request, name, args) as Promise<Reply<unknown>>,
  listen(deliver) {
    const onEvent = (_event: IpcRendererEvent, name: string, payload: unknown) => deliver(name, payload);
    ipcRenderer.on(ipcChannels.event, onEvent);
    return () => ipcRenderer.off(ipcChannels.event, onEvent);
  },
};

contextBridge.exposeInMainWorld('trmIpc', transport);
