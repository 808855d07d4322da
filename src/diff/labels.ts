/**
 * How `cj diff` and `cj trend` name their cohorts or waves when `--label` is not given: by what
 * tells them apart. Different survey definitions: each by its definition's name. One definition
 * (the usual case: the same survey repeated): by the words of the file names that differ, so
 * `fixtures/haarlem-2016.csv` … `haarlem-2018.csv` become 2016 … 2018; where the names are the same,
 * by the words of the paths that differ (`2016/data.csv`, `2017/data.csv`: 2016, 2017). A
 * results.json stands for the response file it was counted from, in the results.json's folder.
 * Labels that would still be empty or equal (the same file twice) get their place put before
 * them: `a: …`, `b: …`. A wave whose path holds personal data is named by its place alone.
 */
import { findPersonalData } from '../input/personal-data.js';

export interface WaveSource {
  /** The path as given on the command line; for a results.json, its folder and the file it was counted from. */
  readonly path: string;
  /** The name of the survey definition the wave was counted with. */
  readonly survey: string;
}

/** Splits a path into its words and the separators between them (/, \, ., -, _, space). */
function wordsOf(path: string): string[] {
  return path.split(/([\\/._\s-]+)/);
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** A path's base name without its extension: the fallback when no word tells the waves apart. */
function stemOf(path: string): string {
  const base = baseName(path);
  return base.replace(/\.[^.]+$/, '') || base;
}

/** The words of each path between the words that all paths share at the start and at the end. */
function differingParts(paths: readonly string[]): string[] {
  const split = paths.map((path) => wordsOf(path).filter((_, index) => index % 2 === 0));
  const shortest = Math.min(...split.map((words) => words.length));
  const same = (pick: (words: string[]) => string | undefined): boolean => split.every((words) => pick(words) === pick(split[0]!));
  let head = 0;
  while (head < shortest && same((words) => words[head])) head++;
  let tail = 0;
  while (tail < shortest - head && same((words) => words[words.length - 1 - tail])) tail++;
  return paths.map((path) => {
    const parts = wordsOf(path);
    // Words sit at even indexes; keep the separators between the kept words.
    const from = head * 2;
    const to = parts.length - tail * 2;
    return parts.slice(from, Math.max(from, to)).join('').trim();
  });
}

const allDistinct = (labels: readonly string[]): boolean => labels.every((label) => label !== '') && new Set(labels).size === labels.length;

/**
 * Whether a path holds personal data, as given or read with its separators as spaces (a file
 * name writes `1234AB-12` or `kto_0612345678` where a cell would have spaces). Such a path
 * never names its wave, not even in part: `jan.jansen@example.nl/data.csv` would give
 * `jan.jansen@example`, which no longer looks like an e-mail address.
 */
function holdsPersonalData(path: string): boolean {
  return findPersonalData(path) !== null || findPersonalData(path.replace(/[\\/._-]+/g, ' ')) !== null;
}

/**
 * The labels of the waves, in order. `places` names each wave's place (`a`, `b` for a
 * comparison; `1`, `2`, … for a trend) for labels that could not be told apart otherwise.
 */
export function waveLabels(waves: readonly WaveSource[], places: readonly string[]): string[] {
  const surveys = waves.map((wave) => wave.survey.trim());
  if (allDistinct(surveys)) return surveys;
  const place = (index: number): string => places[index] ?? String(index + 1);
  const unsafe = waves.map((wave) => holdsPersonalData(wave.path));
  const labels = pathLabels(waves, places).map((label, index) => (unsafe[index] ? place(index) : label));
  // A place put in for personal data may equal another wave's label (`a.csv`): then all show their place.
  return allDistinct(labels) ? labels : labels.map((label, index) => (unsafe[index] || label.startsWith(`${place(index)}: `) ? label : `${place(index)}: ${label}`));
}

/** The labels from the paths: the words of the file names that differ, else of the paths, else the stems. */
function pathLabels(waves: readonly WaveSource[], places: readonly string[]): string[] {
  const names = differingParts(waves.map((wave) => baseName(wave.path)));
  if (allDistinct(names)) return names;
  const parts = differingParts(waves.map((wave) => wave.path));
  if (allDistinct(parts)) return parts;
  const stems = waves.map((wave) => stemOf(wave.path));
  if (allDistinct(stems)) return stems;
  return stems.map((stem, index) => `${places[index] ?? index + 1}: ${stem}`);
}

/** The path a wave is named by: a results.json by the response file it was counted from, in its own folder. */
export function namingPath(given: string, countedFrom: string | undefined): string {
  if (countedFrom === undefined) return given;
  const folder = given.slice(0, given.length - baseName(given).length);
  return folder + baseName(countedFrom);
}
