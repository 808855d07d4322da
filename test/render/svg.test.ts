import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureSpec } from '../../src/render/figure-spec.js';
import { figureFileSpec } from '../../src/render/figures.js';
import { escapeHtml } from '../../src/render/html.js';
import { renderSvg, textWidth } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';
import { hostileFigure } from './hostile-figure.js';
import { repoRoot } from '../helpers/run.js';

/** The y axis's bar labels as drawn: their y, their lines (tspans, or the text itself), joined. */
function barLabelsDrawn(svg: string): { y: number; lines: string[]; text: string }[] {
  return [...svg.matchAll(/<text text-anchor="end" transform="translate\(-\d+,([\d.]+)\)"[^>]*>(.*?)<\/text>/g)].map((match) => {
    const inner = match[2] ?? '';
    const lines = inner.startsWith('<tspan') ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((line) => line[1] ?? '') : [inner];
    return { y: Number(match[1]), lines, text: lines.join(' ') };
  });
}

describe('renderSvg on the fixture', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7', '8'])('figure %s: the title, subtitle, every bar label, every count, the footnote', async (id) => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === id);
    if (figure === undefined) throw new Error(`no figure ${id}`);
    const svg = await renderSvg(figureFileSpec(figure));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`>Figuur ${id}</text>`);
    expect(svg).toContain(`>${escapeHtml(figure.title)}</text>`);
    const labels = barLabelsDrawn(svg).map((label) => label.text);
    for (const bar of figure.bars) {
      // The full statement where the definition has one (figure 8), else the short label.
      expect(labels).toContain(escapeHtml(bar.text ?? bar.label));
      const texts = [...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((match) => match[1]);
      for (const category of figure.categories) {
        const count = bar.counts[category.key] ?? 0;
        if (count > 0) expect(texts, `${bar.label} ${category.label}`).toContain(String(count));
      }
    }
    for (const category of figure.categories) expect(svg).toContain(`>${escapeHtml(category.label)}</text>`);
    if (figure.footnote !== null) {
      const shown = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>|<text[^>]*>(\*[^<]*)<\/text>/g)].map((match) => match[1] ?? match[2]).join(' ');
      expect(shown).toContain(escapeHtml(figure.footnote));
    }
  });

  it('figure 8: the seven statements top to bottom in the report order', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '8');
    if (figure === undefined) throw new Error('no figure 8');
    const svg = await renderSvg(figureFileSpec(figure));
    const drawn = barLabelsDrawn(svg);
    const ys = figure.bars.map((bar) => drawn.find((label) => label.text === bar.text)?.y ?? Number.NaN);
    expect(ys.every((value) => Number.isFinite(value))).toBe(true);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('figure 8: each statement wrapped at spaces into lines of at most 240 px of DejaVu Sans 12 px', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '8');
    if (figure === undefined) throw new Error('no figure 8');
    const drawn = barLabelsDrawn(await renderSvg(figureFileSpec(figure)));
    expect(drawn).toHaveLength(7);
    // By hand: "De medewerkers begeleidden mij goed door het aanvraagproces" is 59 characters,
    // 391 px at 12 px by the font's advance widths (hmtx), so it needs two lines.
    const proces = drawn.find((label) => label.text.endsWith('aanvraagproces'));
    expect(proces?.lines.length).toBeGreaterThan(1);
    for (const label of drawn) {
      for (const line of label.lines) expect(textWidth(line, 12), line).toBeLessThanOrEqual(240);
      // No line could take the next line's first word and still fit: the wrap is greedy.
      label.lines.slice(1).forEach((line, index) => expect(textWidth(`${label.lines[index]} ${line.split(' ')[0]}`, 12)).toBeGreaterThan(240));
    }
  });

  it('is deterministic: the same spec renders to the same bytes, twice in one process', async () => {
    const figure = (await fixtureResults()).figures[1];
    if (figure === undefined) throw new Error('no figure');
    const first = await renderSvg(figureFileSpec(figure));
    await renderSvg(figureFileSpec((await fixtureResults()).figures[7] ?? figure));
    expect(await renderSvg(figureFileSpec(figure))).toBe(first);
  });

  it('needs nothing from outside: no external references, no absolute paths, no ids', async () => {
    for (const figure of (await fixtureResults()).figures) {
      const svg = await renderSvg(figureFileSpec(figure));
      const urls = [...svg.matchAll(/https?:\/\/[^"'\s)]+/g)].map((match) => match[0]);
      expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
      expect(svg).not.toMatch(/url\(|href=|<image|<script|@import|file:|\/work\/|\/tmp\//);
      expect(svg).not.toMatch(/ id="/);
    }
  });

  it('is deterministic when renders overlap: eight at once give the golden bytes', async () => {
    const figures = (await fixtureResults()).figures;
    const together = await Promise.all(figures.map((figure) => renderSvg(figureFileSpec(figure))));
    const oneByOne: string[] = [];
    for (const figure of figures) oneByOne.push(await renderSvg(figureFileSpec(figure)));
    expect(together).toEqual(oneByOne);
  });

  it('draws text in the font stack found everywhere', async () => {
    const figure = (await fixtureResults()).figures[0];
    if (figure === undefined) throw new Error('no figure');
    const svg = await renderSvg(figureFileSpec(figure));
    expect(svg).toContain('font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"');
  });

  it('measures text with the shipped DejaVu Sans', () => {
    // DejaVu Sans: "0" advances 1303 units of 2048 per em; bold "0" 1425.
    expect(textWidth('0', 2048)).toBe(1303);
    expect(textWidth('0', 2048, true)).toBe(1425);
    expect(textWidth('00', 10)).toBeCloseTo((2 * 1303 * 10) / 2048, 10);
  });

  it('the build\'s table of advance widths (dist/bundle/fonts.json) gives every character the width the font files give', () => {
    // Read as its format says: per font, runs of consecutive code points, [first, advance, advance, …].
    type Packed = { unitsPerEm: number; missing: number; runs: number[][] };
    const built = JSON.parse(readFileSync(join(repoRoot, 'dist', 'bundle', 'fonts.json'), 'utf8')) as { regular: Packed; bold: Packed };
    for (const [bold, font] of [[false, built.regular], [true, built.bold]] as const) {
      const units = new Map<number, number>();
      for (const [first, ...advances] of font.runs) advances.forEach((advance, i) => units.set(first! + i, advance));
      expect(font.unitsPerEm).toBe(2048);
      expect(units.get(0x30)).toBe(bold ? 1425 : 1303);
      expect(units.size).toBeGreaterThan(3000);
      // textWidth here runs from the sources, so it reads the font files themselves.
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const width = ((units.get(code) ?? font.missing) * 2048) / font.unitsPerEm;
        expect(textWidth(String.fromCodePoint(code), 2048, bold), `U+${code.toString(16)}`).toBe(width);
      }
    }
  });
});

describe('escaping', () => {
  it('a bar label <script>alert(1)</script>, R&D, a title and footnote with markup come out as text', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '2');
    if (figure === undefined) throw new Error('no figure 2');
    const svg = await renderSvg(figureSpec(hostileFigure(figure)));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).not.toMatch(/R&D|<atief>/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('>R&amp;D</text>');
    expect(svg).toContain('>Oordeel "R&amp;D" &lt;b&gt;vet&lt;/b&gt; (N= 16)</text>');
    expect(svg).toContain('>Neg&lt;atief&gt;</text>');
    // Quotes, a backslash and ${…} are text, not code: labels never enter a Vega expression.
    expect(svg).toContain(`>Neu"tr'aal\\ \${x}</text>`);
    expect(svg).toContain('aria-label="R&amp;D, Neu&quot;tr');
    expect(svg).toContain('&lt;i&gt;één&lt;/i&gt; aanvrager &amp;');
  });
});
