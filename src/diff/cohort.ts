/**
 * One side of a comparison: the part of `cj analyse`'s Results that `cj diff` reads. A Results
 * object is a Cohort as it is; a results.json read from disk becomes one only through
 * `cohortFromJson`, which checks every field the comparison touches (STYLE.md: validate at the
 * edge, then pass a typed object inward).
 */
import { open } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import { keyedRecord } from '../count/finish.js';
import { SCHEMA_VERSION } from '../count/results.js';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { MAX_COMPARED_N, MAX_RESULTS_BYTES } from './results-schema.js';

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

/** One lead-time segment of the main track: whole days and how many respondents took them. */
export interface CohortLeadTime {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  readonly distribution: readonly { readonly days: number; readonly count: number }[];
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
  /** Absent when the cohort's definition has no segments or its file no dates. */
  readonly leadTimes?: { readonly segments: readonly CohortLeadTime[] };
}

/** The categories of a figure that have an order: all shown ones but n.v.t. */
export function ordinalCategories(figure: CohortFigure): readonly CohortCategory[] {
  return figure.showNotApplicable ? figure.categories.slice(0, -1) : figure.categories;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** What cohortFromJson reads, once the schema has passed it (results-schema.ts). */
interface CheckedResults {
  readonly schemaVersion: number;
  readonly cj: { readonly version: string };
  readonly survey: { readonly name: string; readonly language: string };
  readonly input: { readonly file: string; readonly sha256: string; readonly respondents: number; readonly columnsAbsent?: readonly string[] };
  readonly figures: readonly {
    readonly id: string;
    readonly title: string;
    readonly N: number;
    readonly showNotApplicable: boolean;
    readonly categories: readonly CohortCategory[];
    readonly bars: readonly {
      readonly label: string;
      readonly column: string;
      readonly n: number;
      readonly counts: { readonly [key: string]: number };
    }[];
  }[];
  readonly grade: { readonly column: string; readonly n: number; readonly distribution: readonly { readonly mark: number; readonly count: number }[] };
  readonly leadTimes?: { readonly segments: readonly CohortLeadTime[] };
}

let validateResults: ((value: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** The kind of value a schema fault expected, in the words of messages.diffExpected. */
function expectedOf(error: ErrorObject): { kind: string; detail: string } {
  const params = error.params as { type?: string; limit?: number; missingProperty?: string; pattern?: string };
  switch (error.keyword) {
    case 'type':
      return { kind: params.type === 'integer' ? 'count' : (params.type ?? 'object'), detail: '' };
    case 'minimum':
    case 'maximum': {
      const whole = (error.parentSchema as { type?: string } | undefined)?.type === 'integer';
      if (error.keyword === 'minimum') return { kind: whole ? 'count' : 'atLeast', detail: String(params.limit) };
      return { kind: whole ? 'atMost' : 'numberAtMost', detail: String(params.limit) };
    }
    case 'maxItems':
    case 'maxProperties':
    case 'maxLength':
      return { kind: 'atMostItems', detail: String(params.limit) };
    case 'minItems':
      return { kind: 'categories', detail: '' };
    case 'pattern':
      return { kind: params.pattern?.startsWith('^#') === true ? 'colour' : params.pattern === '^[0-9a-f]{64}$' ? 'sha256' : 'key', detail: '' };
    case 'not':
      return { kind: 'key', detail: '' };
    default:
      return { kind: error.keyword, detail: '' };
  }
}

/**
 * Reads the text of a results.json as a Cohort, or throws a DataError naming the first field
 * that is wrong, by its JSON pointer: first the JSON Schema with its bounds, then what a schema
 * cannot say (the counts add up to n, keys are unique, a bar is small enough to compare).
 */
export async function cohortFromJson(text: string, file: string, m: Messages): Promise<Cohort> {
  let value: Json;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    throw new DataError('CJ_DIFF_NOT_JSON', m.diffNotJson(file, safeText((error as Error).message)), { file });
  }
  const fail = (path: string, expected: string, detail = ''): never => {
    throw new DataError('CJ_DIFF_NOT_RESULTS', m.diffNotResults(file, safeText(path) || '/', m.diffExpected(expected, detail)), { file });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('', 'object');
  const version = (value as { readonly [key: string]: Json })['schemaVersion'];
  if (version === undefined) fail('/schemaVersion', 'count');
  if (version !== SCHEMA_VERSION) {
    throw new DataError('CJ_DIFF_SCHEMA_VERSION', m.diffSchemaVersion(file, safeText(JSON.stringify(version).slice(0, 40)), SCHEMA_VERSION), { file });
  }
  if (validateResults === undefined) {
    const [{ Ajv }, { resultsSchema }] = await Promise.all([import('ajv'), import('./results-schema.js')]);
    validateResults = new Ajv({ strict: true, allErrors: false, verbose: true }).compile(resultsSchema);
  }
  if (!validateResults(value)) {
    const error = validateResults.errors?.[0];
    if (error === undefined) return fail('', 'object');
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const where = error.propertyName !== undefined ? `${error.instancePath}/${error.propertyName}` : error.instancePath;
    if (error.keyword === 'required' && missing !== undefined) return fail(`${error.instancePath}/${missing}`, 'present');
    const { kind, detail } = expectedOf(error);
    return fail(where, kind, detail);
  }
  const root = value as unknown as CheckedResults;

  const figures = root.figures.map((figure, i): CohortFigure => {
    const path = `/figures/${i}`;
    const { categories, showNotApplicable } = figure;
    if (categories.length < (showNotApplicable ? 3 : 2)) fail(`${path}/categories`, 'categories');
    const keys = new Set<string>();
    categories.forEach((category, j) => {
      if (keys.has(category.key)) fail(`${path}/categories/${j}/key`, 'unique', category.key);
      keys.add(category.key);
    });
    const columns = new Set<string>();
    const bars = figure.bars.map((bar, j): CohortBar => {
      const barPath = `${path}/bars/${j}`;
      if (columns.has(bar.column)) fail(`${barPath}/column`, 'unique', bar.column);
      columns.add(bar.column);
      // Own properties only: the schema allows no prototype name as a key, and a Map-like record
      // without a prototype keeps it so for every later lookup.
      const counts = keyedRecord<number>();
      for (const category of categories) {
        if (!Object.hasOwn(bar.counts, category.key)) fail(`${barPath}/counts/${category.key}`, 'count');
        counts[category.key] = bar.counts[category.key] as number;
      }
      const shown = categories.reduce((sum, category) => sum + (counts[category.key] ?? 0), 0);
      if (shown !== bar.n) fail(`${barPath}/n`, 'sum', String(shown));
      if (bar.n > MAX_COMPARED_N) fail(`${barPath}/n`, 'atMost', String(MAX_COMPARED_N));
      return { label: bar.label, column: bar.column, n: bar.n, counts };
    });
    return {
      id: figure.id,
      title: figure.title,
      N: figure.N,
      showNotApplicable,
      categories: categories.map(({ key, label, color }) => ({ key, label, color })),
      bars,
    };
  });
  const ids = new Set<string>();
  figures.forEach((figure, i) => {
    if (ids.has(figure.id)) fail(`/figures/${i}/id`, 'unique', figure.id);
    ids.add(figure.id);
  });
  const { grade } = root;
  const distribution = grade.distribution.map(({ mark, count }) => ({ mark, count }));
  const marks = distribution.reduce((sum, entry) => sum + entry.count, 0);
  if (marks !== grade.n) fail('/grade/n', 'sum', String(marks));
  if (grade.n > MAX_COMPARED_N) fail('/grade/n', 'atMost', String(MAX_COMPARED_N));
  const segmentIds = new Set<string>();
  const leadTimes = root.leadTimes?.segments.map((segment, i): CohortLeadTime => {
    const path = `/leadTimes/segments/${i}`;
    if (segmentIds.has(segment.id)) fail(`${path}/id`, 'unique', segment.id);
    segmentIds.add(segment.id);
    const days = new Set<number>();
    segment.distribution.forEach((entry, j) => {
      if (days.has(entry.days)) fail(`${path}/distribution/${j}/days`, 'unique', String(entry.days));
      days.add(entry.days);
    });
    const total = segment.distribution.reduce((sum, entry) => sum + entry.count, 0);
    if (total !== segment.n) fail(`${path}/n`, 'sum', String(total));
    if (segment.n > MAX_COMPARED_N) fail(`${path}/n`, 'atMost', String(MAX_COMPARED_N));
    return { id: segment.id, label: segment.label, n: segment.n, distribution: segment.distribution.map(({ days: d, count }) => ({ days: d, count })) };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    cj: { version: root.cj.version },
    survey: { name: root.survey.name, language: root.survey.language },
    input: {
      file: root.input.file,
      sha256: root.input.sha256,
      respondents: root.input.respondents,
      columnsAbsent: [...(root.input.columnsAbsent ?? [])],
    },
    figures,
    grade: { column: grade.column, n: grade.n, distribution },
    ...(leadTimes === undefined ? {} : { leadTimes: { segments: leadTimes } }),
  };
}

/**
 * The bytes of a results.json, read in chunks up to MAX_RESULTS_BYTES and no further, so a
 * pipe or a device without end is refused as too large instead of read into memory whole.
 */
export async function readResultsFile(path: string, file: string, m: Messages): Promise<Buffer> {
  const handle = await open(path, 'r');
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, MAX_RESULTS_BYTES + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_RESULTS_BYTES) throw new DataError('CJ_DIFF_TOO_LARGE', m.diffResultsTooLarge(file, MAX_RESULTS_BYTES), { file });
    }
  } finally {
    await handle.close();
  }
  return Buffer.concat(chunks, length);
}
