import type { JSONSchemaType } from 'ajv';
import type { SurveyDefinition } from './types.js';

const text = { type: 'string', minLength: 1 } as const;
const id = { type: 'string', pattern: '^[a-z0-9_]+$' } as const;
const color = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } as const;
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
  $schema: { type: 'string', nullable: true },
  name: text,
  language: { type: 'string', pattern: '^[a-z]{2}$' },
  tracks: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties: { id, label: text, aliases: { type: 'array', items: text } },
      required: ['id', 'label', 'aliases'],
      additionalProperties: false,
    },
  },
  mainTrack: id,
  steps: {
    type: 'array',
    minItems: 1,
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
    items: {
      type: 'object',
      properties: {
        id,
        categories: { type: 'array', minItems: 2, items: category },
        notApplicable: category,
        spellings: { type: 'object', required: [], additionalProperties: { type: 'string' } },
      },
      required: ['id', 'categories', 'notApplicable', 'spellings'],
      additionalProperties: false,
    },
  },
  figures: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        caption: text,
        step: id,
        scale: id,
        showNotApplicable: { type: 'boolean' },
        tracks: { type: 'array', minItems: 1, items: id },
        bars: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: { column: id, label: text },
            required: ['column', 'label'],
            additionalProperties: false,
          },
        },
        footnote: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              when: { type: 'string', enum: ['withdrawn', 'notApplicable', 'otherTrack'] },
              text,
              joiner: { type: 'string', nullable: true },
            },
            required: ['when', 'text'],
            additionalProperties: false,
          },
        },
        footnoteEnd: { type: 'string', nullable: true },
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
      tracks: { type: 'array', minItems: 1, items: id },
      decimals: { type: 'integer', minimum: 0, maximum: 3 },
    },
    required: ['column', 'step', 'min', 'max', 'tracks', 'decimals'],
    additionalProperties: false,
  },
  dateSuffix: { type: 'string', minLength: 1 },
  translations: {
    type: 'object',
    nullable: true,
    required: [],
    additionalProperties: { type: 'object', required: [], additionalProperties: { type: 'string' } },
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
