import { readFileSync } from 'node:fs';
import { DefinitionError } from '../errors.js';
import type {
  FigureDefinition,
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
  readonly gradeStepIndex: number;
}

// Resolves to the same file from src/survey/ (tests) and dist/survey/ (the built CLI).
export const builtInSurveyPath = new URL('../../src/survey/definitions/haarlem-2016.json', import.meta.url);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Checks the cross-references of a definition and builds the lookups. */
export function prepareSurvey(definition: SurveyDefinition, source = 'survey definition'): Survey {
  const fail = (path: string, message: string): never => {
    throw new DefinitionError('CJ_DEFINITION_INVALID', `${source}: ${path}: ${message}`, { file: source });
  };
  const stepIndex = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    if (stepIndex.has(step.id)) fail(`/steps/${index}/id`, `step "${step.id}" appears twice`);
    stepIndex.set(step.id, index);
  });
  const trackBySpelling = new Map<string, string>();
  definition.tracks.forEach((track, index) => {
    for (const spelling of [track.id, ...track.aliases]) {
      const key = spelling.trim().toLowerCase();
      if (trackBySpelling.has(key)) fail(`/tracks/${index}`, `track spelling "${spelling}" is used twice`);
      trackBySpelling.set(key, track.id);
    }
  });
  if (!definition.tracks.some((track) => track.id === definition.mainTrack)) {
    fail('/mainTrack', `"${definition.mainTrack}" is not one of the tracks`);
  }
  const scaleById = new Map<string, ScaleDefinition>();
  definition.scales.forEach((scale, index) => {
    const keys = new Set([...scale.categories.map((category) => category.key), scale.notApplicable.key]);
    for (const [spelling, key] of Object.entries(scale.spellings)) {
      if (!keys.has(key)) fail(`/scales/${index}/spellings/${spelling}`, `"${key}" is not a category of scale "${scale.id}"`);
    }
    scaleById.set(scale.id, scale);
  });
  const ratingColumns: ColumnRole[] = [];
  const seenColumns = new Set<string>();
  const knownTracks = new Set(definition.tracks.map((track) => track.id));
  definition.figures.forEach((figure, figureIndex) => {
    const scale = scaleById.get(figure.scale) ?? fail(`/figures/${figureIndex}/scale`, `unknown scale "${figure.scale}"`);
    const step = stepIndex.get(figure.step) ?? fail(`/figures/${figureIndex}/step`, `unknown step "${figure.step}"`);
    for (const track of figure.tracks) {
      if (!knownTracks.has(track)) fail(`/figures/${figureIndex}/tracks`, `unknown track "${track}"`);
    }
    figure.bars.forEach((bar, barIndex) => {
      const column = bar.column.toLowerCase();
      if (seenColumns.has(column)) fail(`/figures/${figureIndex}/bars/${barIndex}/column`, `column "${bar.column}" is used twice`);
      seenColumns.add(column);
      ratingColumns.push({ column, figureIndex, barIndex, stepIndex: step, scale });
    });
  });
  const gradeStepIndex =
    stepIndex.get(definition.grade.step) ?? fail('/grade/step', `unknown step "${definition.grade.step}"`);
  return deepFreeze({
    definition,
    steps: definition.steps,
    stepIndex,
    trackBySpelling,
    tracks: definition.tracks,
    scaleById,
    figures: definition.figures,
    ratingColumns,
    gradeStepIndex,
  });
}

/** Reads a definition file (JSON) and prepares it. */
export function loadSurveyFile(path: string | URL, displayName: string): Survey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DefinitionError('CJ_DEFINITION_UNREADABLE', `${displayName}: cannot read the survey definition`, {
      file: displayName,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError('CJ_DEFINITION_NOT_JSON', `${displayName}: not valid JSON (${(error as Error).message})`, {
      file: displayName,
    });
  }
  return prepareSurvey(parsed as SurveyDefinition, displayName);
}

let builtIn: Survey | undefined;
/** The Haarlem 2016 definition that ships with cj, the default. */
export function builtInSurvey(): Survey {
  builtIn ??= loadSurveyFile(builtInSurveyPath, 'haarlem-2016.json');
  return builtIn;
}
