// The HTML report of a real `trm eval` run, opened from disk in headless Chromium: it must
// render on its own (nothing fetched) and look right in the screenshot.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command.ts';
import { runCli } from '../../main/cli/index.ts';
import { generateSudoku, formatSudokuCells } from '../../main/puzzles/index.ts';
import { mixedFolder, tempDir, tinyModelsDir } from '../batch/helpers.ts';
import { launchChromium, recordRequests, screenshot } from './browser.ts';

/** Sudoku across the difficulty bins, so every chart has something to show. */
async function evaluationFolder(): Promise<string> {
  const dir = await tempDir('trm-e2e-batch-');
  await mkdir(join(dir, 'generated'));
  for (const givens of [24, 34]) {
    const lines = Array.from({ length: 12 }, (_, i) =>
      formatSudokuCells(generateSudoku({ seed: givens * 100 + i, givens }).givens),
    );
    await writeFile(join(dir, 'generated', `givens-${givens}.txt`), lines.join('\n') + '\n');
  }
  await cp(mixedFolder, join(dir, 'collected'), { recursive: true });
  return dir;
}

describe('the evaluation report in a browser', () => {
  let browser: Browser;
  let reportDir: string;

  beforeAll(async () => {
    reportDir = join(await tempDir('trm-e2e-report-'), 'out');
    const dataDir = await tempDir();
    const folder = await evaluationFolder();
    const models = await tinyModelsDir();
    const trmEval = async (...args: string[]) => {
      let stderr = '';
      const io: CliIo = {
        out: () => {},
        err: (text) => void (stderr += text),
        env: { TRM_DATA_DIR: dataDir },
        isTty: false,
        interrupted: new Promise(() => {}),
      };
      expect(await runCli(['eval', folder, '--models-dir', models, '--threads', '1', ...args], io)).toBe(0);
      return /Run (\S+) started/.exec(stderr)![1]!;
    };
    // Two settings over the same puzzles: the second run's report, and the two side by side.
    const first = await trmEval('--steps', '2');
    await trmEval('--halt', '--steps', '8', '--out', reportDir, '--compare', first);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders from the file alone, with its charts and tables, and is screenshotted', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = recordRequests(page);
    const url = pathToFileURL(join(reportDir, 'report.html')).href;
    await page.goto(url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Evaluation of tiny-sudoku');
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    expect(await page.locator('tbody tr').count()).toBe(6);
    expect(await page.getByText('no model chosen for maze puzzles in this run', { exact: false }).count()).toBe(1);
    expect(requests).toEqual([url]);
    await screenshot(page, 'batch-report');
  });

  it('shows two runs side by side', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = recordRequests(page);
    const url = pathToFileURL(join(reportDir, 'comparison.html')).href;
    await page.goto(url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('tiny-sudoku vs tiny-sudoku');
    expect(await page.getByText('fixed 2 steps', { exact: false }).count()).toBe(1);
    expect(await page.getByText('halt, at most 8 steps', { exact: false }).count()).toBe(1);
    expect(requests).toEqual([url]);
    await screenshot(page, 'batch-comparison');
  });
});
