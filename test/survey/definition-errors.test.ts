/**
 * Every kind of fault in a definition file: one line per fault on stderr, naming the file and the
 * JSON path, exit code 4, never a stack trace. The bad definitions are copies of the Duinstad one
 * with one thing changed (a JSON Pointer and a value), so each test shows the one fault it is about.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, stackFrames, tempDir, writeTemp, type RunResult } from '../helpers/run.js';
import { copyAt, duinstadResponsesPath, duinstadSurveyPath, removeAt, setAt, writeEditedDefinition, type Json } from './duinstad.js';

interface Case {
  readonly name: string;
  readonly edit: (definition: Json) => void;
  /** The JSON path the message names. */
  readonly path: string | RegExp;
  /** The rest of the message (Dutch, the default language). */
  readonly message: string | RegExp;
  /** The message with --lang en, where the case says it. */
  readonly english?: string;
}

/** `cj survey check survey.json` on the edited Duinstad definition, in a fresh folder. */
async function check(edit: (definition: Json) => void, extra: readonly string[] = []): Promise<RunResult & { cwd: string }> {
  const cwd = tempDir();
  writeEditedDefinition(cwd, edit);
  return { ...(await run(['survey', 'check', 'survey.json', ...extra], { cwd })), cwd };
}

function expectDefinitionError(result: RunResult): void {
  expect(result.code).toBe(4);
  expect(result.stdout).toBe('');
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toMatch(/interne fout|internal error/);
  for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^cj: fout: survey\.json: \//);
}

function expectNames(stderr: string, path: string | RegExp, message: string | RegExp): void {
  const line = stderr.split('\n').find((l) => (typeof path === 'string' ? l.includes(`survey.json: ${path}: `) : path.test(l)));
  expect(line, `no line naming ${String(path)} in:\n${stderr}`).toBeDefined();
  if (typeof message === 'string') expect(line).toContain(message);
  else expect(line).toMatch(message);
}

describe('the file cannot be read', () => {
  it('a file that does not exist: exit 4, names the file and the reason', async () => {
    const result = await run(['survey', 'check', 'zandvoort.json']);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('cj: fout: zandvoort.json: kan niet gelezen worden (ENOENT) [CJ_DEFINITION_UNREADABLE]\n');
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('cj analyse --survey with a missing file: exit 4 before the data is read, nothing written', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'zandvoort.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('zandvoort.json: kan niet gelezen worden (ENOENT)');
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a folder instead of a file: exit 4', async () => {
    const cwd = tempDir();
    const result = await run(['survey', 'check', '.'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^cj: fout: \.: kan niet gelezen worden \(EISDIR\)/);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('not JSON: exit 4, names the file and what the parser says', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', '{ "name": "Duinstad", }', cwd);
    const result = await run(['survey', 'check', 'survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^cj: fout: survey\.json: geen geldige JSON \(.+\) \[CJ_DEFINITION_NOT_JSON\]\n$/);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('not JSON, in English with --lang en', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', '', cwd);
    const result = await run(['survey', 'check', 'survey.json', '--lang', 'en'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^cj: error: survey\.json: not valid JSON \(/);
  });

  it('a byte-order mark before the JSON is allowed', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', '\uFEFF' + readFileSync(duinstadSurveyPath, 'utf8'), cwd);
    expect((await run(['survey', 'check', 'survey.json'], { cwd })).code).toBe(0);
  });
});

const schemaCases: readonly Case[] = [
  {
    name: 'a missing required property (name)',
    edit: (d) => removeAt(d, '/name'),
    path: '/',
    message: 'de eigenschap "name" ontbreekt',
    english: "must have required property 'name'",
  },
  {
    name: 'a missing required property of a figure (step)',
    edit: (d) => removeAt(d, '/figures/1/step'),
    path: '/figures/1',
    message: 'de eigenschap "step" ontbreekt',
    english: "must have required property 'step'",
  },
  {
    name: 'a wrong type (showNotApplicable "ja")',
    edit: (d) => setAt(d, '/figures/0/showNotApplicable', 'ja'),
    path: '/figures/0/showNotApplicable',
    message: 'moet true of false zijn',
    english: 'must be boolean',
  },
  {
    name: 'a wrong type (grade min "1")',
    edit: (d) => setAt(d, '/grade/min', '1'),
    path: '/grade/min',
    message: 'moet een getal zijn',
    english: 'must be number',
  },
  {
    name: 'an additional property (colour on a figure)',
    edit: (d) => setAt(d, '/figures/1/colour', '#ff0000'),
    path: '/figures/1',
    message: 'onbekende eigenschap "colour"',
    english: 'must NOT have additional properties "colour"',
  },
  {
    name: 'an additional property at the top (titel)',
    edit: (d) => setAt(d, '/titel', 'Duinstad'),
    path: '/',
    message: 'onbekende eigenschap "titel"',
    english: 'must NOT have additional properties "titel"',
  },
  {
    name: 'a bad enum value of footnote `when`',
    edit: (d) => setAt(d, '/figures/2/footnote/0/when', 'always'),
    path: '/figures/2/footnote/0/when',
    message: 'moet een van deze waarden zijn: withdrawn, notApplicable, otherTrack',
    english: 'must be equal to one of the allowed values: withdrawn, notApplicable, otherTrack',
  },
  {
    name: 'a colour that is not #rrggbb',
    edit: (d) => setAt(d, '/scales/0/categories/3/color', 'lightblue'),
    path: '/scales/0/categories/3/color',
    message: 'moet passen bij het patroon "^#[0-9a-fA-F]{6}$"',
    english: 'must match pattern "^#[0-9a-fA-F]{6}$"',
  },
  {
    name: 'a figure without bars',
    edit: (d) => setAt(d, '/figures/2/bars', []),
    path: '/figures/2/bars',
    message: 'moet minstens 1 element hebben',
    english: 'must NOT have fewer than 1 items',
  },
  {
    name: 'a legal term that is not a whole number of days',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'totaal', label: 'Totaal', from: 'aanmelden', to: 'besluit', legalTermDays: 56.5 }]),
    path: '/leadTimes/0/legalTermDays',
    message: 'moet een geheel getal zijn',
    english: 'must be integer',
  },
  {
    name: 'a lead time without its end step',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'totaal', label: 'Totaal', from: 'aanmelden' }]),
    path: '/leadTimes/0',
    message: /to/,
  },
  {
    name: 'an id with capitals (step id)',
    edit: (d) => setAt(d, '/steps/0/id', 'Aanmelden'),
    path: '/steps/0/id',
    message: 'moet passen bij het patroon "^[a-z0-9_]+$"',
    english: 'must match pattern "^[a-z0-9_]+$"',
  },
];

describe('schema violations: exit 4, one line per fault with its JSON path', () => {
  it.each(schemaCases)('$name', async ({ edit, path, message }) => {
    const result = await check(edit);
    expectDefinitionError(result);
    expectNames(result.stderr, path, message);
    expect(result.stderr).toContain('[CJ_DEFINITION_INVALID]');
  });

  it.each(schemaCases.filter((c) => c.english !== undefined))('$name, with --lang en: ajv\'s English sentence', async ({ edit, path, english }) => {
    const result = await check(edit, ['--lang', 'en']);
    expect(result.code).toBe(4);
    expectNames(result.stderr, path, english ?? '');
  });

  it('no English word in the Dutch schema messages', async () => {
    const result = await check((d) => {
      removeAt(d, '/name');
      setAt(d, '/figures/2/bars', []);
      setAt(d, '/grade/decimals', 4);
      setAt(d, '/grade/min', '1');
      setAt(d, '/titel', 'x');
    });
    expect(result.stderr).not.toMatch(/\b(must|have|property|items|column|pattern)\b/);
    expectNames(result.stderr, '/grade/decimals', 'mag ten hoogste 3 zijn');
  });

  it('several faults: every one on its own line, the code once at the end', async () => {
    const result = await check((d) => {
      removeAt(d, '/name');
      setAt(d, '/figures/2/bars', []);
      setAt(d, '/scales/0/categories/0/color', 'red');
    });
    expectDefinitionError(result);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expectNames(result.stderr, '/', 'de eigenschap "name" ontbreekt');
    expectNames(result.stderr, '/figures/2/bars', 'moet minstens 1 element hebben');
    expectNames(result.stderr, '/scales/0/categories/0/color', 'moet passen bij het patroon');
    expect(lines.filter((line) => line.endsWith('[CJ_DEFINITION_INVALID]'))).toHaveLength(1);
  });

  it('cj analyse --survey with an invalid definition: exit 4, nothing written', async () => {
    const cwd = tempDir();
    writeEditedDefinition(cwd, (d) => setAt(d, '/figures/2/footnote/0/when', 'always'));
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json'], { cwd });
    expectDefinitionError(result);
    expectNames(result.stderr, '/figures/2/footnote/0/when', 'moet een van deze waarden zijn');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('cj validate --survey with an invalid definition: exit 4', async () => {
    const cwd = tempDir();
    writeEditedDefinition(cwd, (d) => setAt(d, '/figures/0/bars', []));
    const result = await run(['validate', duinstadResponsesPath, '--survey', 'survey.json'], { cwd });
    expectDefinitionError(result);
    expectNames(result.stderr, '/figures/0/bars', 'moet minstens 1 element hebben');
  });
});

const referenceCases: readonly Case[] = [
  {
    name: 'a figure names a step that does not exist',
    edit: (d) => setAt(d, '/figures/1/step', 'intakes'),
    path: '/figures/1/step',
    message: 'stap "intakes" bestaat niet',
  },
  {
    name: 'a figure names a scale that does not exist',
    edit: (d) => setAt(d, '/figures/0/scale', 'tevreden'),
    path: '/figures/0/scale',
    message: 'schaal "tevreden" bestaat niet',
  },
  {
    name: 'a figure names a track that does not exist',
    edit: (d) => setAt(d, '/figures/3/tracks', ['klant', 'jongere']),
    path: '/figures/3/tracks',
    message: '"jongere"',
  },
  {
    name: 'grade.tracks names a track that does not exist',
    edit: (d) => setAt(d, '/grade/tracks', ['volwassene']),
    path: '/grade/tracks',
    message: '"volwassene"',
  },
  {
    name: 'grade.step names a step that does not exist',
    edit: (d) => setAt(d, '/grade/step', 'eindgesprek'),
    path: '/grade/step',
    message: 'stap "eindgesprek" bestaat niet',
  },
  {
    name: 'mainTrack is not one of the tracks',
    edit: (d) => setAt(d, '/mainTrack', 'volwassene'),
    path: '/mainTrack',
    message: '"volwassene"',
  },
  {
    name: 'a column used by two bars of one figure (two figures may share it)',
    edit: (d) => setAt(d, '/figures/3/bars/2/column', 'nazorg_gesprek'),
    path: '/figures/3/bars/2/column',
    message: 'kolom "nazorg_gesprek" komt twee keer voor',
  },
  {
    name: 'a satisfied category the scale lacks',
    edit: (d) => setAt(d, '/scales/0/satisfied', ['heel_erg_tevreden']),
    path: '/scales/0/satisfied/0',
    message: 'categorie "heel_erg_tevreden" bestaat niet',
  },
  {
    name: 'a figure split by a column that is neither background nor rating',
    edit: (d) => setAt(d, '/figures/1/by', 'wijk'),
    path: '/figures/1/by',
    message: 'kolom "wijk" bestaat niet',
  },
  {
    name: 'a background column that is a rating column already',
    edit: (d) => setAt(d, '/background', [{ column: 'nazorg_gesprek', label: 'Nazorg', plural: 'de antwoorden' }]),
    path: '/background/0/column',
    message: 'kolom "nazorg_gesprek" is al in gebruik',
  },
  {
    name: 'two values of a background column spelt alike',
    edit: (d) =>
      setAt(d, '/background', [
        { column: 'wijk', label: 'Wijk', plural: 'de wijken', values: [{ key: 'noord', label: 'Noord' }, { key: 'zuid', label: 'Zuid', spellings: ['noord'] }] },
      ]),
    path: '/background/0/values/1',
    message: 'categorie "noord" komt twee keer voor',
  },
  {
    name: 'a population stratum naming an undeclared value',
    edit: (d) => {
      setAt(d, '/background', [{ column: 'wijk', label: 'Wijk', plural: 'de wijken', values: [{ key: 'noord', label: 'Noord' }] }]);
      setAt(d, '/population', { kind: 'invited', strata: [{ groups: { wijk: 'west' }, size: 100 }] });
    },
    path: '/population/strata/0/groups/wijk',
    message: 'categorie "west" bestaat niet',
  },
  {
    name: 'a population stratum given twice',
    edit: (d) => {
      setAt(d, '/background', [{ column: 'wijk', label: 'Wijk', plural: 'de wijken', values: [{ key: 'noord', label: 'Noord' }] }]);
      setAt(d, '/population', { kind: 'invited', strata: [{ groups: { wijk: 'noord' }, size: 100 }, { groups: { wijk: 'noord' }, size: 50 }] });
    },
    path: '/population/strata/1',
    message: 'stratum "wijk=noord" komt twee keer voor',
  },
  {
    name: 'a spelling mapped to a category the scale lacks',
    edit: (d) => setAt(d, '/scales/0/spellings/heel erg tevreden', 'heel_erg_tevreden'),
    path: '/scales/0/spellings/heel erg tevreden',
    message: 'categorie "heel_erg_tevreden" bestaat niet',
  },
  {
    name: 'a duplicate step id',
    edit: (d) => setAt(d, '/steps/2/id', 'intake'),
    path: '/steps/2/id',
    message: 'stap "intake" komt twee keer voor',
  },
  {
    name: 'a track spelling used by two tracks (alias = another id)',
    edit: (d) => setAt(d, '/tracks/-', { id: 'jongere', label: 'jongeren', aliases: ['Klant'] }),
    path: '/tracks/1',
    message: 'traject "Klant" komt twee keer voor',
  },
  {
    name: 'a lead time starts at a step that does not exist',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'totaal', label: 'Totaal', from: 'melding', to: 'besluit', legalTermDays: 56 }]),
    path: '/leadTimes/0/from',
    message: 'stap "melding" bestaat niet',
  },
  {
    name: 'a lead time ends at a step that does not exist',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'totaal', label: 'Totaal', from: 'aanmelden', to: 'beschikking' }]),
    path: '/leadTimes/0/to',
    message: 'stap "beschikking" bestaat niet',
  },
  {
    name: 'a lead time whose end step comes before its start step',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'terug', label: 'Terug', from: 'besluit', to: 'intake' }]),
    path: '/leadTimes/0/to',
    message: 'stap "intake" moet na stap "besluit" komen in /steps',
  },
  {
    name: 'a lead time from a step to itself',
    edit: (d) => setAt(d, '/leadTimes', [{ id: 'nul', label: 'Nul', from: 'intake', to: 'intake' }]),
    path: '/leadTimes/0/to',
    message: 'stap "intake" moet na stap "intake" komen in /steps',
  },
  {
    name: 'a duplicate lead-time id',
    edit: (d) =>
      setAt(d, '/leadTimes', [
        { id: 'totaal', label: 'Totaal', from: 'aanmelden', to: 'besluit' },
        { id: 'totaal', label: 'Afhandeling', from: 'aanvraag', to: 'besluit' },
      ]),
    path: '/leadTimes/1/id',
    message: 'doorlooptijd "totaal" komt twee keer voor',
  },
  {
    name: 'grade min greater than max',
    edit: (d) => {
      setAt(d, '/grade/min', 10);
      setAt(d, '/grade/max', 1);
    },
    path: '/grade',
    message: 'min moet kleiner zijn dan max',
  },
  {
    name: 'grade min equal to max',
    edit: (d) => {
      setAt(d, '/grade/min', 5);
      setAt(d, '/grade/max', 5);
    },
    path: '/grade',
    message: 'min moet kleiner zijn dan max',
  },
];

describe('cross-reference faults (what the schema cannot say): exit 4 with the JSON path', () => {
  it.each(referenceCases)('$name', async ({ edit, path, message }) => {
    const result = await check(edit);
    expectDefinitionError(result);
    expectNames(result.stderr, path, message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the JSON path escapes a "/" in a spelling as ~1 (RFC 6901), as the schema faults do', async () => {
    const result = await check((d) => setAt(d, '/scales/0/spellings/n~1a', 'niet_van_toepassing'));
    expectDefinitionError(result);
    expectNames(result.stderr, '/scales/0/spellings/n~1a', 'categorie "niet_van_toepassing" bestaat niet');
  });

  it('in English with --lang en', async () => {
    const result = await check((d) => setAt(d, '/figures/1/step', 'intakes'), ['--lang', 'en']);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('cj: error: survey.json: /figures/1/step: unknown step "intakes" [CJ_DEFINITION_INVALID]\n');
  });

  it('cj analyse --survey with a cross-reference fault: exit 4, nothing written', async () => {
    const cwd = tempDir();
    writeEditedDefinition(cwd, (d) => setAt(d, '/mainTrack', 'volwassene'));
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json'], { cwd });
    expectDefinitionError(result);
    expectNames(result.stderr, '/mainTrack', '"volwassene"');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

/**
 * A name is one thing. A column is a bar, the grade, a fixed column or a date column; a definition
 * that gives one column two roles would pass `cj survey check` and fail later on every response
 * file, with data errors that blame the file. Figure, scale and category ids are unique too.
 */
const moreReferenceCases: readonly Case[] = [
  {
    name: 'a bar uses the grade column',
    edit: (d) => setAt(d, '/figures/3/bars/2/column', 'cijfer_totaal'),
    path: /survey\.json: \/(grade\/column|figures\/3\/bars\/2\/column): /,
    message: '"cijfer_totaal"',
  },
  {
    name: 'a bar uses a fixed column (track)',
    edit: (d) => setAt(d, '/figures/3/bars/2/column', 'track'),
    path: '/figures/3/bars/2/column',
    message: '"track"',
  },
  {
    name: 'a bar uses a date column (<step>_datum)',
    edit: (d) => setAt(d, '/figures/3/bars/2/column', 'intake_datum'),
    path: '/figures/3/bars/2/column',
    message: '"intake_datum"',
  },
  {
    name: 'a duplicate figure id (the figures would write the same file)',
    edit: (d) => setAt(d, '/figures/1/id', '1'),
    path: '/figures/1/id',
    message: '"1"',
  },
  {
    name: 'a duplicate scale id (the second would silently replace the first)',
    edit: (d) => setAt(d, '/scales/-', copyAt(d, '/scales/0')),
    path: '/scales/1/id',
    message: '"tevredenheid"',
  },
  {
    name: 'a duplicate category key in a scale (two categories counted as one)',
    edit: (d) => {
      setAt(d, '/scales/0/categories/3/key', 'neutraal');
      for (const spelling of ['tevreden', 'satisfied', '4']) setAt(d, `/scales/0/spellings/${spelling}`, 'neutraal');
    },
    path: '/scales/0/categories/3/key',
    message: '"neutraal"',
  },
  {
    name: 'a category key equal to the n.v.t. key',
    edit: (d) => {
      setAt(d, '/scales/0/notApplicable/key', 'neutraal');
      for (const spelling of ['nvt', 'n.v.t.', 'n.v.t', 'n/a', 'na', 'not applicable']) setAt(d, `/scales/0/spellings/${spelling.replace(/\//g, '~1')}`, 'neutraal');
    },
    path: '/scales/0/notApplicable/key',
    message: '"neutraal"',
  },
];

describe('a name used for two things: exit 4 with the JSON path', () => {
  it.each(moreReferenceCases)('$name', async ({ edit, path, message }) => {
    const result = await check(edit);
    expectDefinitionError(result);
    expectNames(result.stderr, path, message);
  });
});
