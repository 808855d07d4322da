import type { JSONSchemaType } from 'ajv';
import { HEX_COLOR_PATTERN } from '../color.js';
import type { SurveyDefinition } from './types.js';

/**
 * Names a key may not have: the properties of Object.prototype (and `prototype`). A definition's
 * ids and keys become keys of the results' records, and in JavaScript `counts["__proto__"]` or
 * `table["constructor"]` reach the prototype instead of a value (issue 10).
 */
export const RESERVED_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;
const notReserved = { not: { enum: RESERVED_NAMES } } as const;

/**
 * Text without control characters (C0, DEL, C1), direction marks and overrides, line separators
 * or noncharacters: the characters src/render/safe-text.ts neutralises, refused here at the edge.
 */
export const PLAIN_TEXT_PATTERN =
  '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]*$';
/** Longest caption, label or footnote text, in UTF-16 units. */
const MAX_TEXT = 1000;
const text = { type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: PLAIN_TEXT_PATTERN } as const;
const optionalText = { type: 'string', nullable: true, maxLength: MAX_TEXT, pattern: PLAIN_TEXT_PATTERN } as const;
const id = { type: 'string', maxLength: 64, pattern: '^[a-z0-9_]+$', ...notReserved } as const;
const color = { type: 'string', pattern: HEX_COLOR_PATTERN } as const;
/** Spellings are keys too: no prototype names, no control characters. */
const spellingKeys = { maxLength: MAX_TEXT, pattern: PLAIN_TEXT_PATTERN, ...notReserved } as const;
/**
 * Texts to translate are labels, and a label may be any text, "constructor" too (cj looks them
 * up in a Map); only `__proto__`, which a plain JavaScript object cannot hold as a key, is refused.
 */
const translatedTexts = { maxLength: MAX_TEXT, pattern: PLAIN_TEXT_PATTERN, not: { enum: ['__proto__'] } } as const;
/** Other names of a column, as a platform export writes them: any plain text. */
const aliases = { type: 'array', nullable: true, maxItems: 20, items: { ...text, maxLength: 200 } } as const;
const optional = { type: 'boolean', nullable: true } as const;
const category = {
  type: 'object',
  properties: { key: id, label: text, color },
  required: ['key', 'label', 'color'],
  additionalProperties: false,
} as const;

/**
 * The schema of every top-level field. Typed on its own as well: JSONSchemaType lets an object
 * schema's `properties` hold fields the type lacks, this type does not.
 */
type SurveyProperties = NonNullable<Extract<JSONSchemaType<SurveyDefinition>, { type: 'object' }>['properties']>;
const properties: SurveyProperties = {
  $schema: { type: 'string', nullable: true, maxLength: MAX_TEXT },
  name: text,
  language: { type: 'string', pattern: '^[a-z]{2}$' },
  tracks: {
    type: 'array',
    minItems: 1,
    maxItems: 20,
    items: {
      type: 'object',
      properties: { id, label: text, aliases: { type: 'array', maxItems: 20, items: text } },
      required: ['id', 'label', 'aliases'],
      additionalProperties: false,
    },
  },
  mainTrack: id,
  steps: {
    type: 'array',
    minItems: 1,
    maxItems: 100,
    items: {
      type: 'object',
      properties: { id, label: text },
      required: ['id', 'label'],
      additionalProperties: false,
    },
  },
  scales: {
    type: 'array',
    minItems: 1,
    maxItems: 20,
    items: {
      type: 'object',
      properties: {
        id,
        categories: { type: 'array', minItems: 2, maxItems: 12, items: category },
        notApplicable: category,
        spellings: { type: 'object', required: [], maxProperties: 1000, propertyNames: spellingKeys, additionalProperties: id },
        satisfied: { type: 'array', nullable: true, minItems: 1, maxItems: 11, uniqueItems: true, items: id },
      },
      required: ['id', 'categories', 'notApplicable', 'spellings'],
      additionalProperties: false,
    },
  },
  figures: {
    type: 'array',
    minItems: 1,
    maxItems: 100,
    items: {
      type: 'object',
      properties: {
        // Part of file names (figuur-<id>.svg): short, and no character a file system minds.
        id: { type: 'string', maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', ...notReserved },
        caption: text,
        step: id,
        scale: id,
        showNotApplicable: { type: 'boolean' },
        tracks: { type: 'array', minItems: 1, maxItems: 20, items: id },
        bars: {
          type: 'array',
          minItems: 1,
          maxItems: 100,
          items: {
            type: 'object',
            properties: { column: id, label: text, text: optionalText, aliases, optional },
            required: ['column', 'label'],
            additionalProperties: false,
          },
        },
        footnote: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            properties: {
              when: { type: 'string', enum: ['withdrawn', 'notApplicable', 'otherTrack'] },
              text,
              joiner: optionalText,
            },
            required: ['when', 'text'],
            additionalProperties: false,
          },
        },
        footnoteEnd: optionalText,
        by: { ...id, nullable: true },
      },
      required: ['id', 'caption', 'step', 'scale', 'showNotApplicable', 'tracks', 'bars', 'footnote'],
      additionalProperties: false,
    },
  },
  grade: {
    type: 'object',
    properties: {
      column: id,
      step: id,
      min: { type: 'number' },
      max: { type: 'number' },
      tracks: { type: 'array', minItems: 1, maxItems: 20, items: id },
      decimals: { type: 'integer', minimum: 0, maximum: 3 },
      aliases,
      optional,
    },
    required: ['column', 'step', 'min', 'max', 'tracks', 'decimals'],
    additionalProperties: false,
  },
  dateSuffix: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$' },
  leadTimes: {
    type: 'array',
    nullable: true,
    maxItems: 50,
    items: {
      type: 'object',
      properties: {
        id,
        label: text,
        from: id,
        to: id,
        // Up to ten years: a term in days, not a date or a count of something else.
        legalTermDays: { type: 'integer', nullable: true, minimum: 1, maximum: 3650 },
      },
      required: ['id', 'label', 'from', 'to'],
      additionalProperties: false,
    },
  },
  todo: { type: 'array', nullable: true, maxItems: 1000, items: text },
  columnAliases: {
    type: 'object',
    nullable: true,
    properties: { respondent: aliases, track: aliases, withdrawn_after: aliases },
    required: [],
    additionalProperties: false,
  },
  translations: {
    type: 'object',
    nullable: true,
    required: [],
    maxProperties: 20,
    propertyNames: { pattern: '^[a-z]{2}$' },
    additionalProperties: { type: 'object', required: [], maxProperties: 5000, propertyNames: translatedTexts, additionalProperties: text },
  },
  background: {
    type: 'array',
    nullable: true,
    maxItems: 20,
    items: {
      type: 'object',
      properties: {
        column: id,
        label: text,
        plural: text,
        aliases,
        values: {
          type: 'array',
          nullable: true,
          minItems: 1,
          // More groups than this is no breakdown a report prints, and would single people out.
          maxItems: 50,
          items: {
            type: 'object',
            properties: { key: id, label: text, spellings: { ...aliases, maxItems: 50 } },
            required: ['key', 'label'],
            additionalProperties: false,
          },
        },
      },
      required: ['column', 'label', 'plural'],
      additionalProperties: false,
    },
  },
  population: {
    type: 'object',
    nullable: true,
    properties: {
      kind: { type: 'string', enum: ['invited', 'register'] },
      strata: {
        type: 'array',
        minItems: 1,
        maxItems: 2500,
        items: {
          type: 'object',
          properties: {
            groups: { type: 'object', required: [], maxProperties: 20, propertyNames: { pattern: '^[a-z0-9_]+$', ...notReserved }, additionalProperties: id },
            size: { type: 'integer', minimum: 1, maximum: 1e9 },
          },
          required: ['groups', 'size'],
          additionalProperties: false,
        },
      },
      previousResponseRate: { type: 'number', nullable: true, exclusiveMinimum: 0, maximum: 1 },
      maxMarginOfError: { type: 'number', nullable: true, exclusiveMinimum: 0, maximum: 1 },
    },
    required: ['kind', 'strata'],
    additionalProperties: false,
  },
};

/**
 * The JSON Schema of a survey definition. Typed as JSONSchemaType<SurveyDefinition>, so the
 * compiler refuses a schema that drifts from the TypeScript types (and the other way round);
 * `cj survey schema` prints it, and it ships as schema/survey.schema.json.
 */
export const surveySchema: JSONSchemaType<SurveyDefinition> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cj.invalid/schema/survey-1.json',
  title: 'cj survey definition',
  type: 'object',
  properties,
  required: ['name', 'language', 'tracks', 'mainTrack', 'steps', 'scales', 'figures', 'grade', 'dateSuffix'],
  additionalProperties: false,
};
