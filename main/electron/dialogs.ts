// The system's open dialog behind `dialog.open`, as two small pure functions (the request
// in Electron's terms, and the path chosen) so the glue is tested without the Electron binary.
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { DialogRequest } from '../../preload/api.ts';

export function openDialogOptions(request: DialogRequest): OpenDialogOptions {
  if (request.kind === 'folder') {
    return { title: request.title ?? 'Choose a folder', properties: ['openDirectory', 'dontAddToRecent'] };
  }
  return {
    title: request.title ?? 'Choose a file',
    properties: ['openFile', 'dontAddToRecent'],
    // The kinds asked for first; any file stays one choice away.
    filters: [...(request.filters ?? []), { name: 'All files', extensions: ['*'] }],
  };
}

/** The one path chosen, or null when the dialog was closed without a choice. */
export function chosenPath(result: OpenDialogReturnValue): string | null {
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
