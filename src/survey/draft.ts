/**
 * A first survey definition drafted from a response file (`cj init --from`): every column the
 * file has, the values seen in it grouped into scales, the tracks from its track column, one step
 * per rating column in column order. Every guess is listed in `todo` by its JSON path; cj refuses
 * a definition with a `todo` left, so nothing guessed is analysed unconfirmed.
 */
import { parseDate } from '../input/validate.js';
import { columnKey, fixedColumnAliases, fixedColumns } from '../contract.js';
import type { CategoryDefinition, FigureDefinition, ScaleDefinition, SurveyDefinition } from './types.js';

/** More distinct values than this and a column is free text, not a rating. */
const MAX_CATEGORIES = 12;
const PALETTE = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641', '#2b83ba', '#abdda4', '#5e3c99', '#e66101', '#b2abd2', '#fdb863', '#8073ac'];
const NOT_APPLICABLE = /^(n\.?v\.?t\.?|n\/a|na|nvt|niet van toepassing)$/iu;

/** What was seen of one column: its values in order of first appearance (up to MAX_CATEGORIES + 1). */
export interface SeenColumn {
  readonly name: string;
  readonly values: readonly string[];
  /** SPSS variable label, where the file has one. */
  readonly label?: string;
}

/** An id as the schema allows it: lower case letters, digits and `_`. */
function slug(text: string, fallback: string): string {
  const id = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 64);
  return id === '' ? fallback : id;
}

/** The fixed column a header name stands for, by cj's own aliases. */
function fixedOf(name: string): keyof typeof fixedColumns | null {
  const key = columnKey(name);
  for (const field of Object.keys(fixedColumns) as (keyof typeof fixedColumns)[]) {
    if (key === fixedColumns[field] || fixedColumnAliases[field].some((alias) => columnKey(alias) === key)) return field;
  }
  return null;
}

/** Longer answers than this are sentences: the column is free text. */
const MAX_ANSWER = 40;

const isMark = (value: string): boolean => /^\d{1,2}([.,]\d+)?$/u.test(value) && Number(value.replace(',', '.')) <= 10;

/**
 * The draft definition of a file whose columns were seen as `columns`.
 * @example draftDefinition('x', [{ name: 'respondent', values: ['A1'] }, { name: 'track', values: ['klant'] }, { name: 'cijfer', values: ['7'] }]).grade.column // 'cijfer'
 */
export function draftDefinition(studyName: string, columns: readonly SeenColumn[]): SurveyDefinition & { readonly todo: readonly string[] } {
  const todo: string[] = [];
  const trackColumn = columns.find((column) => fixedOf(column.name) === 'track');
  const trackValues = trackColumn?.values.slice(0, MAX_CATEGORIES) ?? [];
  const tracks = (trackValues.length === 0 ? ['alle'] : trackValues).map((value, index) => {
    const id = slug(value, `traject_${index + 1}`);
    return { id, label: value, aliases: columnKey(value) === id ? [] : [value] };
  });
  todo.push('/tracks: trajecten uit de kolom track; controleer namen en labels', '/mainTrack: het eerste traject; kies het traject van de klantreis');
  const gradeSource = columns.find((column) => fixedOf(column.name) === null && column.values.length > 0 && column.values.every(isMark));
  // A column of dates is a step's date (`<step>_datum`), not a rating.
  const isDates = (column: SeenColumn): boolean => column.values.length > 0 && column.values.every((value) => parseDate(value.trim()) !== null);
  const ratingSources = columns.filter(
    (column) =>
      fixedOf(column.name) === null &&
      column !== gradeSource &&
      !isDates(column) &&
      column.values.length > 0 &&
      column.values.length <= MAX_CATEGORIES &&
      column.values.every((value) => value.length <= MAX_ANSWER),
  );
  if (columns.some(isDates)) todo.push('/dateSuffix: kolommen met datums gezien; noem ze <stap>_datum naar de stappen hieronder');
  // Columns whose answers overlap (half of the smaller set or more) share a scale: the union of their answers.
  const groups: { answers: string[]; notApplicable: Set<string>; first: string }[] = [];
  const groupOf = new Map<SeenColumn, number>();
  for (const column of ratingSources) {
    const answers = column.values.filter((value) => !NOT_APPLICABLE.test(value.trim()));
    const index = groups.findIndex((group) => {
      const shared = answers.filter((value) => group.answers.includes(value)).length;
      return shared > 0 && shared * 2 >= Math.min(answers.length, group.answers.length);
    });
    const group = groups[index] ?? { answers: [], notApplicable: new Set<string>(), first: column.name };
    if (index === -1) groups.push(group);
    for (const value of answers) if (!group.answers.includes(value)) group.answers.push(value);
    for (const value of column.values) if (NOT_APPLICABLE.test(value.trim())) group.notApplicable.add(value);
    groupOf.set(column, index === -1 ? groups.length - 1 : index);
  }
  const scales: ScaleDefinition[] = groups.map((group, at) => {
    const keys = new Set<string>();
    const categories: CategoryDefinition[] = group.answers.slice(0, MAX_CATEGORIES).map((value, index) => {
      let key = slug(value, `waarde_${index + 1}`);
      if (keys.has(key) || key === 'nvt') key = `${key}_${index + 1}`;
      keys.add(key);
      return { key, label: value, color: PALETTE[index % PALETTE.length] ?? '#999999' };
    });
    while (categories.length < 2) categories.push({ key: `waarde_${categories.length + 1}`, label: `waarde ${categories.length + 1}`, color: '#cccccc' });
    const spellings: Record<string, string> = {};
    group.answers.slice(0, MAX_CATEGORIES).forEach((value, index) => void (spellings[value] = categories[index]?.key ?? ''));
    for (const value of group.notApplicable) spellings[value] = 'nvt';
    todo.push(`/scales/${at}: antwoorden gezien in ${group.first} en verwante kolommen; zet de categorieën in volgorde en kies kleuren`);
    return { id: `schaal_${at + 1}`, categories, notApplicable: { key: 'nvt', label: 'n.v.t.', color: '#bdbdbd' }, spellings };
  });
  const steps = ratingSources.map((column, index) => ({ id: slug(column.name, `stap_${index + 1}`), label: column.label ?? column.name }));
  const stepIds = new Set<string>();
  steps.forEach((step, index) => {
    if (stepIds.has(step.id)) step.id = `${step.id}_${index + 1}`;
    stepIds.add(step.id);
  });
  if (steps.length === 0) steps.push({ id: 'stap_1', label: 'stap 1' });
  // withdrawn_after names steps by the file's own words: each unknown one becomes a step at the end, to be put in place.
  const withdrawn = columns.find((column) => fixedOf(column.name) === 'withdrawnAfter');
  for (const value of withdrawn?.values ?? []) {
    const id = slug(value, 'stap');
    if (stepIds.has(id) || value !== id) continue;
    stepIds.add(id);
    steps.push({ id, label: value });
    todo.push(`/steps/${steps.length - 1}: stap ${id} uit withdrawn_after; zet hem op zijn plaats in de klantreis`);
  }
  todo.push('/steps: één stap per kolom, in de volgorde van het bestand; voeg stappen samen en zet ze in de volgorde van de klantreis');
  const allTracks = tracks.map((track) => track.id);
  const figures: FigureDefinition[] = ratingSources.map((column, index) => {
    const columnId = slug(column.name, `kolom_${index + 1}`);
    return {
      id: String(index + 1),
      caption: `Figuur ${index + 1}: ${column.label ?? column.name} (N = {N}){*}`,
      step: steps[index]?.id ?? 'stap_1',
      scale: `schaal_${(groupOf.get(column) ?? 0) + 1}`,
      showNotApplicable: column.values.some((value) => NOT_APPLICABLE.test(value.trim())),
      tracks: allTracks,
      bars: [{ column: columnId, label: column.label ?? column.name, ...(columnId === column.name ? {} : { aliases: [column.name] }) }],
      footnote: [],
    };
  });
  if (figures.length > 0) todo.push('/figures: één figuur per kolom; voeg kolommen van dezelfde stap samen tot één figuur');
  const gradeColumn = gradeSource === undefined ? 'cijfer' : slug(gradeSource.name, 'cijfer');
  todo.push(gradeSource === undefined ? '/grade: geen kolom met cijfers gevonden; noem de kolom of laat hem optioneel' : `/grade: ${gradeSource.name} gekozen als rapportcijfer; controleer min en max`);
  return {
    name: studyName,
    language: 'nl',
    tracks,
    mainTrack: tracks[0]?.id ?? 'alle',
    steps,
    scales: scales.length > 0 ? scales : [{ id: 'schaal_1', categories: [{ key: 'negatief', label: 'negatief', color: '#d7191c' }, { key: 'positief', label: 'positief', color: '#1a9641' }], notApplicable: { key: 'nvt', label: 'n.v.t.', color: '#bdbdbd' }, spellings: {} }],
    figures,
    grade: {
      column: gradeColumn,
      step: steps[steps.length - 1]?.id ?? 'stap_1',
      min: 1,
      max: 10,
      tracks: allTracks,
      decimals: 1,
      ...(gradeSource === undefined ? { optional: true } : gradeColumn === gradeSource.name ? {} : { aliases: [gradeSource.name] }),
    },
    dateSuffix: '_datum',
    todo,
  };
}
