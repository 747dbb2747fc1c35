import type { Transport } from '../../preload/client.ts';

declare global {
  interface Window {
    /** Present inside Electron (set by the preload); absent in browser mode. */
    trmIpc?: Transport;
  }
}
