/**
 * The JSON Schema of the part of a results.json that `cj diff` reads, with bounds: a results.json
 * is data from someone else's disk, and a count of 3e8 in it must be a refusal, not an array of
 * 3e8 answers. Fields cj diff does not read are left open (a newer cj may add some).
 */
import { HEX_COLOR_PATTERN } from '../color.js';
import { RESERVED_NAMES } from '../survey/schema.js';

/** The largest results.json cj diff reads; cj analyse writes well under 10 MB for any input. */
export const MAX_RESULTS_BYTES = 16 * 1024 * 1024;
/** No count in a results.json may be larger: more than twice the people of the Netherlands. */
export const MAX_COUNT = 1e9;
/**
 * The most answers of one bar (and marks of the grade) one side of a comparison may hold. The
 * tests rebuild every answer from the counts: two cohorts of a million take about 45 s for the
 * 19 bars of Haarlem and 470 MB at the peak (measured; two of 2e6 took 730 MB). The largest Dutch
 * municipality has under a million inhabitants.
 */
export const MAX_COMPARED_N = 1_000_000;
/** Longest text (a caption with its N filled in, a label) and longest file name. */
const MAX_TEXT = 2000;
/** Most figures, bars and categories: the survey schema's bounds (n.v.t. is the 13th category). */
const MAX_FIGURES = 100;
const MAX_BARS = 100;
const MAX_CATEGORIES = 13;
/** Most different marks of the grade (a mark with three decimals on 1–10 has 9001 values). */
const MAX_MARKS = 10_000;

const count = { type: 'integer', minimum: 0, maximum: MAX_COUNT } as const;
const text = { type: 'string', maxLength: MAX_TEXT } as const;
/** A category key or column, as the survey schema allows them, so never a prototype name. */
const key = { type: 'string', maxLength: 64, pattern: '^[a-z0-9_]+$', not: { enum: RESERVED_NAMES } } as const;
const keyed = (value: object) => ({ type: 'object', maxProperties: MAX_CATEGORIES, propertyNames: key, additionalProperties: value }) as const;

/** Lead-time segments of a survey, and distinct whole days per segment (a hundred years). */
export const MAX_LEAD_TIMES = 50;
export const MAX_DISTINCT_DAYS = 36_501;

export const resultsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['schemaVersion', 'cj', 'survey', 'input', 'figures', 'grade'],
  properties: {
    schemaVersion: { type: 'integer' },
    cj: { type: 'object', required: ['version'], properties: { version: { type: 'string', maxLength: 100 } } },
    survey: { type: 'object', required: ['name', 'language'], properties: { name: text, language: { type: 'string', maxLength: 10 } } },
    input: {
      type: 'object',
      required: ['file', 'sha256', 'respondents'],
      properties: {
        file: { type: 'string', maxLength: 4096 },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        respondents: count,
        columnsAbsent: { type: 'array', maxItems: MAX_FIGURES * MAX_BARS, items: key },
      },
    },
    figures: {
      type: 'array',
      maxItems: MAX_FIGURES,
      items: {
        type: 'object',
        required: ['id', 'title', 'N', 'showNotApplicable', 'categories', 'bars'],
        properties: {
          id: { type: 'string', maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', not: { enum: RESERVED_NAMES } },
          title: text,
          N: count,
          showNotApplicable: { type: 'boolean' },
          categories: {
            type: 'array',
            minItems: 2,
            maxItems: MAX_CATEGORIES,
            items: {
              type: 'object',
              required: ['key', 'label', 'color'],
              properties: { key, label: text, color: { type: 'string', pattern: HEX_COLOR_PATTERN } },
            },
          },
          bars: {
            type: 'array',
            maxItems: MAX_BARS,
            items: {
              type: 'object',
              required: ['label', 'column', 'n', 'counts'],
              properties: {
                label: text,
                text,
                column: key,
                n: count,
                counts: keyed(count),
                percentages: keyed({ type: 'integer', minimum: 0, maximum: 100 }),
              },
            },
          },
        },
      },
    },
    leadTimes: {
      type: 'object',
      required: ['segments'],
      properties: {
        segments: {
          type: 'array',
          maxItems: MAX_LEAD_TIMES,
          items: {
            type: 'object',
            required: ['id', 'label', 'n', 'distribution'],
            properties: {
              id: key,
              label: text,
              n: count,
              distribution: {
                type: 'array',
                maxItems: MAX_DISTINCT_DAYS,
                items: {
                  type: 'object',
                  required: ['days', 'count'],
                  properties: { days: { type: 'integer', minimum: 0, maximum: 36_500 }, count },
                },
              },
            },
          },
        },
      },
    },
    grade: {
      type: 'object',
      required: ['column', 'n', 'distribution'],
      properties: {
        column: key,
        n: count,
        distribution: {
          type: 'array',
          maxItems: MAX_MARKS,
          items: {
            type: 'object',
            required: ['mark', 'count'],
            properties: { mark: { type: 'number', minimum: -1e6, maximum: 1e6 }, count },
          },
        },
      },
    },
  },
} as const;
