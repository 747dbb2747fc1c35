// Shared by the end-to-end suites: a real `trm serve` process and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = join(repo, 'test', 'e2e', '__screenshots__');

export interface Served {
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The app's models folder; the shipped models/ when left out. */
  modelsDir?: string;
}

/** Starts `trm serve` exactly as a user would and waits for the URL it prints. */
export async function startTrmServe(options: ServeOptions = {}): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trm-e2e-'));
  const modelsArgs = options.modelsDir ? ['--models-dir', options.modelsDir] : [];
  const child = spawn(process.execPath, [join(repo, 'main', 'cli', 'trm.ts'), 'serve', ...modelsArgs], {
    env: { ...process.env, TRM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`trm serve printed no URL:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`trm serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** For `expect.poll` on what waits for the core: the machine is shared, a second is not always enough. */
export const coreAnswer = { timeout: 15_000 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenApp {
  served: Served;
  page: Page;
  close(): Promise<void>;
}

/** `trm serve`, Chromium and a 1024x700 page on the app; `beforeOpen` may watch the page first. */
export async function openApp(options: ServeOptions = {}, beforeOpen?: (page: Page) => void): Promise<OpenApp> {
  const served = await startTrmServe(options);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
  beforeOpen?.(page);
  await page.goto(served.url);
  return {
    served,
    page,
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}

/** Every URL the page asks for, to prove that nothing leaves the machine. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
