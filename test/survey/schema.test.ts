/**
 * The JSON Schema of a definition file cannot drift: from the definitions that ship (they pass
 * it), from the schema file that ships (it is the same object), from `cj survey schema` (it
 * prints the same), or from the TypeScript types (the compiler refuses a schema that describes a
 * property the types lack or lacks one they require; `npm test` runs `tsc -p test/tsconfig.json`,
 * so the `@ts-expect-error` lines below are checked).
 */
import { readFileSync } from 'node:fs';
import type { JSONSchemaType } from 'ajv';
import { describe, expect, it } from 'vitest';
import { surveySchema } from '../../src/survey/schema.js';
import type {
  BackgroundDefinition,
  BackgroundValue,
  PopulationDefinition,
  BarDefinition,
  CategoryDefinition,
  ColumnAliases,
  FigureDefinition,
  FootnotePart,
  GradeDefinition,
  LeadTimeDefinition,
  ScaleDefinition,
  StepDefinition,
  SurveyDefinition,
  TrackDefinition,
} from '../../src/survey/types.js';
import { validateDefinition } from '../../src/survey/validate-definition.js';
import { run } from '../helpers/run.js';
import { builtInDefinitionPath, duinstadSurveyPath, shippedSchemaPath } from './duinstad.js';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('the definitions that ship pass the schema', () => {
  it('the built-in Haarlem 2016 definition: no faults', () => {
    expect(validateDefinition(readJson(builtInDefinitionPath))).toEqual([]);
  });

  it('the Duinstad 2017 fixture: no faults', () => {
    expect(validateDefinition(readJson(duinstadSurveyPath))).toEqual([]);
  });

  it('a fault comes back with its JSON Pointer and ajv\'s sentence', () => {
    const definition = readJson(duinstadSurveyPath) as { grade: { decimals: unknown } };
    definition.grade.decimals = 4;
    expect(validateDefinition(definition)).toEqual([{ path: '/grade/decimals', message: 'must be <= 3' }]);
  });

  it('something that is not an object at all', () => {
    expect(validateDefinition([])).toEqual([{ path: '/', message: 'must be object' }]);
  });
});

describe('one schema, wherever it is read', () => {
  const shippedText = readFileSync(shippedSchemaPath, 'utf8');

  it('src/survey/definitions/survey.schema.json equals surveySchema', () => {
    expect(JSON.parse(shippedText)).toEqual(surveySchema);
  });

  it('…byte for byte as `JSON.stringify(surveySchema, null, 2)` writes it', () => {
    expect(shippedText).toBe(JSON.stringify(surveySchema, null, 2) + '\n');
  });

  it('cj survey schema prints the shipped file', async () => {
    const result = await run(['survey', 'schema']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(shippedText);
  });

  it('the definitions point editors at the schema file', () => {
    expect((readJson(builtInDefinitionPath) as { $schema: string }).$schema).toBe('./survey.schema.json');
    expect((readJson(duinstadSurveyPath) as { $schema: string }).$schema).toBe('../../src/survey/definitions/survey.schema.json');
  });
});

// Compile-time: the schema and the types cannot drift. These lines are never run for their
// value; the compiler checks them (npm test runs tsc before vitest). `surveySchema.properties`
// reads as `any` through ajv's keyword index signature, so it is given its type back first.
type SurveyProperties = NonNullable<Extract<JSONSchemaType<SurveyDefinition>, { type: 'object' }>['properties']>;
const properties: SurveyProperties = surveySchema.properties;
const { dateSuffix: _dateSuffix, ...propertiesWithoutDateSuffix } = properties;
// @ts-expect-error SurveyDefinition requires dateSuffix: a schema that does not describe it is refused
export const lacksRequired: JSONSchemaType<SurveyDefinition> = { ...surveySchema, properties: propertiesWithoutDateSuffix };
// @ts-expect-error SurveyDefinition has no `subtitle`: the properties of its schema cannot describe one
export const hasExtra: SurveyProperties = { ...properties, subtitle: { type: 'string', nullable: true } };
// Without the change both compile: the two errors above are about the change alone.
export const unchanged: JSONSchemaType<SurveyDefinition> = { ...surveySchema, properties: { ...properties } };
export const unchangedProperties: SurveyProperties = { ...properties };
// Not refused: as a whole, JSONSchemaType<SurveyDefinition> lets an object literal describe a
// property the type lacks (ajv's index signature), and schema.ts writes the schema as one literal.
// So the property names of every object in the schema are also compared at run time, below,
// with lists the compiler checks against the types.
export const extraNotRefusedAsAWhole: JSONSchemaType<SurveyDefinition> = {
  ...surveySchema,
  properties: { ...properties, subtitle: { type: 'string', nullable: true } },
};

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Every property name of T and the required ones, as lists the compiler holds to the type. */
function shapeOf<T>() {
  return <const K extends readonly (keyof T & string)[], const R extends readonly (RequiredKeys<T> & string)[]>(
    keys: K & (Same<K[number], keyof T> extends true ? unknown : never),
    required: R & (Same<R[number], RequiredKeys<T>> extends true ? unknown : never),
  ): { readonly keys: readonly string[]; readonly required: readonly string[] } => ({ keys, required });
}

const category = shapeOf<CategoryDefinition>()(['key', 'label', 'color'], ['key', 'label', 'color']);
/** Where each object type of a definition sits in the schema (a JSON Pointer into the schema). */
const shapes = {
  '': shapeOf<SurveyDefinition>()(
    ['$schema', 'name', 'language', 'tracks', 'mainTrack', 'steps', 'scales', 'figures', 'grade', 'dateSuffix', 'leadTimes', 'todo', 'columnAliases', 'translations', 'background', 'population'],
    ['name', 'language', 'tracks', 'mainTrack', 'steps', 'scales', 'figures', 'grade', 'dateSuffix'],
  ),
  '/properties/leadTimes/items': shapeOf<LeadTimeDefinition>()(['id', 'label', 'from', 'to', 'legalTermDays'], ['id', 'label', 'from', 'to']),
  '/properties/tracks/items': shapeOf<TrackDefinition>()(['id', 'label', 'aliases'], ['id', 'label', 'aliases']),
  '/properties/background/items': shapeOf<BackgroundDefinition>()(['column', 'label', 'plural', 'aliases', 'values'], ['column', 'label', 'plural']),
  '/properties/background/items/properties/values/items': shapeOf<BackgroundValue>()(['key', 'label', 'spellings'], ['key', 'label']),
  '/properties/population': shapeOf<PopulationDefinition>()(['kind', 'strata', 'previousResponseRate', 'maxMarginOfError'], ['kind', 'strata']),
  '/properties/steps/items': shapeOf<StepDefinition>()(['id', 'label'], ['id', 'label']),
  '/properties/scales/items': shapeOf<ScaleDefinition>()(
    ['id', 'categories', 'notApplicable', 'spellings', 'satisfied'],
    ['id', 'categories', 'notApplicable', 'spellings'],
  ),
  '/properties/scales/items/properties/categories/items': category,
  '/properties/scales/items/properties/notApplicable': category,
  '/properties/figures/items': shapeOf<FigureDefinition>()(
    ['id', 'caption', 'step', 'scale', 'showNotApplicable', 'tracks', 'bars', 'footnote', 'footnoteEnd', 'by'],
    ['id', 'caption', 'step', 'scale', 'showNotApplicable', 'tracks', 'bars', 'footnote'],
  ),
  '/properties/figures/items/properties/bars/items': shapeOf<BarDefinition>()(['column', 'label', 'text', 'aliases', 'optional'], ['column', 'label']),
  '/properties/figures/items/properties/footnote/items': shapeOf<FootnotePart>()(['when', 'text', 'joiner'], ['when', 'text']),
  '/properties/grade': shapeOf<GradeDefinition>()(
    ['column', 'step', 'min', 'max', 'tracks', 'decimals', 'aliases', 'optional'],
    ['column', 'step', 'min', 'max', 'tracks', 'decimals'],
  ),
  '/properties/columnAliases': shapeOf<ColumnAliases>()(['respondent', 'track', 'withdrawn_after'], []),
};

// @ts-expect-error the list lacks `dateSuffix`, which the type has and requires
shapeOf<SurveyDefinition>()(['$schema', 'name', 'language', 'tracks', 'mainTrack', 'steps', 'scales', 'figures', 'grade', 'columnAliases', 'translations', 'background', 'population'], ['name']);
// @ts-expect-error `$schema` is optional in the type, so it is not in the required list
shapeOf<StepDefinition>()(['id', 'label'], ['id', 'label', '$schema']);
// @ts-expect-error `footnoteEnd` is optional in FigureDefinition
shapeOf<FigureDefinition>()(['id', 'caption', 'step', 'scale', 'showNotApplicable', 'tracks', 'bars', 'footnote', 'footnoteEnd'], ['id', 'caption', 'step', 'scale', 'showNotApplicable', 'tracks', 'bars', 'footnote', 'footnoteEnd']);

interface SchemaObject {
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, { readonly nullable?: boolean }>>;
  readonly additionalProperties?: unknown;
}

/** The part of the schema at a JSON Pointer into the schema object. */
function schemaAt(pointer: string): SchemaObject {
  let node: unknown = surveySchema;
  for (const key of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[key];
  return node as SchemaObject;
}

describe('every object of the schema describes exactly its TypeScript type', () => {
  it.each(Object.entries(shapes))('schema at "%s": the property names are the type\'s', (pointer, shape) => {
    expect(Object.keys(schemaAt(pointer).properties ?? {}).sort()).toEqual([...shape.keys].sort());
  });

  it.each(Object.entries(shapes))('schema at "%s": `required` is what the type requires', (pointer, shape) => {
    expect([...(schemaAt(pointer).required ?? [])].sort()).toEqual([...shape.required].sort());
  });

  it.each(Object.entries(shapes))('schema at "%s": optional properties are nullable, no others allowed', (pointer, shape) => {
    const node = schemaAt(pointer);
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      expect(value.nullable === true, key).toBe(!shape.required.includes(key));
    }
    expect(node.additionalProperties).toBe(false);
  });
});
