import { columnKey, fixedColumnAliases, fixedColumns } from '../contract.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { DefinitionError } from '../errors.js';
import { messages as allMessages, type Messages } from '../messages.js';
import { hasUnsafeCharacter } from '../safe-text.js';
import type {
  BackgroundDefinition,
  FigureDefinition,
  LeadTimeDefinition,
  ScaleDefinition,
  StepDefinition,
  SurveyDefinition,
  TrackDefinition,
} from './types.js';

/** Where each rating column lives: its figure, bar, step and scale. */
export interface ColumnRole {
  readonly column: string;
  readonly figureIndex: number;
  readonly barIndex: number;
  readonly stepIndex: number;
  readonly scale: ScaleDefinition;
  /**
   * The scale's category keys, n.v.t. last: a row's answer in this column is its index here
   * (ResponseRow.ratings), and a bar's counts are kept in this order.
   */
  readonly keys: readonly string[];
}

/** A lead-time segment and the indexes of its two steps. */
export interface LeadTimeRole {
  readonly segment: LeadTimeDefinition;
  readonly fromStep: number;
  readonly toStep: number;
}

/**
 * A survey definition made ready for the pipeline: validated once at the edge, with the lookups
 * every later stage needs, and frozen (STYLE.md: options are normalised once).
 */
export interface Survey {
  readonly definition: SurveyDefinition;
  readonly steps: readonly StepDefinition[];
  readonly stepIndex: ReadonlyMap<string, number>;
  /** Track spelling (lower case, ids and aliases) → track id. */
  readonly trackBySpelling: ReadonlyMap<string, string>;
  readonly tracks: readonly TrackDefinition[];
  readonly scaleById: ReadonlyMap<string, ScaleDefinition>;
  readonly figures: readonly FigureDefinition[];
  /** Rating columns in figure and bar order. */
  readonly ratingColumns: readonly ColumnRole[];
  /** The grade's column, lower case. */
  readonly gradeColumn: string;
  /** Each step's date column (`<step><dateSuffix>`), lower case, in step order. */
  readonly dateColumns: readonly string[];
  /**
   * Every column a response file for this survey may have, lower case, in the order a template
   * writes them: the fixed columns, each rating column, the grade, each step's date.
   */
  readonly columns: readonly string[];
  /**
   * Every name a header may give a column, as columnKey() writes it (the column itself, cj's
   * aliases of the fixed columns, the definition's aliases) → the column, lower case.
   */
  readonly columnBySpelling: ReadonlyMap<string, string>;
  /** Defined columns a response file must have: the fixed respondent and track, bars and grade not marked optional. */
  readonly requiredColumns: readonly string[];
  readonly gradeStepIndex: number;
  /** The lead-time segments with their steps' indexes (empty when the definition has none). */
  readonly leadTimes: readonly LeadTimeRole[];
  /** The language of the texts (--lang). */
  readonly lang: string;
  /** Texts written in the definition's language because it has no translation for --lang. */
  readonly untranslated: readonly string[];
  /** Background columns by their name (lower case). */
  readonly background: ReadonlyMap<string, BackgroundDefinition>;
  /**
   * SHA-256 of the definition as written (before translation): results of one definition carry
   * the same, and `cj merge` adds only those.
   */
  readonly definitionSha256: string;
}

// Resolves to the same file from src/survey/ (tests) and dist/survey/ (the built CLI).
export const builtInSurveyPath = new URL('../../src/survey/definitions/haarlem-2016.json', import.meta.url);
/** The small generic study `cj init` starts a new one from (five steps, one five-point scale). */
export const exampleSurveyPath = new URL('../../src/survey/definitions/voorbeeld.json', import.meta.url);

/** Each step's date column (`<step><dateSuffix>`), lower case, in step order. */
export function dateColumnsOf(definition: SurveyDefinition): string[] {
  return definition.steps.map((step) => `${step.id}${definition.dateSuffix}`.toLowerCase());
}

/**
 * Every column a response file for a definition may have, lower case, in the order a template
 * writes them: the fixed columns, each bar's column (figure and bar order), the grade, each
 * step's date. Also for a draft that is not yet confirmed (cj init --from writes its template).
 */
export function columnsOf(definition: SurveyDefinition): string[] {
  // A column may be shown in more than one figure; a file has it once.
  const bars = new Set(definition.figures.flatMap((figure) => figure.bars.map((bar) => bar.column.toLowerCase())));
  return [...Object.values(fixedColumns), ...bars, definition.grade.column.toLowerCase(), ...dateColumnsOf(definition)];
}

/**
 * The largest definition file cj reads. Haarlem's is 15 kB; a definition is written by hand, and
 * a file larger than this is the wrong file (or /dev/zero), to be refused before it fills memory.
 */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** A JSON Pointer token (RFC 6901): `~` as `~0`, `/` as `~1`, as ajv writes paths. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const TEXT_KEYS = new Set(['name', 'label', 'caption', 'text', 'plural']);

/** A record of a file as a Map: its own keys only, so no key reaches Object.prototype. */
function ownEntries<V>(record: Readonly<Record<string, V>> | undefined): Map<string, V> {
  return new Map(record === undefined ? [] : Object.entries(record));
}

/** The definition with every caption, label and footnote in `lang`, where it has a translation. */
function translate(definition: SurveyDefinition, lang: string, untranslated: Set<string>): SurveyDefinition {
  if (lang === definition.language) return definition;
  const table = ownEntries(ownEntries(definition.translations).get(lang));
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string' && TEXT_KEYS.has(key)) {
      const translated = table.get(value);
      if (translated === undefined) untranslated.add(value);
      return translated ?? value;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value !== null && typeof value === 'object') {
      if (key === 'spellings' || key === 'translations') return value;
      return Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, walk(item, inner)]));
    }
    return value;
  };
  return walk(definition, '') as SurveyDefinition;
}

/**
 * Refuses a control character or direction override in any text or key of a definition, by its
 * JSON path: the schema's pattern says the same to editors, this holds for every definition,
 * also one that did not come through the schema, and for lone surrogates the pattern cannot name.
 */
function unsafeTextPath(value: unknown, path: string, fail: (path: string, message: string) => never, messages: Messages): void {
  if (typeof value === 'string') {
    if (hasUnsafeCharacter(value)) fail(path || '/', messages.definitionControlCharacter());
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unsafeTextPath(item, `${path}/${index}`, fail, messages));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // The path names the key, so a bad key cannot be quoted in it: its position will do.
      if (hasUnsafeCharacter(key)) fail(path || '/', messages.definitionControlCharacter());
      unsafeTextPath(item, `${path}/${pointerToken(key)}`, fail, messages);
    }
  }
}

/**
 * Checks the cross-references of a definition (what a JSON Schema cannot say: that a figure's
 * step exists, that a column is used once) and builds the lookups, with texts in `lang`.
 */
export function prepareSurvey(
  original: SurveyDefinition,
  messages: Messages,
  lang: string = original.language,
  source = 'survey definition',
): Survey {
  const fail = (path: string, message: string): never => {
    throw new DefinitionError('CJ_DEFINITION_INVALID', messages.definitionFault(source, path, message), { file: source });
  };
  unsafeTextPath(original, '', fail, messages);
  if ((original.todo ?? []).length > 0) fail('/todo', messages.definitionTodo(original.todo ?? []));
  const untranslated = new Set<string>();
  const definition = translate(original, lang, untranslated);
  const stepIndex = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    if (stepIndex.has(step.id)) fail(`/steps/${index}/id`, messages.definitionDuplicate('step', step.id));
    stepIndex.set(step.id, index);
  });
  const trackBySpelling = new Map<string, string>();
  definition.tracks.forEach((track, index) => {
    for (const spelling of [track.id, ...track.aliases]) {
      const key = spelling.trim().toLowerCase();
      if (trackBySpelling.has(key)) fail(`/tracks/${index}`, messages.definitionDuplicate('track', spelling));
      trackBySpelling.set(key, track.id);
    }
  });
  if (!definition.tracks.some((track) => track.id === definition.mainTrack)) {
    fail('/mainTrack', messages.definitionUnknown('track', definition.mainTrack));
  }
  const scaleById = new Map<string, ScaleDefinition>();
  definition.scales.forEach((scale, index) => {
    if (scaleById.has(scale.id)) fail(`/scales/${index}/id`, messages.definitionDuplicate('scale', scale.id));
    const keys = new Set<string>();
    [...scale.categories, scale.notApplicable].forEach((category, at) => {
      const path = at < scale.categories.length ? `/scales/${index}/categories/${at}/key` : `/scales/${index}/notApplicable/key`;
      if (keys.has(category.key)) fail(path, messages.definitionDuplicate('category', category.key));
      keys.add(category.key);
    });
    for (const [spelling, key] of Object.entries(scale.spellings)) {
      if (!keys.has(key)) fail(`/scales/${index}/spellings/${pointerToken(spelling)}`, messages.definitionUnknown('category', key));
    }
    (scale.satisfied ?? []).forEach((key, at) => {
      // n.v.t. is no opinion: it can be neither satisfied nor its opposite.
      if (!scale.categories.some((category) => category.key === key)) fail(`/scales/${index}/satisfied/${at}`, messages.definitionUnknown('category', key));
    });
    scaleById.set(scale.id, scale);
  });
  const gradeColumn = definition.grade.column.toLowerCase();
  const dateColumns = dateColumnsOf(definition);
  // A rating column may not take the name of a column that already means something else.
  const reserved = new Map<string, string>([
    ...Object.values(fixedColumns).map((name): [string, string] => [name, name]),
    [gradeColumn, '/grade/column'],
    ...dateColumns.map((column, index): [string, string] => [column, `/steps/${index}/id (${column})`]),
  ]);
  const figureIds = new Set<string>();
  const ratingColumns: ColumnRole[] = [];
  const knownTracks = new Set(definition.tracks.map((track) => track.id));
  definition.figures.forEach((figure, figureIndex) => {
    if (figureIds.has(figure.id)) fail(`/figures/${figureIndex}/id`, messages.definitionDuplicate('figure', figure.id));
    figureIds.add(figure.id);
    const scale = scaleById.get(figure.scale) ?? fail(`/figures/${figureIndex}/scale`, messages.definitionUnknown('scale', figure.scale));
    const step = stepIndex.get(figure.step) ?? fail(`/figures/${figureIndex}/step`, messages.definitionUnknown('step', figure.step));
    for (const track of figure.tracks) {
      if (!knownTracks.has(track)) fail(`/figures/${figureIndex}/tracks`, messages.definitionUnknown('track', track));
    }
    // A column may be a bar of more than one figure (issue 14), but of one figure once.
    const seenColumns = new Set<string>();
    figure.bars.forEach((bar, barIndex) => {
      const column = bar.column.toLowerCase();
      const path = `/figures/${figureIndex}/bars/${barIndex}/column`;
      if (seenColumns.has(column)) fail(path, messages.definitionDuplicate('column', bar.column));
      if (reserved.has(column)) fail(path, messages.definitionReserved(bar.column, reserved.get(column) ?? column));
      seenColumns.add(column);
      ratingColumns.push({ column, figureIndex, barIndex, stepIndex: step, scale, keys: [...scale.categories, scale.notApplicable].map((category) => category.key) });
    });
  });
  const gradeStepIndex =
    stepIndex.get(definition.grade.step) ?? fail('/grade/step', messages.definitionUnknown('step', definition.grade.step));
  for (const track of definition.grade.tracks) {
    if (!knownTracks.has(track)) fail('/grade/tracks', messages.definitionUnknown('track', track));
  }
  if (!(definition.grade.min < definition.grade.max)) fail('/grade', messages.definitionGradeRange());
  const leadTimeIds = new Set<string>();
  const leadTimes: LeadTimeRole[] = (definition.leadTimes ?? []).map((segment, index) => {
    const path = `/leadTimes/${index}`;
    if (leadTimeIds.has(segment.id)) fail(`${path}/id`, messages.definitionDuplicate('leadTime', segment.id));
    leadTimeIds.add(segment.id);
    const from = stepIndex.get(segment.from) ?? fail(`${path}/from`, messages.definitionUnknown('step', segment.from));
    const to = stepIndex.get(segment.to) ?? fail(`${path}/to`, messages.definitionUnknown('step', segment.to));
    if (!(from < to)) fail(`${path}/to`, messages.definitionLeadTimeOrder(segment.from, segment.to));
    return { segment, fromStep: from, toStep: to };
  });
  const background = backgroundOf(definition, new Set(ratingColumns.map((role) => role.column)), reserved, fail, messages);
  const columns = columnsOf(definition);
  const columnBySpelling = new Map<string, string>();
  const spell = (column: string, spelling: string, path: string): void => {
    const key = columnKey(spelling);
    const taken = columnBySpelling.get(key);
    if (taken !== undefined && taken !== column) fail(path, messages.definitionAliasTaken(spelling, taken));
    columnBySpelling.set(key, column);
  };
  for (const column of columns) spell(column, column, '/');
  const own = definition.columnAliases;
  const fixedAliases: [string, readonly string[], readonly string[] | undefined][] = [
    [fixedColumns.respondent, fixedColumnAliases.respondent, own?.respondent],
    [fixedColumns.track, fixedColumnAliases.track, own?.track],
    [fixedColumns.withdrawnAfter, fixedColumnAliases.withdrawnAfter, own?.withdrawn_after],
  ];
  for (const [column, builtIn, added] of fixedAliases) {
    for (const alias of builtIn) spell(column, alias, '/');
    (added ?? []).forEach((alias, index) => spell(column, alias, `/columnAliases/${column}/${index}`));
  }
  for (const role of ratingColumns) {
    const bar = definition.figures[role.figureIndex]?.bars[role.barIndex];
    (bar?.aliases ?? []).forEach((alias, index) =>
      spell(role.column, alias, `/figures/${role.figureIndex}/bars/${role.barIndex}/aliases/${index}`),
    );
  }
  (definition.grade.aliases ?? []).forEach((alias, index) => spell(gradeColumn, alias, `/grade/aliases/${index}`));
  const requiredColumns = [
    fixedColumns.respondent,
    fixedColumns.track,
    ...ratingColumns.filter((role) => definition.figures[role.figureIndex]?.bars[role.barIndex]?.optional !== true).map((role) => role.column),
    ...(definition.grade.optional === true ? [] : [gradeColumn]),
  ];
  return deepFreeze({
    definition,
    steps: definition.steps,
    stepIndex,
    trackBySpelling,
    tracks: definition.tracks,
    scaleById,
    figures: definition.figures,
    ratingColumns,
    gradeColumn,
    dateColumns,
    columns,
    columnBySpelling,
    requiredColumns,
    gradeStepIndex,
    leadTimes,
    lang,
    untranslated: [...untranslated],
    background,
    definitionSha256: createHash('sha256').update(JSON.stringify(original)).digest('hex'),
  });
}

/**
 * Checks the background columns, each figure's `by` and the population's strata against each
 * other and the rest of the definition; returns the background columns by name (lower case).
 */
function backgroundOf(
  definition: SurveyDefinition,
  ratingColumns: ReadonlySet<string>,
  reserved: ReadonlyMap<string, string>,
  fail: (path: string, message: string) => never,
  messages: Messages,
): Map<string, BackgroundDefinition> {
  const background = new Map<string, BackgroundDefinition>();
  (definition.background ?? []).forEach((item, index) => {
    const column = item.column.toLowerCase();
    const path = `/background/${index}`;
    if (background.has(column)) fail(`${path}/column`, messages.definitionDuplicate('column', item.column));
    // A rating column splits by its scale's categories: it needs no declaration of its own.
    if (reserved.has(column) || ratingColumns.has(column)) fail(`${path}/column`, messages.definitionReserved(item.column, reserved.get(column) ?? '/figures'));
    const owner = new Map<string, number>();
    (item.values ?? []).forEach((value, at) => {
      for (const spelling of [value.key, value.label, ...(value.spellings ?? [])]) {
        const key = spelling.trim().toLowerCase();
        // A value's key and label may spell the same; two values may not share a spelling.
        if ((owner.get(key) ?? at) !== at) fail(`${path}/values/${at}`, messages.definitionDuplicate('category', spelling));
        owner.set(key, at);
      }
    });
    background.set(column, item);
  });
  definition.figures.forEach((figure, index) => {
    if (figure.by === undefined) return;
    const by = figure.by.toLowerCase();
    if (!background.has(by) && !ratingColumns.has(by)) fail(`/figures/${index}/by`, messages.definitionUnknown('column', figure.by));
  });
  const seenStrata = new Set<string>();
  (definition.population?.strata ?? []).forEach((stratum, index) => {
    const path = `/population/strata/${index}`;
    const entries = Object.entries(stratum.groups).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [column, value] of entries) {
      const item = background.get(column) ?? fail(`${path}/groups/${pointerToken(column)}`, messages.definitionUnknown('column', column));
      if (item.values === undefined || !item.values.some((known) => known.key === value)) {
        fail(`${path}/groups/${pointerToken(column)}`, messages.definitionUnknown('category', value));
      }
    }
    const key = JSON.stringify(entries);
    if (seenStrata.has(key)) fail(path, messages.definitionDuplicate('stratum', entries.map(([c, v]) => `${c}=${v}`).join(', ')));
    seenStrata.add(key);
  });
  return background;
}

/**
 * The text of a definition file, read in chunks up to MAX_DEFINITION_BYTES and no further: a
 * pipe, a FIFO or /dev/zero has no size to ask for beforehand.
 */
async function readBounded(path: string | URL, displayName: string, messages: Messages): Promise<string> {
  const buffer = Buffer.alloc(MAX_DEFINITION_BYTES + 1);
  let length = 0;
  try {
    const handle = await open(path, 'r');
    try {
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DefinitionError('CJ_DEFINITION_UNREADABLE', messages.unreadable(displayName, code), { file: displayName });
  }
  if (length > MAX_DEFINITION_BYTES) {
    throw new DefinitionError('CJ_DEFINITION_TOO_LARGE', messages.definitionTooLarge(displayName, MAX_DEFINITION_BYTES), { file: displayName });
  }
  return buffer.toString('utf8', 0, length);
}

/** Reads a definition file (JSON), checks it against the JSON Schema, and prepares it. */
export async function loadSurveyFile(path: string | URL, displayName: string, messages: Messages, lang?: string): Promise<Survey> {
  const text = await readBounded(path, displayName, messages);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DefinitionError('CJ_DEFINITION_NOT_JSON', messages.definitionNotJson(displayName, (error as Error).message), {
      file: displayName,
    });
  }
  const { validateDefinition } = await import('./validate-definition.js');
  const faults = validateDefinition(parsed, messages);
  if (faults.length > 0) {
    throw new DefinitionError(
      'CJ_DEFINITION_INVALID',
      faults.map((fault) => messages.definitionFault(displayName, fault.path, fault.message)).join('\n'),
      { file: displayName },
    );
  }
  return prepareSurvey(parsed as SurveyDefinition, messages, lang ?? (parsed as SurveyDefinition).language, displayName);
}

/** The Haarlem 2016 definition that ships with cj, the default (checked against the schema by the tests). */
export function builtInSurvey(messages: Messages = allMessages.nl, lang = 'nl'): Survey {
  const definition = JSON.parse(readFileSync(builtInSurveyPath, 'utf8')) as SurveyDefinition;
  return prepareSurvey(definition, messages, lang, 'haarlem-2016.json');
}
