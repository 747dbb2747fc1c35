#!/usr/bin/env node
import { runCli } from './index.ts';

const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  interrupted,
});
