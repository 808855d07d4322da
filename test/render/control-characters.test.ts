/**
 * Text from input never reaches a terminal, an SVG, a page or a CSV with a control character in
 * it (issue 10): ESC would run terminal commands, XML 1.0 forbids most C0 controls even escaped,
 * a direction override turns a label around. Every writer passes input text through
 * src/render/safe-text.ts; JSON keeps the text whole but writes such characters as escapes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FigureResult, Results } from '../../src/count/results.js';
import { messages } from '../../src/messages.js';
import { csvLine } from '../../src/render/csv.js';
import { figureSpec } from '../../src/render/figure-spec.js';
import { figureFileSpec, renderFigureFiles } from '../../src/render/figures.js';
import { renderHtml } from '../../src/render/html.js';
import { jsonText, safeStrings, safeText } from '../../src/safe-text.js';
import { renderSvg } from '../../src/render/svg.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';
import { xmlFaults } from '../helpers/xml.js';
import { fixturePath, fixtureResults } from './fixture-results.js';

const ESC = '\u001b';
const OSC_LINK = `${ESC}]8;;http://x\u0007klik${ESC}]8;;\u0007`;
const CLEAR = `${ESC}[2J`;
/** Every character class the module neutralises, once. */
const ALL_UNSAFE = ['\u0000', '\u0007', '\t', '\n', '\r', ESC, '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufffe', '\uffff', '\ud800', '\udfff'];
/** Any character that may not appear raw in a terminal line or an XML text. */
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u;

function hostileControls(figure: FigureResult): FigureResult {
  const [first, second] = figure.bars;
  if (first === undefined || second === undefined) throw new Error('needs a figure with two bars');
  return {
    ...figure,
    title: `Oordeel${CLEAR} intake (N = ${figure.N})`,
    footnote: '* Eén\u0000 aanvrager\u0085 trok in',
    categories: figure.categories.map((category, index) => (index === 0 ? { ...category, label: 'Neg\u202eatief' } : category)),
    bars: [
      { ...first, label: OSC_LINK },
      { ...second, label: 'half\ud800surrogaat' },
    ],
  };
}

describe('safeText', () => {
  it.each(ALL_UNSAFE.map((character) => [`U+${character.charCodeAt(0).toString(16).padStart(4, '0')}`, character]))('%s becomes U+FFFD', (_, character) => {
    expect(safeText(`a${character}b`)).toBe('a\uFFFDb');
  });

  it('an OSC 8 link keeps its visible text, loses its ESC and BEL', () => {
    expect(safeText(OSC_LINK)).toBe('\uFFFD]8;;http://x\uFFFDklik\uFFFD]8;;\uFFFD');
  });

  it('plain text, accents, typographic quotes, dashes and emoji (a surrogate pair) stay as they are', () => {
    const text = 'Één “balie” – café 😀 (18–26) n.v.t. R&D <b>';
    expect(safeText(text)).toBe(text);
  });

  it('safeStrings reaches every string and key of plain data, and keeps a record without a prototype so', () => {
    const record = Object.create(null) as Record<string, number>;
    record['__proto__'] = 3;
    record[`k${ESC}`] = 1;
    const copy = safeStrings({ a: [`x${ESC}`, 2, null, { b: '\u202e' }], record });
    expect(copy.a).toEqual(['x\uFFFD', 2, null, { b: '\uFFFD' }]);
    expect(Object.entries(copy.record)).toEqual([
      ['__proto__', 3],
      ['k\uFFFD', 1],
    ]);
    expect(Object.getPrototypeOf(copy.record)).toBeNull();
    expect(Object.hasOwn(copy.record, '__proto__')).toBe(true);
  });

  it('safeStrings keeps a key __proto__ of an ordinary object a key (as JSON.parse makes it), and the prototype of any other object', () => {
    const parsed = JSON.parse(`{"a": "x${'\\u001b'}", "__proto__": {"polluted": "y${'\\u202e'}"}, "b": 2}`) as Record<string, unknown>;
    const copy = safeStrings(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['a', '__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: 'y\uFFFD' });
    expect(copy['a']).toBe('x\uFFFD');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    class Point {
      constructor(readonly label: string) {}
    }
    const point = safeStrings(new Point(`p${ESC}`));
    expect(point).toBeInstanceOf(Point);
    expect(point.label).toBe('p\uFFFD');
  });

  it('jsonText keeps every string whole (JSON.parse gives it back) and writes no raw control or override', () => {
    const value = { label: ALL_UNSAFE.join(''), nested: [`${CLEAR}\u0085\u202e`] };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(RAW_UNSAFE);
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u0085');
    expect(text).toContain('\\u001b');
    // Indented as JSON.stringify indents: the writer's own line breaks are not escaped.
    expect(text).toBe(JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  });
});

describe('the XML check the SVG tests rely on', () => {
  it('passes every golden SVG and finds a raw ESC, an escaped ESC and a tag closed out of order', () => {
    const golden = join(repoRoot, 'test', 'golden');
    for (const name of readdirSync(golden).filter((file) => file.endsWith('.svg'))) expect(xmlFaults(readFileSync(join(golden, name), 'utf8')), name).toEqual([]);
    expect(xmlFaults(`<svg><text>a${ESC}b</text></svg>`)).toHaveLength(1);
    expect(xmlFaults('<svg><text aria-label="&#x1b;">a</text></svg>')).toHaveLength(1);
    expect(xmlFaults('<svg><text>&#27;</text></svg>')).toHaveLength(1);
    expect(xmlFaults('<svg><g></svg>').length).toBeGreaterThan(0);
  });
});

describe('figures with control characters in their labels', () => {
  it('the SVG is well-formed XML, the controls are U+FFFD, the visible text stays', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '2');
    if (figure === undefined) throw new Error('no figure 2');
    const svg = await renderSvg(figureSpec(hostileControls(figure)));
    expect(xmlFaults(svg)).toEqual([]);
    expect(svg).not.toMatch(RAW_UNSAFE);
    expect(svg).not.toMatch(/&#(x0*1b|0*27);/i);
    expect(svg).toContain('\uFFFD]8;;http://x\uFFFDklik\uFFFD]8;;\uFFFD');
    expect(svg).toContain('Oordeel\uFFFD[2J intake');
    expect(svg).toContain('Neg\uFFFDatief');
    expect(svg).toContain('half\uFFFDsurrogaat');
  });

  it('the Vega-Lite spec file holds no control character either', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '2');
    if (figure === undefined) throw new Error('no figure 2');
    const spec = jsonText(figureFileSpec(hostileControls(figure)));
    expect(spec).not.toMatch(RAW_UNSAFE);
    expect(spec).not.toContain('\\u001b');
  });

  it('every file of a run (SVGs, specs, index.html) of hostile results is clean, and the SVGs are well-formed', async () => {
    const results = await fixtureResults();
    const hostile: Results = {
      ...results,
      survey: { ...results.survey, name: `Onderzoek${CLEAR}` },
      figures: results.figures.map((figure) => (figure.id === '2' ? hostileControls(figure) : figure)),
      input: { ...results.input, withdrawn: [{ respondent: `A16${OSC_LINK}`, withdrawnAfter: 'x\u202ey' }] },
    };
    const files = await renderFigureFiles(hostile, { png: false });
    for (const file of files) {
      const text = String(file.content);
      expect(text, file.name).not.toMatch(RAW_UNSAFE);
      if (file.name.endsWith('.svg')) expect(xmlFaults(text), file.name).toEqual([]);
    }
    const html = renderHtml(hostile, [], messages.nl);
    expect(html).toContain('A16\uFFFD]8;;http://x\uFFFDklik');
  });

  it('rapport.docx of hostile results: every XML part well-formed and clean', async () => {
    const results = await fixtureResults();
    const hostile: Results = {
      ...results,
      survey: { ...results.survey, name: `Onderzoek${CLEAR} <b>&` },
      figures: results.figures.map((figure) => (figure.id === '2' ? hostileControls(figure) : figure)),
    };
    const docx = (await renderFigureFiles(hostile, { png: false, docx: true })).find((file) => file.name === 'rapport.docx');
    if (docx === undefined || typeof docx.content === 'string') throw new Error('no rapport.docx');
    const { inflateRawSync } = await import('node:zlib');
    // Each ZIP entry (the local headers, in order): inflate and read it as text.
    const bytes = Buffer.from(docx.content);
    let parts = 0;
    for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50; ) {
      const method = bytes.readUInt16LE(at + 8);
      const size = bytes.readUInt32LE(at + 18);
      const name = bytes.toString('utf8', at + 30, at + 30 + bytes.readUInt16LE(at + 26));
      const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
      const data = bytes.subarray(start, start + size);
      if (/\.(xml|rels)$/.test(name)) {
        const text = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
        expect(text, name).not.toMatch(RAW_UNSAFE);
        expect(xmlFaults(text), name).toEqual([]);
        parts++;
      }
      at = start + size;
    }
    expect(parts).toBeGreaterThan(5);
  }, 60_000);
});

describe('the terminal', () => {
  async function hostileResults(): Promise<Results> {
    const results = await fixtureResults();
    return {
      ...results,
      figures: results.figures.map((figure) => (figure.id === '2' ? hostileControls(figure) : figure)),
      input: {
        ...results.input,
        respondentsByTrack: { ...results.input.respondentsByTrack, [`jong${CLEAR}`]: 1 },
        withdrawn: [{ respondent: `A16${OSC_LINK}`, withdrawnAfter: `stap${CLEAR}` }],
      },
    };
  }

  it('without colour: not one ESC, BEL or override in the output', async () => {
    const text = renderTerminal(await hostileResults(), messages.nl, false);
    expect(text).not.toMatch(RAW_UNSAFE);
    expect(text).toContain('A16\uFFFD]8;;http://x\uFFFDklik');
    expect(text).toContain('jong\uFFFD[2J');
  });

  it('with colour: every ESC is cj\'s own colour code (ESC [ … m), none from input', async () => {
    const text = renderTerminal(await hostileResults(), messages.nl, true);
    // eslint-disable-next-line no-control-regex
    const withoutColour = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutColour).not.toMatch(RAW_UNSAFE);
    expect(text).toContain(ESC);
  });
});

describe('exclusions.csv', () => {
  it('a respondent code with controls is neutralised, formula escaping still applies', () => {
    expect(csvLine([`A16${CLEAR}`, 3, 'werkplein', 'x', 'withdrawn-consent'])).toBe('A16\uFFFD[2J,3,werkplein,x,withdrawn-consent\n');
    expect(csvLine([`=HYPERLINK("x")${ESC}`])).toBe(`"'=HYPERLINK(""x"")\uFFFD"\n`);
  });
});

describe('cj analyse of a file with controls in respondent codes and a column name', () => {
  it('prints and writes no control character from the input, the SVGs are well-formed, results.json keeps the codes escaped', async () => {
    const records = parseCsv(readFileSync(fixturePath, 'utf8'));
    const [header, ...rows] = records;
    if (header === undefined) throw new Error('no header');
    const hostile = [
      [...header, `x${CLEAR}kolom`],
      ...rows.map((row, index) => [index === 0 ? `${row[0] ?? ''}${OSC_LINK}` : `${row[0] ?? ''}\u202e${index}`, ...row.slice(1), '']),
    ];
    const cwd = tempDir();
    writeTemp('hostile.csv', writeCsv(hostile), cwd);
    const result = await run(['analyse', 'hostile.csv'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(RAW_UNSAFE);
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
    // A message quoting input writes the control as an escape (quoteInput), so the analyst sees it.
    expect(result.stderr).toContain('x\\u001b[2Jkolom');
    const out = join(cwd, 'out');
    for (const name of readdirSync(out)) {
      const text = readFileSync(join(out, name), 'utf8');
      expect(text, name).not.toMatch(RAW_UNSAFE);
      if (name.endsWith('.svg')) expect(xmlFaults(text), name).toEqual([]);
    }
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { input: { columnsIgnored: string[] }; exclusions: { respondent: string }[] };
    // Column names are listed as messages show them (quoteInput's escapes), never raw.
    expect(json.input.columnsIgnored).toContain('x\\u001b[2Jkolom');
    expect(json.exclusions.some((exclusion) => exclusion.respondent.includes('\u202e'))).toBe(true);
    expect(readFileSync(join(out, 'exclusions.csv'), 'utf8')).toContain('\uFFFD');
  });
});
