/**
 * The commands around definition files: `cj survey show|check`, `cj init DIR` and `cj validate`.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surveySchema } from '../../src/survey/schema.js';
import type { SurveyDefinition } from '../../src/survey/types.js';
import { fixturePath, run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';
import { parseCsv } from '../helpers/table.js';
import { builtInDefinitionPath, exampleDefinitionPath, duinstadResponsesPath, duinstadSurveyPath, setAt, writeEditedDefinition } from './duinstad.js';

const readDefinition = (path: string): SurveyDefinition => JSON.parse(readFileSync(path, 'utf8')) as SurveyDefinition;

/** The columns a response file for a definition has, from the definition itself. */
function columnsOf(definition: SurveyDefinition): string[] {
  return ['respondent', 'track', 'withdrawn_after', ...definition.figures.flatMap((f) => f.bars.map((b) => b.column)), definition.grade.column];
}

/** A copy of the Duinstad fixture folder in a fresh working folder; `cj` runs there with relative paths. */
function duinstadFolder(): string {
  const cwd = tempDir();
  copyFileSync(duinstadSurveyPath, join(cwd, 'survey.json'));
  copyFileSync(duinstadResponsesPath, join(cwd, 'responses.csv'));
  return cwd;
}

describe('cj survey show', () => {
  it('text: the built-in study, steps in journey order, every figure with its bars', async () => {
    const result = await run(['survey', 'show']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const definition = readDefinition(builtInDefinitionPath);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${definition.name} (nl)`);
    const stepLines = lines.filter((line) => /^ {2}\d+\. /.test(line));
    expect(stepLines).toEqual(definition.steps.map((step, i) => `  ${i + 1}. ${step.id}  ${step.label}`));
    for (const figure of definition.figures) {
      const at = lines.findIndex((line) => line.startsWith(`Figuur ${figure.id}: ${figure.caption}`));
      expect(at, `figure ${figure.id}`).toBeGreaterThan(0);
      const bars = lines.slice(at + 1, at + 1 + figure.bars.length).map((line) => line.trim().split(/\s{2,}/));
      expect(bars).toEqual(figure.bars.map((bar) => [bar.column, bar.label]));
    }
    expect(result.stdout).toContain('Figuur 2: Oordeel melden op het Werkplein en contact medewerker (n= {N}){*}  [ervaring; volwassene; n.v.t. getoond en meegeteld; werkplein_melden]');
    expect(result.stdout).toContain('Figuur 8: Beoordeling medewerker (N={N}){*}  [instemming; volwassene, jongere; n.v.t. weggelaten uit N; eindgesprek]');
    expect(result.stdout).toContain('Rapportcijfer: cijfer, 1–10, volwassene, jongere');
    expect(result.stdout).toContain('Doorlooptijd poortmodel: werkplein_melden → workshop "Poortmodel"\n');
    expect(result.stdout).toContain('Doorlooptijd totaal: werkplein_melden → besluit "Totaal", wettelijke termijn 56 dagen\n');
  });

  it('text: --survey with the Duinstad definition lists its five steps, four figures and eight bars', async () => {
    const cwd = duinstadFolder();
    const result = await run(['survey', 'show', '--survey', 'survey.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Klanttevredenheid Werk en Inkomen, gemeente Duinstad 2017 \(fictief voorbeeld\) \(nl\)\n/);
    expect(result.stdout).toContain('Trajecten: klant (klanten Werk en Inkomen, client)');
    expect(result.stdout.split('\n').filter((line) => /^ {2}\d+\. /.test(line))).toEqual([
      '  1. aanmelden  Aanmelden',
      '  2. intake  Intakegesprek',
      '  3. aanvraag  Aanvraag indienen',
      '  4. besluit  Besluit',
      '  5. nazorg  Nazorggesprek',
    ]);
    expect(result.stdout).toContain(
      'Schaal tevredenheid: zeer_ontevreden "zeer ontevreden", ontevreden "ontevreden", neutraal "neutraal", tevreden "tevreden", zeer_tevreden "zeer tevreden", nvt "n.v.t."',
    );
    expect(result.stdout.split('\n').filter((line) => line.startsWith('Figuur '))).toEqual([
      'Figuur 1: Oordeel aanmelden: website en balie (N={N}){*}  [tevredenheid; klant; n.v.t. getoond en meegeteld; aanmelden]',
      'Figuur 2: Oordeel intakegesprek en medewerker (N={N}){*}  [tevredenheid; klant; n.v.t. weggelaten uit N; intake]',
      'Figuur 3: Oordeel brief met besluit (N={N}){*}  [tevredenheid; klant; n.v.t. weggelaten uit N; besluit]',
      'Figuur 4: Oordeel nazorggesprek (N={N}){*}  [tevredenheid; klant; n.v.t. weggelaten uit N; nazorg]',
    ]);
    const barColumns = result.stdout.split('\n').filter((line) => /^ {2}[a-z_]+ {2,}/.test(line)).map((line) => line.trim().split(/\s+/)[0]);
    expect(barColumns).toEqual(columnsOf(readDefinition(duinstadSurveyPath)).slice(3, -1));
    expect(result.stdout).toContain('Rapportcijfer: cijfer_totaal, 1–10, klant');
  });

  it('text: the Duinstad definition run from the repository folder, by its path', async () => {
    const result = await run(['survey', 'show', '--survey', duinstadSurveyPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Duinstad 2017');
  });

  it('text with --lang en: English headings and the definition\'s English texts', async () => {
    const cwd = duinstadFolder();
    const result = await run(['survey', 'show', '--survey', 'survey.json', '--lang', 'en'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Steps (in journey order):');
    expect(result.stdout).toContain('  2. intake  Intake interview');
    expect(result.stdout).toContain('Figure 3: Rating of the decision letter (N={N}){*}');
    expect(result.stdout).not.toContain('Oordeel');
  });

  it('--format json: the built-in definition, exactly as its file holds it', async () => {
    const result = await run(['survey', 'show', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readDefinition(builtInDefinitionPath));
  });

  it('--format json --survey duinstad: the definition file\'s content, nothing left out', async () => {
    const cwd = duinstadFolder();
    const result = await run(['survey', 'show', '--survey', 'survey.json', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readDefinition(duinstadSurveyPath));
  });

  it('an invalid --survey: exit 4, nothing on stdout', async () => {
    const cwd = tempDir();
    writeEditedDefinition(cwd, (d) => setAt(d, '/figures/0/step', 'nergens'));
    const result = await run(['survey', 'show', '--survey', 'survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('survey.json: /figures/0/step: stap "nergens" bestaat niet');
  });
});

describe('cj survey check', () => {
  it('a valid definition: exit 0, its name, 4 figures and 8 rating columns', async () => {
    const cwd = duinstadFolder();
    const result = await run(['survey', 'check', 'survey.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'survey.json: geldig: "Klanttevredenheid Werk en Inkomen, gemeente Duinstad 2017 (fictief voorbeeld)", 4 figuren, 8 beoordelingskolommen\n',
    );
  });

  it('the built-in definition file: exit 0, 8 figures, 19 rating columns', async () => {
    const result = await run(['survey', 'check', builtInDefinitionPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('8 figuren, 19 beoordelingskolommen');
  });

  it('in English with --lang en', async () => {
    const cwd = duinstadFolder();
    const result = await run(['survey', 'check', 'survey.json', '--lang', 'en'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('survey.json: valid: "Client satisfaction Work and Income, municipality of Duinstad 2017 (invented example)", 4 figures, 8 rating columns');
  });

  it('an invalid definition: exit 4, the fault on stderr, nothing on stdout', async () => {
    const cwd = tempDir();
    writeEditedDefinition(cwd, (d) => setAt(d, '/grade/max', 0));
    const result = await run(['survey', 'check', 'survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cj: fout: survey.json: /grade: min moet kleiner zijn dan max [CJ_DEFINITION_INVALID]\n');
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('without a file: a usage error, exit 2', async () => {
    const result = await run(['survey', 'check']);
    expect(result.code).toBe(2);
  });
});

describe('cj init DIR', () => {
  it('writes survey.json, survey.schema.json and responses.csv, and says so', async () => {
    const cwd = tempDir();
    const result = await run(['init', 'zandvoort-2017'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('zandvoort-2017');
    expect(readdirSync(join(cwd, 'zandvoort-2017')).sort()).toEqual(['responses.csv', 'survey.json', 'survey.schema.json']);
  });

  it('survey.json is the small generic example study (not Haarlem), pointing at the schema beside it', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const written = readDefinition(join(cwd, 'study', 'survey.json'));
    expect(written.$schema).toBe('./survey.schema.json');
    expect(written).toEqual(readDefinition(exampleDefinitionPath));
    expect(written.name).toMatch(/^Voorbeeldstudie/);
    expect(written.steps).toHaveLength(5);
  });

  it('survey.schema.json is the schema', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'study', 'survey.schema.json'), 'utf8'))).toEqual(surveySchema);
  });

  it('responses.csv is one header row whose columns are the definition\'s, the date of each step included', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const records = parseCsv(readFileSync(join(cwd, 'study', 'responses.csv'), 'utf8'));
    expect(records).toHaveLength(1);
    const definition = readDefinition(join(cwd, 'study', 'survey.json'));
    const dates = definition.steps.map((step) => `${step.id}${definition.dateSuffix}`);
    expect(records[0]).toEqual([...columnsOf(definition), ...dates]);
    expect(records[0]).toContain('intake_datum');
  });

  it('the written survey.json passes cj survey check', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const result = await run(['survey', 'check', 'study/survey.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('study/survey.json: geldig');
  });

  it('a response file filled in under the written header is analysed with the written definition', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const header = readFileSync(join(cwd, 'study', 'responses.csv'), 'utf8');
    const columns = header.trim().split(',');
    // Answers the example definition accepts, read from it: its track, its grade column, a spelling of each bar's scale.
    const definition = readDefinition(join(cwd, 'study', 'survey.json'));
    const spellingOf = new Map(definition.figures.flatMap((figure) => figure.bars.map((bar) => [bar.column, Object.keys(definition.scales.find((scale) => scale.id === figure.scale)?.spellings ?? {})[0] ?? ''] as const)));
    const row = columns.map((column) =>
      column === 'respondent' ? 'Z01' : column === 'track' ? (definition.tracks[0]?.id ?? '') : column === 'withdrawn_after' ? '' : column === definition.grade.column ? '7' : column.endsWith(definition.dateSuffix) ? '14-3-2016' : (spellingOf.get(column) ?? ''),
    );
    writeFileSync(join(cwd, 'study', 'responses.csv'), header + row.join(',') + '\n');
    const result = await run(['analyse', 'study/responses.csv', '--survey', 'study/survey.json', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.json?.input.respondents).toBe(1);
    expect(result.json?.grade.n).toBe(1);
    expect(result.json?.input.columnsIgnored).toEqual([]);
  });

  it('a second cj init refuses to overwrite: exit 5, the files left as they were', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const surveyPath = join(cwd, 'study', 'survey.json');
    writeFileSync(surveyPath, '{"edited": true}\n');
    const result = await run(['init', 'study'], { cwd });
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(join('study', 'survey.json'));
    expect(result.stderr).toContain('--force');
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(readFileSync(surveyPath, 'utf8')).toBe('{"edited": true}\n');
  });

  it('--force overwrites', async () => {
    const cwd = tempDir();
    expect((await run(['init', 'study'], { cwd })).code).toBe(0);
    const surveyPath = join(cwd, 'study', 'survey.json');
    writeFileSync(surveyPath, '{"edited": true}\n');
    writeFileSync(join(cwd, 'study', 'responses.csv'), 'respondent,track\nX,volwassene\n');
    const result = await run(['init', 'study', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(readDefinition(surveyPath)).toEqual(readDefinition(exampleDefinitionPath));
    expect(parseCsv(readFileSync(join(cwd, 'study', 'responses.csv'), 'utf8'))).toHaveLength(1);
  });

  it('into a folder that exists and holds other files: only the three files are added', async () => {
    const cwd = tempDir();
    writeTemp('notes.txt', 'keep me', cwd);
    expect((await run(['init', '.'], { cwd })).code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['notes.txt', 'responses.csv', 'survey.json', 'survey.schema.json']);
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

describe('cj validate', () => {
  it('the Duinstad fixture: exit 0, names the 12 respondents by track, writes nothing', async () => {
    const cwd = duinstadFolder();
    const result = await run(['validate', 'responses.csv', '--survey', 'survey.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('responses.csv: geldig: 12 respondenten (12 klant); utf-8, scheidingsteken ","\n');
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(readdirSync(cwd).sort()).toEqual(['responses.csv', 'survey.json']);
  });

  it('the Haarlem fixture with the built-in definition: exit 0, 19 respondents', async () => {
    const cwd = tempDir();
    const result = await run(['validate', fixturePath], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('haarlem-2016.csv: geldig: 19 respondenten (16 volwassene, 3 jongere)');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('in English with --lang en', async () => {
    const cwd = duinstadFolder();
    const result = await run(['validate', 'responses.csv', '--survey', 'survey.json', '--lang', 'en'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('responses.csv: valid: 12 respondents (12 klant)');
  });

  it('a bad value: exit 3, the line and column on stderr, nothing written', async () => {
    const cwd = duinstadFolder();
    const lines = readFileSync(join(cwd, 'responses.csv'), 'utf8').split('\n');
    // Line 6 is D05; its intake_gesprek (`nvt`) becomes a value the scale does not know.
    lines[5] = lines[5]?.replace('tevreden,nvt,nvt,nvt', 'tevreden,nvt,misschien,nvt') ?? '';
    writeFileSync(join(cwd, 'bad.csv'), lines.join('\n'));
    const result = await run(['validate', 'bad.csv', '--survey', 'survey.json'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.csv:6, kolom "intake_gesprek": onbekende waarde "misschien"');
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(readdirSync(cwd).sort()).toEqual(['bad.csv', 'responses.csv', 'survey.json']);
  });

  it('a Duinstad file checked against the built-in definition: exit 3, names what is missing', async () => {
    const cwd = duinstadFolder();
    const result = await run(['validate', 'responses.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/responses\.csv:2, kolom "track": onbekende waarde "klant"/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
