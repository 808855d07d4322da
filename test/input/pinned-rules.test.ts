/**
 * Rules of the input stage that comments promise, pinned case by case (each once survived a
 * hand-made mutant): delimiter sniffing, spellings compared with white space collapsed, Dutch
 * service numbers that are no phone numbers, when a header is long-shaped.
 */
import { describe, expect, it } from 'vitest';
import { isLongShape } from '../../src/input/long-shape.js';
import { findPersonalData } from '../../src/input/personal-data.js';
import { sniffDelimiter } from '../../src/input/sniff.js';
import { parseDate } from '../../src/input/validate.js';
import { builtInSurvey } from '../../src/survey/load.js';
import { messages } from '../../src/messages.js';
import { analyseJson, bar, writeTemp } from '../helpers/run.js';

describe('sniffDelimiter: the most frequent candidate outside quotes', () => {
  it.each([
    ['respondent;track;cv_uploaden', ';'],
    ['respondent,track,cv_uploaden', ','],
    ['respondent\ttrack\tcv_uploaden', '\t'],
    ['respondent', ','],
    ['a;b;c,d', ';'],
    ['a,b,c;d', ','],
  ])('%j → %j', (header, expected) => {
    expect(sniffDelimiter(header)).toBe(expected);
  });

  it('on a tie ; wins over tab over , (strictly more is needed to win)', () => {
    expect(sniffDelimiter('a;b,c')).toBe(';');
    expect(sniffDelimiter('a,b;c')).toBe(';');
    expect(sniffDelimiter('a\tb,c')).toBe('\t');
    expect(sniffDelimiter('a,b\tc')).toBe('\t');
    expect(sniffDelimiter('a;b\tc')).toBe(';');
    expect(sniffDelimiter('a\tb;c')).toBe(';');
  });

  it('delimiters inside quotes are not counted, escaped quotes included', () => {
    expect(sniffDelimiter('"a;b;c;d",e,f')).toBe(',');
    expect(sniffDelimiter('"x"";y;z;w",a,b')).toBe(',');
    expect(sniffDelimiter('"a,b,c,d";e;f')).toBe(';');
  });
});

describe('spellings are compared lower-cased, trimmed, inner white space collapsed', () => {
  it('"  Zeer   POSITIEF " and "mee\\t eens" count as their categories', async () => {
    const file = writeTemp(
      'spaces.csv',
      'respondent,track,cv_uploaden,mw_vriendelijk\nA1,volwassene,"  Zeer   POSITIEF ","mee\t eens"\nA2,volwassene,neutraal,neutraal\n',
    );
    const results = await analyseJson(file);
    expect(bar(results, '1', 'cv_uploaden').counts['positief']).toBe(1);
    expect(bar(results, '8', 'mw_vriendelijk').counts['eens']).toBe(1);
  });
});

describe('phone numbers: service numbers and international prefixes are not a person\'s number', () => {
  it.each(['0800-1234567', '0900 1234567', '0012345678'])('%s is no personal data', (cell) => {
    expect(findPersonalData(cell)).toBeNull();
  });

  it.each(['0612345678', '06-12345678', '+31 6 12345678', '0031 6 12345678', '(023) 5115115'])('%s is a phone number', (cell) => {
    expect(findPersonalData(cell)).toBe('phone');
  });
});

describe('isLongShape: column and value, and none of the rating columns', () => {
  const survey = builtInSurvey(messages.nl, 'nl');
  it.each([
    [['respondent', 'track', 'column', 'value'], true],
    [['Respondent', 'Track', ' COLUMN ', 'Value'], true],
    [['respondent', 'track', 'column'], false],
    [['respondent', 'track', 'value'], false],
    // a wide file with a free-text column called "value" (and one called "column") stays wide
    [['respondent', 'track', 'column', 'value', 'cv_uploaden'], false],
    [['respondent', 'track', 'column', 'value', 'mw_vriendelijk'], false],
  ])('%j → %s', (header, expected) => {
    expect(isLongShape(header, survey)).toBe(expected);
  });
});

describe('dates as the data contract and Dutch Excel write them', () => {
  it.each([
    ['2016-03-14', '2016-03-14'],
    ['14-03-2016', '2016-03-14'],
    ['14-3-2016', '2016-03-14'],
    ['4-3-2016', '2016-03-04'],
    ['29-2-2016', '2016-02-29'],
  ])('%s is %s', (cell, iso) => {
    expect(parseDate(cell)).toBe(iso);
  });

  it.each(['29-2-2017', '32-1-2016', '14-13-2016', '2016-3-14', '14/03/2016', '14-03-16', '2016-02-30'])('%s is no date', (cell) => {
    expect(parseDate(cell)).toBeNull();
  });
});
