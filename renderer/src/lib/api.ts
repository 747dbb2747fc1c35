import type { TrmApi } from '../../../preload/api.ts';
import { createTrmApi } from '../../../preload/client.ts';
import { httpTransport } from './http-transport.ts';

/** The one door to the core: Electron IPC when the preload provided it, else HTTP. */
export const trm: TrmApi = createTrmApi(window.trmIpc ?? httpTransport());
