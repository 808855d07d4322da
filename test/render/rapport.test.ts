import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/count/results.js';
import { messages } from '../../src/messages.js';
import { figureFileSpec } from '../../src/render/figures.js';
import { renderHtml } from '../../src/render/html.js';
import { chartWidthCm, cssString, renderRapport } from '../../src/render/rapport.js';
import { renderSvg } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';

async function pages(options: { suppressBelow?: number } = {}): Promise<{ results: Results; index: string; rapport: string }> {
  const results = await fixtureResults();
  const svgs = await Promise.all(results.figures.map((figure) => renderSvg(figureFileSpec(figure))));
  return { results, index: renderHtml(results, svgs), rapport: renderRapport(results, svgs, { messages: messages.nl, ...options }) };
}

describe('two pages from one run', () => {
  it("index.html keeps what the analyst needs: notices, the input's hash, the codes of withdrawals", async () => {
    const { index, results } = await pages();
    expect(index).toContain('<h2>Let op</h2>');
    expect(index).toContain(`sha256 ${results.input.sha256.slice(0, 12)}`);
    expect(index).toContain('<li>A16 (na participatiegesprek)</li>');
    expect(index).toContain('staat in rapport.html');
  });

  it('rapport.html has the figures, tables, footnotes, grade and method, and no code, file, hash or notice', async () => {
    const { rapport, results } = await pages();
    for (const figure of results.figures) {
      expect(rapport).toContain(`id="figuur-${figure.id}"`);
      expect(rapport).toContain(`Aantallen en percentages bij figuur ${figure.id}`);
    }
    expect(rapport.match(/<svg /g)).toHaveLength(8);
    expect(rapport).toContain('<p class="grade-display">6,1</p>');
    expect(rapport).toContain('<h2>Werkwijze</h2>');
    expect(rapport).toContain('De figuren tellen per onderdeel de antwoorden van 19 respondenten.');
    for (const warning of results.warnings) expect(rapport).not.toContain(warning.message);
    for (const { respondent } of results.input.withdrawn) expect(rapport).not.toMatch(new RegExp(`\\b${respondent}\\b`));
    expect(rapport).not.toMatch(/haarlem-2016\.csv|sha256|Let op|exclusions/);
    // Figure 8's table names each statement as the bars do.
    expect(rapport).toContain('<th scope="row">De medewerkers leefden zich in mijn situatie in</th>');
  });

  it('rounding note under a table where equal counts got different percentages, and only there', async () => {
    const { rapport } = await pages();
    // By hand: figure 2, contact medewerker 2, 10, 2, 2 of 16 → 12.5% each for the 2s, rounded
    // to 13, 12, 12 to add up to 100: a note. Figure 1: 1, 8, 7 of 16 → 6, 50, 44: no equal counts.
    // Figure 8, inleven 2, 8, 8 of 18 → 11.1, 44.4, 44.4 → 11, 45, 44: a note.
    const note = 'gelijke aantallen kunnen daardoor 1 procentpunt verschillen';
    const block = (id: string): string => rapport.slice(rapport.indexOf(`id="figuur-${id}"`), rapport.indexOf('</section>', rapport.indexOf(`id="figuur-${id}"`)));
    expect(block('2')).toContain(note);
    expect(block('8')).toContain(note);
    expect(block('1')).not.toContain(note);
    expect(block('2')).toContain('<td>2 <span class="pct">(13%)</span></td><td>10 <span class="pct">(63%)</span></td><td>2 <span class="pct">(12%)</span></td>');
  });

  it('--suppress hook: counts from 1 to k − 1 print as "<k", zero and larger counts as they are, with a note', async () => {
    const { rapport } = await pages({ suppressBelow: 3 });
    expect(rapport).toContain('Aantallen kleiner dan 3 zijn niet getoond (&lt;3)');
    // Figure 1, Cv uploaden werk.nl: 1, 8, 7 of 16 → "<3", 8 (50%), 7 (44%), 16.
    expect(rapport).toContain('<tr><th scope="row">Cv uploaden werk.nl</th><td>&lt;3</td><td>8 <span class="pct">(50%)</span></td><td>7 <span class="pct">(44%)</span></td><td>16</td></tr>');
    // The youth (N=3): Cv uploaden 0, 1, 1, 1 → 0 stays, the ones are masked.
    expect(rapport).toContain('<th scope="row">Cv uploaden werk.nl</th><td>0</td><td>&lt;3</td><td>&lt;3</td><td>&lt;3</td><td>0</td></tr>');
  });

  it('footer text is a CSS string that cannot close the style element', () => {
    expect(cssString('Onderzoek "A" </style><script>')).toBe('"Onderzoek \\22 A\\22  \\3c /style\\3e \\3c script\\3e "');
  });

  it('a chart taller than 12 cm at 16 cm wide is printed narrower, in proportion', () => {
    expect(chartWidthCm('<svg width="692" height="400">')).toBe(16);
    // 692 × 900 px at 16 cm would be 20.8 cm tall; 12 cm tall is 12 × 692 / 900 = 9.23 cm wide.
    expect(chartWidthCm('<svg width="692" height="900">')).toBe(9.2);
  });
});
