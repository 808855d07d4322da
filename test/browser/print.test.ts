/**
 * rapport.html printed to PDF by headless Chromium (Debian's package; CI installs it), as an
 * analyst would print it: the pages looked at with poppler (pdfinfo, pdftotext per page, pdftoppm
 * to grey pixels). Each figure with its table on one page, no page but the last less than half
 * full, the study's name and "pagina i van n" in every footer, no respondent code anywhere.
 * Skipped, saying why, where chromium or poppler is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/count/results.js';
import { renderFigureFiles } from '../../src/render/figures.js';
import { fixtureResults } from '../render/fixture-results.js';

const CHROMIUM = '/usr/bin/chromium';
const POPPLER = ['/usr/bin/pdftoppm', '/usr/bin/pdftotext', '/usr/bin/pdfinfo'];
const missing = [CHROMIUM, ...POPPLER].filter((path) => !existsSync(path));
if (missing.length > 0) console.warn(`test/browser/print: skipped, ${missing.join(', ')} absent (apt-get install -y chromium poppler-utils)`);

/** A4 at 36 dpi in pixels, and the page's margins of rapport.html (18 mm top, 20 mm bottom). */
const DPI = 36;
const MM = DPI / 25.4;
const PAGE_HEIGHT = Math.round(297 * MM);
const TOP = 18 * MM;
const BOTTOM = PAGE_HEIGHT - 20 * MM;

/** Rows of a binary PGM (P5) from pdftoppm -gray: whether each row holds any ink. */
function inkedRows(pgm: Buffer): boolean[] {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64));
  if (header === null) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return Array.from({ length: height }, (_, y) => pixels.subarray(y * width, (y + 1) * width).some((value) => value < 200));
}

/** A bar's table row as pdftotext -layout prints it: "count (p%)" per category, then n. */
function rowPattern(figure: Results['figures'][number], bar: Results['figures'][number]['bars'][number]): RegExp {
  const cells = figure.categories.map((category) => `${bar.counts[category.key] ?? 0} \\(${bar.percentages[category.key] ?? 0}%\\)`);
  return new RegExp(`${cells.join('\\s+')}\\s+${bar.n}\\b`);
}

describe.skipIf(missing.length > 0)('rapport.html printed by Chromium', () => {
  let dir = '';
  let pages: string[] = [];
  let results: Results;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cj-print-'));
    results = await fixtureResults();
    for (const file of await renderFigureFiles(results, { png: false })) await writeFile(join(dir, file.name), file.content);
    const pdf = join(dir, 'rapport.pdf');
    execFileSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(join(dir, 'rapport.html')).href],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    pages = Array.from({ length: count }, (_, index) =>
      execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), pdf, '-'], { encoding: 'utf8' }),
    );
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, join(dir, 'page')]);
  }, 90_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('is five A4 pages for the fixture (looked at: figures 1–3, 4–6, 7–8, the lead times, the grade, the youth and the method)', () => {
    expect(pages).toHaveLength(5);
  });

  it('keeps every figure on one page with its whole table', () => {
    for (const figure of results.figures) {
      const titled = pages.findIndex((text) => new RegExp(`Figuur ${figure.id}\\n`).test(text));
      expect(titled, `figure ${figure.id}`).toBeGreaterThanOrEqual(0);
      const page = pages[titled] ?? '';
      expect(page, `figure ${figure.id}: table caption`).toContain(`Aantallen en percentages bij figuur ${figure.id}`);
      for (const bar of figure.bars) expect(page, `figure ${figure.id}, ${bar.column}: table row`).toMatch(rowPattern(figure, bar));
    }
  });

  it('keeps the lead-time figure with its table', () => {
    const page = pages.find((text) => text.includes('Doorlooptijden in kalenderdagen, volwassenen')) ?? '';
    // The figure's own title (in the SVG) and the table's last row, "Totaal: …" with its n of 12.
    expect(page).toContain('Poortmodel (n=11)');
    expect(page).toMatch(/Totaal: Melden op het[\s\S]*?\b12\s+36\s+38/);
  });

  it('leaves no page but the last less than half full', async () => {
    for (let index = 0; index < pages.length - 1; index++) {
      const rows = inkedRows(await readFile(join(dir, `page-${index + 1}.pgm`)));
      expect(rows).toHaveLength(PAGE_HEIGHT);
      // The lowest ink above the footer's margin, as a share of the text area's height.
      const lowest = rows.findLastIndex((inked, y) => inked && y < BOTTOM - 2);
      const filled = (lowest - TOP) / (BOTTOM - TOP);
      expect(filled, `page ${index + 1}`).toBeGreaterThan(0.5);
    }
  });

  it("has the study's name and 'pagina i van n' in every footer", () => {
    pages.forEach((text, index) => {
      const footer = text.trimEnd().split('\n').at(-1) ?? '';
      expect(footer).toContain(results.survey.name);
      expect(footer).toMatch(new RegExp(`pagina ${index + 1} van ${pages.length}$`));
    });
  });

  it('prints no respondent code, file name, hash or analyst notice', () => {
    const all = pages.join('\n');
    expect(all).not.toMatch(/\bA16\b|haarlem-2016\.csv|sha256|Let op/);
    expect(all).toContain('Werkwijze');
    expect(all).toContain('6,1');
  });
});
