/**
 * rapport.docx: unzipped and read as XML (headings in Word's styles, an image with alt text per
 * figure, the tables), the same bytes twice, and converted to PDF by LibreOffice (Debian's
 * libreoffice-writer-nogui; .ci/run installs it): a valid document with the figures at 300 dpi
 * and the tables' numbers in it. The LibreOffice part is skipped, saying so, without soffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/count/results.js';
import { renderFigureFiles } from '../../src/render/figures.js';
import { fixtureResults } from './fixture-results.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfimages');
if (SOFFICE === undefined || !POPPLER) {
  console.warn('test/render/docx: LibreOffice part skipped, soffice or poppler absent (apt-get install -y libreoffice-writer-nogui poppler-utils)');
}

/** The entries of a ZIP, read with Python's zipfile (a reader apart from the one that wrote it). */
function unzip(path: string): Record<string, string> {
  const script = 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: (z.read(n).decode("utf-8") if n.endswith((".xml", ".rels")) else len(z.read(n))) for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, string>;
}

describe('rapport.docx', () => {
  let dir = '';
  let results: Results;
  let docx: Uint8Array;
  let entries: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cj-docx-'));
    results = await fixtureResults();
    const files = await renderFigureFiles(results, { png: false, docx: true });
    const file = files.find((candidate) => candidate.name === 'rapport.docx');
    if (file === undefined || typeof file.content === 'string') throw new Error('no rapport.docx');
    docx = file.content;
    await writeFile(join(dir, 'rapport.docx'), docx);
    entries = unzip(join(dir, 'rapport.docx'));
  }, 60_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it("uses Word's own styles: Heading 1 for the study, Heading 2 per figure and section, Caption under each figure and above each table", () => {
    const document = entries['word/document.xml'] ?? '';
    const styles = entries['word/styles.xml'] ?? '';
    expect(styles).toContain('w:styleId="Heading1"><w:name w:val="Heading 1"/>');
    expect(styles).toContain('w:styleId="Heading2"><w:name w:val="Heading 2"/>');
    expect(styles).toContain('w:styleId="Caption"><w:name w:val="caption"/>');
    const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((match) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(match[1] ?? '')?.[1] ?? '',
      text: [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const unescape = (text: string): string => text.replace(/&amp;/g, '&');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => unescape(p.text))).toEqual([results.survey.name]);
    const headings2 = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    // In the page's order: the eight figures, the lead times, the grade, the youth, the method.
    expect(headings2).toEqual([
      ...results.figures.map((figure) => figure.title),
      'Doorlooptijden in kalenderdagen: volwassenen (27 jaar en ouder)',
      'Rapportcijfer',
      'Apart gerapporteerd: jongeren (18–26 jaar) (N=3)',
      'Werkwijze',
    ]);
    const captions = paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text);
    for (const figure of results.figures) {
      expect(captions).toContain(`Figuur ${figure.id}. ${figure.title}`);
      expect(captions).toContain(`Aantallen en percentages bij figuur ${figure.id}`);
    }
    // Footnotes and the grade, as text.
    for (const figure of results.figures) if (figure.footnote !== null) expect(paragraphs.map((p) => p.text)).toContain(figure.footnote);
    expect(paragraphs.map((p) => p.text)).toContain('6,1');
  });

  it('has each figure as a PNG image with alt text from its table, 16 cm wide', () => {
    const document = entries['word/document.xml'] ?? '';
    const docPrs = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"[^>]*\/>/g)].map((match) => match[1] ?? '');
    expect(docPrs).toHaveLength(9);
    // Figure 8, by hand from the fixture's counts: vriendelijk 2, 6, 10.
    expect(docPrs[7]).toContain('Figuur 8: Beoordeling medewerker (N=18)*. De medewerkers waren vriendelijk: (helemaal) mee oneens 2, neutraal 6, (helemaal) mee eens 10;');
    for (const [index, figure] of results.figures.entries()) {
      for (const bar of figure.bars) expect(docPrs[index]).toContain(`${(bar.text ?? bar.label).replace(/&/g, '&amp;')}: `);
    }
    // 16 cm in EMU (914 400 to the inch): 16 / 2.54 × 914 400 = 5 760 000, to a whole 96-dpi pixel (605 px = 5 762 625).
    const extents = [...document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(new Set(extents)).toEqual(new Set([605 * 9525]));
    const media = Object.keys(entries).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(9);
    for (const name of media) expect(name).toMatch(/\.png$/);
  });

  it('has every table row with counts and percentages', () => {
    const document = entries['word/document.xml'] ?? '';
    const cells = [...document.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    // Figure 2, contact medewerker: 2 (13%), 10 (63%), 2 (12%), 2 (12%) of 16.
    const at = cells.indexOf('contact medewerker');
    expect(cells.slice(at, at + 6)).toEqual(['contact medewerker', '2 (13%)', '10 (63%)', '2 (12%)', '2 (12%)', '16']);
  });

  it('is the same bytes from the same results, whenever made', async () => {
    await new Promise((done) => setTimeout(done, 2100));
    const again = (await renderFigureFiles(results, { png: false, docx: true })).find((file) => file.name === 'rapport.docx');
    expect(Buffer.from(again?.content as Uint8Array).equals(Buffer.from(docx))).toBe(true);
    expect(entries['docProps/core.xml']).not.toMatch(/dcterms:created|dcterms:modified/);
  }, 60_000);

  it.skipIf(SOFFICE === undefined || !POPPLER)('LibreOffice converts it to PDF: every figure at 300 dpi, every table, no error', () => {
    const out = join(dir, 'pdf');
    execFileSync(SOFFICE as string, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, join(dir, 'rapport.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = join(out, 'rapport.pdf');
    expect(existsSync(pdf)).toBe(true);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[2] === 'image');
    expect(images).toHaveLength(9);
    // Each image 1890 px wide (300 dpi at 16 cm), drawn at about 300 ppi.
    for (const fields of images) {
      expect(fields[3]).toBe('1890');
      expect(Math.abs(Number(fields[12]) - 300)).toBeLessThanOrEqual(2);
    }
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const figure of results.figures) expect(text).toContain(`Aantallen en percentages bij figuur ${figure.id}`);
    expect(text).toMatch(/contact medewerker\s+2 \(13%\)\s+10 \(63%\)\s+2 \(12%\)\s+2 \(12%\)\s+16/);
    expect(text).toContain('Werkwijze');
    expect(text).not.toMatch(/\bA16\b/);
    // Each figure on one page with its table: the caption under the image and the table's caption.
    const pages = text.split('\f');
    for (const figure of results.figures) {
      const page = pages.find((candidate) => candidate.includes(`Figuur ${figure.id}. `)) ?? '';
      expect(page, `figure ${figure.id}`).toContain(`Aantallen en percentages bij figuur ${figure.id}`);
    }
    // Not a page per figure (a keep-with-next chain through the whole document did that).
    expect(pages.filter((page) => page.trim() !== '').length).toBeLessThan(results.figures.length);
  }, 150_000);
});
