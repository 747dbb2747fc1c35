/** The only two IPC channels between the renderer and the main process. */
export const ipcChannels = {
  request: 'trm:request',
  event: 'trm:event',
} as const;
