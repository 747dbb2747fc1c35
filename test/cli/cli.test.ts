import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index.ts';
import { captured } from './captured-io.ts';

describe('trm', () => {
  it('lists its commands with --help', async () => {
    const io = captured();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const name of ['serve', 'solve', 'eval', 'models', 'history']) expect(io.stdout()).toContain(`  ${name}`);
  });

  it('exits 2 with the usage when called without a command', async () => {
    const io = captured();
    expect(await runCli([], io)).toBe(2);
    expect(io.stdout()).toContain('Usage: trm <command>');
  });

  it('exits 2 and names an unknown command', async () => {
    const io = captured();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr()).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 for an unknown option, with the command’s usage', async () => {
    const io = captured();
    expect(await runCli(['serve', '--colour'], io)).toBe(2);
    expect(io.stderr()).toMatch(/--colour/);
    expect(io.stderr()).toContain('Usage: trm serve');
  });

  it('exits 2 for an impossible port', async () => {
    const io = captured();
    expect(await runCli(['serve', '--port', '99999'], io)).toBe(2);
    expect(io.stderr()).toContain('--port must be a whole number');
  });

  it('shows a command’s help', async () => {
    const io = captured();
    expect(await runCli(['serve', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: trm serve [--port <n>]');
  });

  it('treats eval without a folder as bad usage', async () => {
    const io = captured();
    expect(await runCli(['eval'], io)).toBe(2);
    expect(io.stderr()).toContain('Usage: trm eval <folder>');
  });
});

describe('the trm executable', () => {
  it('runs as a bin under Node and exits with the code the command chose', async () => {
    const bin = fileURLToPath(new URL('../../main/cli/trm.ts', import.meta.url));
    const child = spawn(process.execPath, [bin, 'frobnicate'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });
});
