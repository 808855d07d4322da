/**
 * One side of a comparison: the part of `cj analyse`'s Results that `cj diff` reads. A Results
 * object is a Cohort as it is; a results.json read from disk becomes one only through
 * `cohortFromJson`, which checks every field the comparison touches (STYLE.md: validate at the
 * edge, then pass a typed object inward).
 */
import { SCHEMA_VERSION } from '../count/results.js';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';

export interface CohortCategory {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface CohortBar {
  readonly label: string;
  readonly column: string;
  /** Counted answers: the sum of the shown categories' counts. */
  readonly n: number;
  readonly counts: Readonly<Record<string, number>>;
}

export interface CohortFigure {
  readonly id: string;
  readonly title: string;
  readonly N: number;
  readonly showNotApplicable: boolean;
  /** Drawing order; the answer scale runs from worst to best, n.v.t. last where shown. */
  readonly categories: readonly CohortCategory[];
  readonly bars: readonly CohortBar[];
}

export interface CohortGrade {
  readonly column: string;
  readonly n: number;
  readonly distribution: readonly { readonly mark: number; readonly count: number }[];
}

export interface Cohort {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly cj: { readonly version: string };
  readonly survey: { readonly name: string; readonly language: string };
  readonly input: {
    readonly file: string;
    readonly sha256: string;
    readonly respondents: number;
    readonly columnsAbsent: readonly string[];
  };
  readonly figures: readonly CohortFigure[];
  readonly grade: CohortGrade;
}

/** The categories of a figure that have an order: all shown ones but n.v.t. */
export function ordinalCategories(figure: CohortFigure): readonly CohortCategory[] {
  return figure.showNotApplicable ? figure.categories.slice(0, -1) : figure.categories;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * Reads the text of a results.json as a Cohort, or throws a DataError naming the first field
 * that is wrong, by its JSON pointer.
 */
export function cohortFromJson(text: string, file: string, m: Messages): Cohort {
  let value: Json;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    throw new DataError('CJ_DIFF_NOT_JSON', m.diffNotJson(file, (error as Error).message), { file });
  }
  const fail = (path: string, expected: string, detail = ''): never => {
    throw new DataError('CJ_DIFF_NOT_RESULTS', m.diffNotResults(file, path, m.diffExpected(expected, detail)), { file });
  };
  const object = (v: Json | undefined, path: string): { readonly [key: string]: Json } =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as { readonly [key: string]: Json }) : fail(path, 'object');
  const array = (v: Json | undefined, path: string): readonly Json[] => (Array.isArray(v) ? v : fail(path, 'array'));
  const string = (v: Json | undefined, path: string): string => (typeof v === 'string' ? v : fail(path, 'string'));
  const boolean = (v: Json | undefined, path: string): boolean => (typeof v === 'boolean' ? v : fail(path, 'boolean'));
  const count = (v: Json | undefined, path: string): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fail(path, 'count');

  const root = object(value, '');
  const version = root['schemaVersion'];
  if (version === undefined) fail('/schemaVersion', 'count');
  if (version !== SCHEMA_VERSION) {
    throw new DataError('CJ_DIFF_SCHEMA_VERSION', m.diffSchemaVersion(file, JSON.stringify(version), SCHEMA_VERSION), { file });
  }
  const cj = object(root['cj'], '/cj');
  const survey = object(root['survey'], '/survey');
  const input = object(root['input'], '/input');
  const figures = array(root['figures'], '/figures').map((f, i): CohortFigure => {
    const path = `/figures/${i}`;
    const figure = object(f, path);
    const showNotApplicable = boolean(figure['showNotApplicable'], `${path}/showNotApplicable`);
    const categories = array(figure['categories'], `${path}/categories`).map((c, j): CohortCategory => {
      const category = object(c, `${path}/categories/${j}`);
      return {
        key: string(category['key'], `${path}/categories/${j}/key`),
        label: string(category['label'], `${path}/categories/${j}/label`),
        color: string(category['color'], `${path}/categories/${j}/color`),
      };
    });
    if (categories.length < (showNotApplicable ? 3 : 2)) fail(`${path}/categories`, 'categories');
    const bars = array(figure['bars'], `${path}/bars`).map((b, j): CohortBar => {
      const barPath = `${path}/bars/${j}`;
      const bar = object(b, barPath);
      const rawCounts = object(bar['counts'], `${barPath}/counts`);
      const counts: Record<string, number> = {};
      for (const category of categories) counts[category.key] = count(rawCounts[category.key], `${barPath}/counts/${category.key}`);
      const n = count(bar['n'], `${barPath}/n`);
      const shown = categories.reduce((sum, category) => sum + (counts[category.key] ?? 0), 0);
      if (shown !== n) fail(`${barPath}/n`, 'sum', String(shown));
      return { label: string(bar['label'], `${barPath}/label`), column: string(bar['column'], `${barPath}/column`), n, counts };
    });
    return {
      id: string(figure['id'], `${path}/id`),
      title: string(figure['title'], `${path}/title`),
      N: count(figure['N'], `${path}/N`),
      showNotApplicable,
      categories,
      bars,
    };
  });
  const grade = object(root['grade'], '/grade');
  const distribution = array(grade['distribution'], '/grade/distribution').map((d, i) => {
    const entry = object(d, `/grade/distribution/${i}`);
    const mark = entry['mark'];
    if (typeof mark !== 'number' || !Number.isFinite(mark)) fail(`/grade/distribution/${i}/mark`, 'number');
    return { mark: mark as number, count: count(entry['count'], `/grade/distribution/${i}/count`) };
  });
  const gradeN = count(grade['n'], '/grade/n');
  const marks = distribution.reduce((sum, entry) => sum + entry.count, 0);
  if (marks !== gradeN) fail('/grade/n', 'sum', String(marks));
  return {
    schemaVersion: SCHEMA_VERSION,
    cj: { version: string(cj['version'], '/cj/version') },
    survey: { name: string(survey['name'], '/survey/name'), language: string(survey['language'], '/survey/language') },
    input: {
      file: string(input['file'], '/input/file'),
      sha256: string(input['sha256'], '/input/sha256'),
      respondents: count(input['respondents'], '/input/respondents'),
      columnsAbsent: array(input['columnsAbsent'] ?? [], '/input/columnsAbsent').map((c, i) => string(c, `/input/columnsAbsent/${i}`)),
    },
    figures,
    grade: { column: string(grade['column'], '/grade/column'), n: gradeN, distribution },
  };
}
