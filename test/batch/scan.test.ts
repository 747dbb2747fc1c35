import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolder } from '../../main/batch/index.ts';
import { folderWith, mixedFolder, sudokuLines, tempDir } from './helpers.ts';

describe('scanning a folder', () => {
  it('reads every kind and format under it, and says why each other file gives nothing', async () => {
    const scan = await scanFolder(mixedFolder);
    expect(scan.files.map((f) => [f.path, f.kind, f.puzzles.length])).toEqual([
      ['other/arc_challenges.json', 'arc', 3],
      ['other/mazes.txt', 'maze', 2],
      ['sudoku/more/hard-sudoku.txt', 'sudoku', 9],
      ['sudoku/more/with-bad-lines.txt', 'sudoku', 1],
      ['sudoku/sudoku-kaggle.csv', 'sudoku', 4],
      ['sudoku/week1.txt', 'sudoku', 4],
    ]);
    expect(scan.files[3]!.problems).toEqual([
      { line: 2, message: 'puzzle: wrong length, 80 cells instead of 81' },
      { line: 3, message: 'puzzle: wrong length, 82 cells instead of 81' },
    ]);
    expect(Object.fromEntries(scan.skipped.map((s) => [s.path, s.reason]))).toEqual({
      'other/arc_solutions.json': 'the solutions of arc_challenges.json, read with it',
      'other/binary.bin': 'a binary file, not text (NUL byte at offset 8)',
      'other/empty.txt': 'empty file',
      'other/not-a-puzzle.txt': 'not a puzzle file: no Sudoku, maze or ARC task recognised',
      'sudoku/week1.solutions.txt': 'the solutions of week1.txt, read with it',
    });
    // The solutions files were read with their puzzles: every Sudoku of week1 has its answer.
    expect(scan.files[5]!.puzzles.every((p) => p.kind === 'sudoku' && p.solution)).toBe(true);
  });

  it('reports huge, empty, linked, special and unreadable entries one by one and carries on', async () => {
    const dir = await folderWith({ 'good.txt': sudokuLines(2) });
    await writeFile(join(dir, 'huge.txt'), '');
    await truncate(join(dir, 'huge.txt'), 1024 ** 3); // sparse: a gigabyte that takes no disk
    await mkdir(join(dir, 'empties'));
    await Promise.all(Array.from({ length: 2000 }, (_, i) => writeFile(join(dir, 'empties', `e${i}.txt`), '')));
    const outside = await folderWith({ 'secret.txt': sudokuLines(1, 99) });
    await symlink(join(outside, 'secret.txt'), join(dir, 'escape.txt'));
    await symlink(join(dir, 'good.txt'), join(dir, 'alias.txt'));
    await symlink(join(dir, 'nowhere'), join(dir, 'broken.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await writeFile(join(dir, 'locked.txt'), sudokuLines(1, 7));
    await chmod(join(dir, 'locked.txt'), 0o000);

    const scan = await scanFolder(dir);
    const reason = (path: string) => scan.skipped.find((s) => s.path === path)?.reason;
    expect(reason('huge.txt')).toBe('the file is 1024.0 MB, over the limit of 50.0 MB');
    expect(scan.skipped.filter((s) => s.path.startsWith('empties/') && s.reason === 'empty file')).toHaveLength(2000);
    expect(reason('escape.txt')).toBe('a symbolic link out of the folder, not followed');
    expect(reason('alias.txt')).toBe('a symbolic link to good.txt, which is read in its own place');
    expect(reason('broken.txt')).toBe('a broken symbolic link');
    expect(reason('pipe')).toBe('not a regular file (a device, socket or pipe)');
    // Tests run as root, whom mode 000 does not stop: the file is read like any other. For
    // another user the reader's "cannot read: EACCES" would land here as the reason instead.
    const locked = scan.files.find((f) => f.path === 'locked.txt');
    if (process.getuid?.() === 0) expect(locked?.puzzles).toHaveLength(1);
    else expect(reason('locked.txt')).toMatch(/^cannot read: EACCES/);
    expect(scan.files.map((f) => f.path).sort()).toEqual(
      process.getuid?.() === 0 ? ['good.txt', 'locked.txt'] : ['good.txt'],
    );
  });

  it('reports a subfolder it cannot list and still reads the rest', async () => {
    const dir = await folderWith({ 'a.txt': sudokuLines(1), 'closed/b.txt': sudokuLines(1, 5) });
    await chmod(join(dir, 'closed'), 0o000);
    const scan = await scanFolder(dir);
    await chmod(join(dir, 'closed'), 0o755);
    if (process.getuid?.() === 0) expect(scan.files).toHaveLength(2);
    else
      expect(scan.skipped).toContainEqual({ path: 'closed', reason: expect.stringMatching(/^cannot read the folder/) });
    expect(scan.files[0]!.path).toBe('a.txt');
  });

  it('refuses a path that is not a folder', async () => {
    await expect(scanFolder(join(await tempDir(), 'missing'))).rejects.toThrow();
    await expect(scanFolder(join(mixedFolder, 'sudoku', 'week1.txt'))).rejects.toThrow('is not a folder');
  });
});
