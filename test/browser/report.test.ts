/**
 * index.html in a real browser: headless Chromium (Debian's package; CI installs it) opens the
 * page from disk, finds the eight figures with their titles, sees no request leave the page,
 * and takes a screenshot. Skipped, saying why, where /usr/bin/chromium is absent.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFigureFiles } from '../../src/render/figures.js';
import { fixtureResults } from '../render/fixture-results.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/browser: skipped, ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('index.html in headless Chromium', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cj-browser-'));
    for (const file of await renderFigureFiles(await fixtureResults(), { png: false })) await writeFile(join(dir, file.name), file.content);
  });

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('shows the eight figures with their titles, asks the network for nothing, and screenshots', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
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
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const pageUrl = pathToFileURL(join(dir, 'index.html')).href;
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url() !== pageUrl) requests.push(request.url());
      });
      // Should the page ask for anything online, the request is recorded above and goes nowhere.
      await page.route(/^(?!file:)/, (route) => route.abort());
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') failures.push(message.text());
      });

      await page.goto(pageUrl, { waitUntil: 'load' });
      expect(await page.getAttribute('html', 'lang')).toBe('nl');

      const results = await fixtureResults();
      const figures = page.locator('figure.figure');
      expect(await figures.count()).toBe(8);
      for (const [index, figure] of results.figures.entries()) {
        const element = figures.nth(index);
        expect(await element.getAttribute('id')).toBe(`figuur-${figure.id}`);
        const svgTexts = await element.locator('svg text').allTextContents();
        expect(svgTexts).toContain(`Figuur ${figure.id}`);
        expect(svgTexts).toContain(figure.title);
        expect(await element.locator('svg').isVisible()).toBe(true);
        const box = await element.locator('svg').boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(300);
      }
      expect(await page.locator('.grade-display').textContent()).toBe('6,1');
      const leadTimes = page.locator('#doorlooptijden figure.lead-times-chart svg');
      expect(await leadTimes.isVisible()).toBe(true);
      expect(await leadTimes.locator('text').allTextContents()).toEqual(expect.arrayContaining(['56 dagen', 'Totaal (n=12)']));

      const screenshot = join(dir, 'index.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect((await stat(screenshot)).size).toBeGreaterThan(50_000);

      expect(requests, 'requests besides the page itself').toEqual([]);
      expect(failures).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
