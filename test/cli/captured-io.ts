import type { CliIo } from '../../main/cli/command.ts';

/** A terminal for in-process CLI tests: what the command printed, on which stream. */
export function captured(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    env: {},
    isTty: false,
    interrupted: new Promise(() => {}),
    stdout: () => out,
    stderr: () => err,
  };
}
