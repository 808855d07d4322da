/**
 * The invented Duinstad 2017 study (fixtures/duinstad-2017/): its paths, its definition as the
 * file holds it, and the parts of the results JSON that test/helpers/run.ts does not describe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveyDefinition } from '../../src/survey/types.js';
import { repoRoot, writeTemp, type Counts, type Figure, type Results } from '../helpers/run.js';

export const duinstadDir = join(repoRoot, 'fixtures', 'duinstad-2017');
export const duinstadSurveyPath = join(duinstadDir, 'survey.json');
export const duinstadResponsesPath = join(duinstadDir, 'responses.csv');
export const builtInDefinitionPath = join(repoRoot, 'src', 'survey', 'definitions', 'haarlem-2016.json');
export const exampleDefinitionPath = join(repoRoot, 'src', 'survey', 'definitions', 'voorbeeld.json');
export const shippedSchemaPath = join(repoRoot, 'src', 'survey', 'definitions', 'survey.schema.json');

/** A fresh, mutable copy of the Duinstad definition as the file holds it. */
export function duinstadDefinition(): SurveyDefinition {
  return JSON.parse(readFileSync(duinstadSurveyPath, 'utf8')) as SurveyDefinition;
}

/** A definition as plain JSON, so a test can write what the types forbid. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The parent object or array of a JSON Pointer's target, and the target's key. */
function parentOf(root: Json, pointer: string): { parent: Json[] | { [key: string]: Json }; key: string } {
  const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  if (last === undefined) throw new Error(`pointer ${pointer} names the whole document`);
  let parent: Json = root;
  for (const key of keys) {
    const next: Json | undefined = Array.isArray(parent) ? parent[Number(key)] : parent !== null && typeof parent === 'object' ? parent[key] : undefined;
    if (next === undefined) throw new Error(`pointer ${pointer}: nothing at ${key}`);
    parent = next;
  }
  if (parent === null || typeof parent !== 'object') throw new Error(`pointer ${pointer} goes through a scalar`);
  return { parent, key: last };
}

/** Sets the value at a JSON Pointer (`/figures/0/step`); `-` appends to an array. */
export function setAt(root: Json, pointer: string, value: Json): void {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) {
    if (key === '-') parent.push(value);
    else parent[Number(key)] = value;
  } else {
    parent[key] = value;
  }
}

/** Removes the value at a JSON Pointer. */
export function removeAt(root: Json, pointer: string): void {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

/** The value at a JSON Pointer (a copy, so it can be put elsewhere). */
export function copyAt(root: Json, pointer: string): Json {
  const { parent, key } = parentOf(root, pointer);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) throw new Error(`pointer ${pointer}: nothing there`);
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** The Duinstad definition, changed by `edit`, written as `name` into `dir`; returns the path. */
export function writeEditedDefinition(dir: string, edit: (definition: Json) => void, name = 'survey.json'): string {
  const definition = JSON.parse(readFileSync(duinstadSurveyPath, 'utf8')) as Json;
  edit(definition);
  return writeTemp(name, JSON.stringify(definition, null, 2), dir);
}

export interface Category {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface FullFigure extends Figure {
  readonly scale: string;
  readonly showNotApplicable: boolean;
  readonly categories: readonly Category[];
  readonly respondentsLeftOut: { readonly withdrawnConsent: number; readonly onlyNotApplicable: number; readonly noAnswer: number };
  readonly NByTrack: Counts;
}

/** The results JSON with the fields the survey tests read beyond those of helpers/run.ts. */
export interface FullResults extends Omit<Results, 'figures' | 'input'> {
  readonly survey: { readonly name: string; readonly language: string };
  readonly input: Results['input'] & {
    readonly shape: 'wide' | 'long';
    readonly withdrawn: readonly { readonly respondent: string; readonly withdrawnAfter: string }[];
    readonly columnsAbsent: readonly string[];
  };
  readonly figures: readonly FullFigure[];
  readonly grade: Results['grade'] & { readonly column: string; readonly tracks: readonly string[]; readonly min: number | null; readonly max: number | null };
}

export function full(results: Results): FullResults {
  return results as unknown as FullResults;
}

export function fullFigure(results: FullResults, id: string): FullFigure {
  const found = results.figures.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no figure ${id} in the results`);
  return found;
}
