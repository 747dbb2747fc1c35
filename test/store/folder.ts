// A fresh folder for each test of a file, removed after it.
import { afterEach, beforeEach } from 'vitest';
import { historyFile } from '../../main/store/index.ts';
import { tempDir } from './fixtures.ts';

/** `dir` and `file` (the history file in it) are new for each test. */
export function freshFolderPerTest(): { readonly dir: string; readonly file: string } {
  const current = { dir: '', file: '' };
  let remove = () => {};
  beforeEach(() => {
    const folder = tempDir();
    current.dir = folder.dir;
    current.file = historyFile(folder.dir);
    remove = folder.remove;
  });
  afterEach(() => remove());
  return current;
}
