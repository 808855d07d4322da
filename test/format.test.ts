/** The one formatting module: each expected string worked out by hand from the decimal the number stands for. */
import { describe, expect, it } from 'vitest';
import { displayWidth, fillTemplate, formatDecimal, formatMark, gradeLine, padEnd, padStart } from '../src/format.js';
import { messages } from '../src/messages.js';

describe('formatDecimal: half away from zero, on the decimal a number stands for', () => {
  it.each([
    [1.005, 2, '1,01'], // 1.005 is stored as 1.00499999999999989…
    [2.675, 2, '2,68'], // stored as 2.67499999999999982…
    [6.05, 1, '6,1'], // the report's grade: 6.05 stored as 6.04999…
    [6.04, 1, '6,0'],
    [-1.005, 2, '-1,01'],
    [0.5, 0, '1'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [0.1 + 0.2, 2, '0,30'],
    [123456.789, 2, '123456,79'],
    [-0.04, 1, '0,0'],
  ])('%s to %s decimals is %s', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals, ',')).toBe(expected);
  });

  it('uses the separator it is given', () => {
    expect(formatDecimal(6.1, 1, '.')).toBe('6.1');
  });
});

describe('formatMark and gradeLine', () => {
  it('a whole mark without decimals, a half mark with one', () => {
    expect(formatMark(7, messages.nl)).toBe('7');
    expect(formatMark(6.5, messages.nl)).toBe('6,5');
    expect(formatMark(6.5, messages.en)).toBe('6.5');
  });

  it('the grade line carries the display, n, median and sd; no marks says so', () => {
    const line = gradeLine({ n: 4, mean: 6.125, display: '6,1', median: 6.5, sd: 1.25, min: 4, max: 8, distribution: [] }, messages.nl);
    expect(line).toContain('6,1');
    expect(line).toContain('6,5');
    expect(line).toContain('1,25');
    expect(gradeLine({ n: 0, mean: null, display: null, median: null, sd: null, min: null, max: null, distribution: [] }, messages.nl)).toBe(messages.nl.noGrades);
  });
});

describe('fillTemplate', () => {
  it('{N} in digits, {n} in words, {n|one|more} by the count, {*} the marker', () => {
    expect(fillTemplate('Oordeel (N={N}){*}', 15, messages.nl, '*')).toBe('Oordeel (N=15)*');
    expect(fillTemplate('Gegevens van {n} {n|aanvrager|aanvragers}', 1, messages.nl)).toBe('Gegevens van één aanvrager');
    expect(fillTemplate('{n} {n|aanvrager|aanvragers}', 2, messages.nl)).toBe('twee aanvragers');
    expect(fillTemplate('geen marker{*}', 2, messages.nl)).toBe('geen marker');
  });
});

describe('terminal padding counts what shows, not colour codes', () => {
  it('pads around ANSI colour', () => {
    const red = '\u001b[31mab\u001b[39m';
    expect(displayWidth(red)).toBe(2);
    expect(padEnd(red, 4)).toBe(`${red}  `);
    expect(padStart(red, 4)).toBe(`  ${red}`);
    expect(padStart('abcdef', 4)).toBe('abcdef');
  });
});
