/**
 * The personal-data pre-filter on a cell's UTF-8 bytes (mayHoldPersonalDataBytes, what the CSV
 * byte path runs) against the checks on the decoded text. Its promise: it passes over a cell
 * (false) only where the text's pre-filter passes over it too, so nothing the text path would
 * refuse gets through; and on ASCII, where a byte is a character, it answers exactly as the
 * text's pre-filter does. The references are the text functions, which
 * personal-data-prefilter.test.ts holds against the exact check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPersonalData, findPersonalData, mayHoldPersonalData, mayHoldPersonalDataBytes } from '../../src/input/personal-data.js';
import { casesInTests } from '../helpers/test-cases.js';

const isAscii = (cell: string): boolean => /^[\x00-\x7f]*$/.test(cell);

/** The bytes version on `cell` placed inside a larger buffer (as a record's field is), at an odd offset. */
function onBytes(cell: string, before = '', after = ''): boolean {
  const buffer = Buffer.from(before + cell + after, 'utf8');
  const start = Buffer.byteLength(before, 'utf8');
  return mayHoldPersonalDataBytes(buffer, start, start + Buffer.byteLength(cell, 'utf8'));
}

/**
 * The law, for one cell: a false from the bytes is a false from the text (so the exact check has
 * nothing to find), and on ASCII both answer the same. Returns what went wrong, '' when nothing.
 */
function violation(cell: string, before = '', after = ''): string {
  const bytes = onBytes(cell, before, after);
  const text = mayHoldPersonalData(cell);
  if (!bytes && text) return `bytes pass over ${JSON.stringify(cell)}, the text's pre-filter does not`;
  if (!bytes && findPersonalData(cell) !== null) return `bytes pass over ${JSON.stringify(cell)}, findPersonalData finds ${findPersonalData(cell)}`;
  if (!bytes && exactPersonalData(cell) !== null) return `bytes pass over ${JSON.stringify(cell)}, the exact check finds ${exactPersonalData(cell)}`;
  if (isAscii(cell) && bytes !== text) return `on ASCII ${JSON.stringify(cell)} bytes say ${bytes}, text says ${text}`;
  return '';
}

// Pieces of cells: the characters the rules turn on, characters outside ASCII of 2, 3 and 4 bytes
// in UTF-8 (é ß, NBSP, 中 €, an emoji and a lone letter of another script), and whole shapes of
// personal data as the contract names them.
const characters = [...'0123456789', ...'aAbBlLnNzZRx', ' ', '@', '+', '(', ')', '-', '.', ',', '/', '_', ':', '\t', '"', 'é', 'ß', '\u00a0', '中', '€', '😀', 'ſ', '\u212a', 'Ω'];
const shapes = [
  'jan.jansen@example.nl', 'a@b.nl', 'ré@mail.fr', '06-12345678', '0612345678', '+31 6 1234 5678', '+31612345678', '0031 6 12345678',
  '(023) 5115115', '023-5115115', '1234 AB 12', '1234ab, 7', 'Grote Markt 2, 2011 RD Haarlem', 'NL91ABNA0417164300',
  'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', '111222333', '123456782', '12345672', '1 123 456 782', '2016-03-14', '14-03-2016',
  'R00000001', '6,5', '12.345.678,90', 'HLM-2016-007',
];
const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...characters) }, { weight: 1, arbitrary: fc.constantFrom(...shapes) });
const cell = fc.array(piece, { minLength: 0, maxLength: 12 }).map((pieces) => pieces.join(''));
const asciiCell = fc.string({ unit: fc.constantFrom(...characters.filter(isAscii)), minLength: 0, maxLength: 20 });
const surround = fc.constantFrom('', ',', 'x', '1', 'é', '"');

describe('the personal-data pre-filter on bytes (mayHoldPersonalDataBytes)', () => {
  it('passes over no cell the text path would look at, on random cells with and without characters outside ASCII', () => {
    fc.assert(
      fc.property(cell, surround, surround, (text, before, after) => {
        const wrong = violation(text, before, after);
        if (wrong !== '') throw new Error(wrong);
        return true;
      }),
      { numRuns: 30_000, seed: 13 },
    );
  });

  it('answers exactly as the text pre-filter on random ASCII cells', () => {
    fc.assert(
      fc.property(asciiCell, surround, (text, before) => onBytes(text, before, before) === mayHoldPersonalData(text)),
      { numRuns: 30_000, seed: 1313 },
    );
  });

  it('lets every shape of personal data through, alone and inside text', () => {
    for (const shape of shapes) {
      for (const text of [shape, `Bel me: ${shape} graag`, `Mijn gegevens: ${shape}`, `${shape} ☺`]) {
        const kind = findPersonalData(text);
        if (kind !== null) expect(onBytes(text), text).toBe(true);
        expect(violation(text), text).toBe('');
      }
    }
    // The shapes are refused by the exact check (so the loop above is not vacuous): one of each kind.
    expect(new Set(shapes.map(exactPersonalData))).toEqual(new Set(['email', 'phone', 'postcode-house-number', 'iban', 'bsn', null]));
  });

  it('holds on every text and CSV cell in the tests, the personal-data examples among them', () => {
    const cases = casesInTests();
    expect(cases.length).toBeGreaterThan(1000);
    const wrong = cases.map((text) => violation(text)).filter((message) => message !== '');
    expect(wrong).toEqual([]);
    const refused = cases.filter((text) => findPersonalData(text) !== null);
    expect(refused.length).toBeGreaterThan(20);
    for (const text of refused) expect(onBytes(text), text).toBe(true);
  });

  it('is false on short cells and respondent codes, where it saves the exact check', () => {
    // Hand-checked: fewer than 5 bytes; digits after a letter; four digits only.
    for (const text of ['1234', 'abcd', 'R00000001', 'resp12345', 'zeer positief', '6,5', '1234']) expect(onBytes(text), text).toBe(false);
    // Hand-checked: an @; 8 digits alone; 10 from a 0; a byte over 0x7f.
    for (const text of ['a@b.c', '12345678', '0612345678', 'é1234']) expect(onBytes(text), text).toBe(true);
  });
});
