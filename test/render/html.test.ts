import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/count/results.js';
import { escapeHtml, renderHtml } from '../../src/render/html.js';
import { figureFileSpec } from '../../src/render/figures.js';
import { renderSvg } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';
import { hostileFigure } from './hostile-figure.js';

async function page(results?: Results): Promise<string> {
  const chosen = results ?? (await fixtureResults());
  const svgs = await Promise.all(chosen.figures.map((figure) => renderSvg(figureFileSpec(figure))));
  return renderHtml(chosen, svgs);
}

describe('renderHtml on the fixture', () => {
  it('is one Dutch page that prints on A4 with figures kept whole', async () => {
    const html = await page();
    expect(html.startsWith('<!doctype html>\n<html lang="nl">\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/\.figure \{[^}]*break-inside: avoid;[^}]*page-break-inside: avoid;/);
  });

  it('needs no network: no scripts, links, images or URLs besides the SVG namespaces', async () => {
    const html = await page();
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    const urls = new Set([...html.matchAll(/https?:\/\/[^"'\s)]+/g)].map((match) => match[0]));
    expect(urls).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('holds every figure inline with its caption, table of counts and percentages, and footnote', async () => {
    const results = await fixtureResults();
    const html = await page();
    expect(html.match(/<figure /g)).toHaveLength(8);
    expect(html.match(/<svg /g)).toHaveLength(8);
    for (const figure of results.figures) {
      expect(html).toContain(`id="figuur-${figure.id}"`);
      expect(html).toContain(`<strong>Figuur ${figure.id}</strong> ${escapeHtml(figure.title)}`);
      if (figure.footnote !== null) expect(html).toContain(`<span class="footnote">${escapeHtml(figure.footnote)}</span>`);
    }
    // Figure 2, contact medewerker: 2 (13%), 10 (63%), 2 (12%), 2 (12%) of 16.
    expect(html).toContain(
      '<tr><th scope="row">contact medewerker</th><td>2 <span class="pct">(13%)</span></td><td>10 <span class="pct">(63%)</span></td><td>2 <span class="pct">(12%)</span></td><td>2 <span class="pct">(12%)</span></td><td>16</td></tr>',
    );
  });

  it('gives the grade as the report does (6,1) with n, median, sd and the marks given', async () => {
    const html = await page();
    expect(html).toContain('<p class="grade-display">6,1</p>');
    expect(html).toContain('gemiddeld 6,1 (n=18, mediaan 6,3, sd 1,46)');
    expect(html).toContain('<th scope="col">5,5</th>');
    expect(html).toContain('volwassene: gemiddeld 6,1 (n=15, mediaan 6,5, sd 1,56)');
  });

  it('reports the youth apart and says what was left out, by rule and whose consent was withdrawn', async () => {
    const html = await page();
    expect(html).toContain('<h2>Apart gerapporteerd: jongeren (18–26 jaar) (N=3)</h2>');
    expect(html).toContain('<th scope="col">Negatief</th><th scope="col">Neutraal</th><th scope="col">Positief</th><th scope="col">n.v.t.</th>');
    expect(html).toContain('<tr><td>1</td><th scope="row">Cv uploaden werk.nl</th><td>0</td><td>1</td><td>1</td><td>1</td><td>0</td></tr>');
    expect(html).toContain('<tr><td>24</td><th scope="row">ander traject (telt niet mee in dit figuur)</th></tr>');
    expect(html).toContain('<tr><td>13</td><th scope="row">toestemming ingetrokken</th></tr>');
    expect(html).toContain('<tr><td>1</td><th scope="row">n.v.t., niet meegeteld in N</th></tr>');
    expect(html).toContain('<li>A16 (na participatiegesprek)</li>');
    expect(html).toContain('Niet meegeteld in deze figuur: 1 respondent (toestemming ingetrokken)');
  });
});

describe('renderHtml escaping', () => {
  it('labels, titles, footnotes and names from a definition come out as text', async () => {
    const results = await fixtureResults();
    const hostile: Results = {
      ...results,
      survey: { ...results.survey, name: 'Onderzoek <img src=x onerror=alert(1)> & co' },
      figures: results.figures.map((figure) => (figure.id === '2' ? hostileFigure(figure) : figure)),
      input: { ...results.input, withdrawn: [{ respondent: '<b>A16</b>', withdrawnAfter: 'x&y' }] },
    };
    const html = await page(hostile);
    expect(html).not.toMatch(/<script|<img|<b>|<i>|R&D|<atief>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<th scope="row">R&amp;D</th>');
    expect(html).toContain('<title>Onderzoek &lt;img src=x onerror=alert(1)&gt; &amp; co</title>');
    expect(html).toContain('Oordeel &quot;R&amp;D&quot; &lt;b&gt;vet&lt;/b&gt; (N= 16)');
    expect(html).toContain('&lt;b&gt;A16&lt;/b&gt; (na x&amp;y)');
  });

  it('escapes the five characters of markup', () => {
    expect(escapeHtml(`<a href="x">'R&D'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;R&amp;D&#39;&lt;/a&gt;');
  });
});
