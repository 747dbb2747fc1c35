import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApp, Served } from './browser.ts';
import { coreAnswer, openApp, recordRequests, screenshot } from './browser.ts';

describe('the app in a browser, served by `trm serve`', () => {
  let app: OpenApp;
  let served: Served;
  let page: Page;
  let requests: string[] = [];
  /** Script errors and console errors (a CSP violation is one). */
  const problems: string[] = [];

  beforeAll(async () => {
    app = await openApp({}, (page) => {
      requests = recordRequests(page);
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
      });
    });
    ({ served, page } = app);
  });

  afterAll(() => app?.close());

  it('opens from the printed URL and drops the token from the address bar', async () => {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(page.url()).toBe(`${served.origin}/`);
    expect(await page.title()).toBe('TRM');
  });

  it('shows the five screens in the navigation', async () => {
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['Solve', 'History', 'Batch', 'Models', 'Settings']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Solve');
    await screenshot(page, 'solve');
  });

  it('moves between screens and marks the current one', async () => {
    for (const name of ['History', 'Batch', 'Models', 'Settings']) {
      await page.getByRole('link', { name }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      expect(await page.getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('gets its facts from the core through the API', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByText('local browser mode').count(), coreAnswer).toBe(1);
    expect(await page.getByText('Nothing leaves this machine.').count()).toBe(1);
    // What the real engine detected on this machine: the CPU at least, each other provider with its reason.
    const accelerators = page.getByRole('list', { name: 'Accelerators on this machine' });
    await expect.poll(() => accelerators.getByRole('listitem').count(), coreAnswer).toBe(5);
    expect(await page.locator('#engine-detected').textContent()).toMatch(/^\s*Detected:\s*CPU\b/);
    await page.getByLabel('Run models on').selectOption('cpu');
    await page.getByLabel('Threads').fill('2');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Applied: models now run on CPU with 2 threads.').waitFor();
    expect(await page.getByText(/^Running with/).textContent()).toBe('Running with CPU with 2 threads.');
    await screenshot(page, 'settings-light');
  });

  it('switches to the dark theme when the OS prefers it, and back on the user’s choice', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(dark).not.toBe(light);
    await screenshot(page, 'settings-dark');
    await page.getByLabel('Light').check();
    expect(await background()).toBe(light);
    await page.getByLabel('Follow the system').check();
    expect(await background()).toBe(dark);
  });

  it('reads a pasted maze through the core and switches to the maze editor', async () => {
    await page.getByRole('link', { name: 'Solve' }).click();
    await page.getByRole('button', { name: 'Paste text…' }).click();
    await page.getByLabel('Puzzle text').fill('#######\n#S    #\n# ### #\n#   # #\n### # #\n#    G#\n#######');
    await page.getByRole('button', { name: 'Read' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), coreAnswer).toContain('1 maze read');
    expect(await page.getByRole('radio', { name: 'Maze' }).isChecked()).toBe(true);
    expect(
      await page
        .getByRole('grid', { name: 'Maze' })
        .getByRole('gridcell', { name: /: start$/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'solve-maze');
  });

  it('opens an ARC file of two test inputs, lets the user pick one, and shows its examples and an editable test', async () => {
    await page
      .getByLabel('Puzzle file')
      .setInputFiles(fileURLToPath(new URL('../fixtures/good/arc-task.json', import.meta.url)));
    await page.getByRole('region', { name: 'Puzzles in the file' }).getByRole('button', { name: /^#1/ }).click();
    expect(await page.getByRole('radio', { name: 'ARC' }).isChecked()).toBe(true);
    expect(await page.getByRole('grid', { name: 'Example 1 input' }).count()).toBe(1);
    const test = page.getByRole('grid', { name: 'Test input' });
    await page.getByRole('radio', { name: 'colour 2' }).check();
    await test.getByRole('gridcell').first().click();
    expect(await test.getByRole('gridcell').first().getAttribute('aria-label')).toBe('row 1 column 1: colour 2');
    await screenshot(page, 'solve-arc');
  });

  it('raised no script error and broke no content security rule on the way', () => {
    expect(problems).toEqual([]);
  });

  it('made no request to anything but its own server on 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((url) => new URL(url).origin !== served.origin);
    expect(foreign).toEqual([]);
  });
});
