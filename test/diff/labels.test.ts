/**
 * How cohorts and waves are named without --label (src/diff/labels.ts), case by case by hand:
 * by their definitions' names when these differ, else by the words of the file names that differ,
 * else of the paths, else by their place.
 */
import { describe, expect, it } from 'vitest';
import { namingPath, waveLabels } from '../../src/diff/labels.js';

const same = 'Customer Journey bijstand, gemeente Haarlem 2016 (I&O Research)';
const waves = (...paths: string[]) => paths.map((path) => ({ path, survey: same }));

describe('wave labels', () => {
  it('one definition: the words of the file names that differ (fixtures/haarlem-2016.csv … 2018: 2016 … 2018)', () => {
    expect(waveLabels(waves('fixtures/haarlem-2016.csv', 'fixtures/haarlem-2017.csv', 'fixtures/haarlem-2018.csv'), ['1', '2', '3'])).toEqual(['2016', '2017', '2018']);
  });

  it('whole words, with the separators between them kept', () => {
    expect(waveLabels(waves('kto 2017 voorjaar.csv', 'kto 2018 najaar.csv'), ['a', 'b'])).toEqual(['2017 voorjaar', '2018 najaar']);
    expect(waveLabels(waves('golf-10.csv', 'golf-11.csv'), ['a', 'b'])).toEqual(['10', '11']);
  });

  it('file names alike: the words of the paths that differ (2016/data.csv, 2017/data.csv)', () => {
    expect(waveLabels(waves('metingen/2016/data.csv', 'metingen/2017/data.csv'), ['a', 'b'])).toEqual(['2016', '2017']);
  });

  it('different definitions: their names', () => {
    const labels = waveLabels(
      [
        { path: 'a/data.csv', survey: 'KTO Werk en Inkomen 2017' },
        { path: 'b/data.csv', survey: 'KTO Werk en Inkomen 2018' },
      ],
      ['a', 'b'],
    );
    expect(labels).toEqual(['KTO Werk en Inkomen 2017', 'KTO Werk en Inkomen 2018']);
  });

  it('a file name that only adds a word: the base names', () => {
    expect(waveLabels(waves('data/x.csv', 'data/x-2.csv'), ['a', 'b'])).toEqual(['x', 'x-2']);
  });

  it('the same file twice: its name after its place', () => {
    expect(waveLabels(waves('fixtures/haarlem-2016.csv', 'fixtures/haarlem-2016.csv'), ['a', 'b'])).toEqual(['a: haarlem-2016', 'b: haarlem-2016']);
  });

  it('a results.json stands for the file it was counted from, in its own folder', () => {
    expect(namingPath('2016/results.json', 'data.csv')).toBe('2016/data.csv');
    expect(namingPath('results.json', 'haarlem-2016.csv')).toBe('haarlem-2016.csv');
    expect(namingPath('fixtures/haarlem-2017.csv', undefined)).toBe('fixtures/haarlem-2017.csv');
    expect(waveLabels(waves(namingPath('2016/results.json', 'data.csv'), namingPath('2017/results.json', 'data.csv')), ['a', 'b'])).toEqual(['2016', '2017']);
  });
});

describe('wave labels never show personal data from a file name or path', () => {
  // Each of these paths holds something the response-file checks refuse as personal data
  // (DATA-CONTRACT.md): an e-mail address, a postcode with house number, a BSN (123456782
  // passes the 11-proef by hand: 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8−2 = 154 = 14·11).
  const leaks = ['jan.jansen@example.nl', 'jan.jansen@example', 'jan.jansen', '1234AB-12', '1234AB', '123456782'];
  const shown = (labels: readonly string[]): string[] => leaks.filter((leak) => labels.some((label) => label.includes(leak)));

  it('an e-mail address or a postcode with house number as the file name: the wave by its place', () => {
    const labels = waveLabels(waves('w/jan.jansen@example.nl.csv', 'w/1234AB-12.csv'), ['a', 'b']);
    expect(shown(labels)).toEqual([]);
    expect(labels).toEqual(['a', 'b']);
  });

  it('an e-mail address in the folders that differ: not even the part before the first dot', () => {
    const labels = waveLabels(waves('jan.jansen@example.nl/data.csv', 'piet@example.nl/data.csv'), ['a', 'b']);
    expect(shown(labels)).toEqual([]);
    expect(labels).toEqual(['a', 'b']);
  });

  it('a BSN in the path: that wave by its place, the others as before', () => {
    const labels = waveLabels(waves('dossiers/123456782/kto-2016.csv', 'dossiers/kto-2017.csv', 'dossiers/kto-2018.csv'), ['1', '2', '3']);
    expect(shown(labels)).toEqual([]);
    expect(labels[0]).toBe('1');
    expect(new Set(labels).size).toBe(3);
  });

  it('the same file twice, named by an e-mail address: the places alone', () => {
    expect(waveLabels(waves('jan@example.nl.csv', 'jan@example.nl.csv'), ['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('a place put in for personal data', () => {
  it('never makes two labels equal', () => {
    const labels = waveLabels(waves('x/jan@example.nl.csv', 'x/a.csv'), ['a', 'b']);
    expect(labels).toEqual(['a', 'b: a']);
  });
});
