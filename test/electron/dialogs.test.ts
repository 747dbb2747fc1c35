import { describe, expect, it } from 'vitest';
import { chosenPath, openDialogOptions } from '../../main/electron/dialogs.ts';

describe('the open dialog glue', () => {
  it('asks for a folder, or for a file of the kinds named with any file one choice away', () => {
    expect(openDialogOptions({ kind: 'folder', title: 'Choose a folder of puzzle files' })).toEqual({
      title: 'Choose a folder of puzzle files',
      properties: ['openDirectory', 'dontAddToRecent'],
    });
    expect(openDialogOptions({ kind: 'file', filters: [{ name: 'Model manifest', extensions: ['json'] }] })).toEqual({
      title: 'Choose a file',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [
        { name: 'Model manifest', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('answers the path chosen, or null when the dialog was closed', () => {
    expect(chosenPath({ canceled: false, filePaths: ['/home/me/puzzles'] })).toBe('/home/me/puzzles');
    expect(chosenPath({ canceled: true, filePaths: [] })).toBeNull();
    expect(chosenPath({ canceled: false, filePaths: [] })).toBeNull();
  });
});
