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
