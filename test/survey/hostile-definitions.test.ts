/**
 * A definition is data, not code (issue 10): keys from the file never meet Object.prototype,
 * texts hold no control characters, and no file, pipe or device makes cj read without bound.
 * Each refusal is exit 4 with the file and the JSON path, never a stack trace or exit 70.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../src/errors.js';
import { messages } from '../../src/messages.js';
import { analyse } from '../../src/pipeline.js';
import { MAX_DEFINITION_BYTES, prepareSurvey } from '../../src/survey/load.js';
import type { SurveyDefinition } from '../../src/survey/types.js';
import { run, stackFrames, tempDir, writeTemp, type RunResult } from '../helpers/run.js';
import { duinstadResponsesPath, duinstadSurveyPath, setAt, type Json } from './duinstad.js';

const ESC = '\u001b';

/** The Duinstad definition as JSON text, changed by `edit` on the parsed value. */
function definitionText(edit: (definition: Json) => void = () => undefined): string {
  const definition = JSON.parse(readFileSync(duinstadSurveyPath, 'utf8')) as Json;
  edit(definition);
  return JSON.stringify(definition, null, 2);
}

/**
 * Renames a key in JSON text. A key `__proto__` cannot be made by assignment in JavaScript (it
 * sets the prototype), only written in the text, as an attacker would.
 */
function renameKey(text: string, from: string, to: string): string {
  const before = `${JSON.stringify(from)}:`;
  if (!text.includes(before)) throw new Error(`no key ${from} in the definition`);
  return text.replace(before, `${JSON.stringify(to)}:`);
}

async function check(text: string, extra: readonly string[] = []): Promise<RunResult> {
  const cwd = tempDir();
  writeTemp('survey.json', text, cwd);
  return run(['survey', 'check', 'survey.json', ...extra], { cwd });
}

function expectRefusal(result: RunResult, path: string, message: string | RegExp): void {
  expect(result.code, result.stderr).toBe(4);
  expect(result.stdout).toBe('');
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toMatch(/interne fout|internal error/);
  expect(result.stderr).not.toContain(ESC);
  const line = result.stderr.split('\n').find((l) => l.includes(`survey.json: ${path}: `));
  expect(line, `no line naming ${path} in:\n${result.stderr}`).toBeDefined();
  if (typeof message === 'string') expect(line).toContain(message);
  else expect(line).toMatch(message);
}

describe('names of Object.prototype are refused as ids and keys (exit 4, JSON path)', () => {
  const reserved = 'is een gereserveerde naam';
  it.each([
    ['a category key __proto__', '/scales/0/categories/0/key', '__proto__'],
    ['a category key constructor', '/scales/0/categories/1/key', 'constructor'],
    ['the n.v.t. key prototype', '/scales/0/notApplicable/key', 'prototype'],
    ['a track id __proto__', '/tracks/0/id', '__proto__'],
    ['a step id constructor', '/steps/2/id', 'constructor'],
    ['a scale id prototype', '/scales/0/id', 'prototype'],
    ['a figure id constructor', '/figures/3/id', 'constructor'],
    ['a figure id hasOwnProperty', '/figures/3/id', 'hasOwnProperty'],
    ['a bar column __proto__', '/figures/0/bars/1/column', '__proto__'],
    ['the grade column constructor', '/grade/column', 'constructor'],
    ['a figure track __proto__', '/figures/0/tracks/0', '__proto__'],
  ])('%s', async (_, path, name) => {
    const result = await check(definitionText((d) => setAt(d, path, name)));
    expectRefusal(result, path, `"${name}" ${reserved}`);
  });

  it('a spelling __proto__, written as a key in the file, is named by its path', async () => {
    const result = await check(renameKey(definitionText(), 'zeer ontevreden', '__proto__'));
    expectRefusal(result, '/scales/0/spellings/__proto__', `"__proto__" ${reserved}`);
  });

  it('a spelling toString is refused as well', async () => {
    const result = await check(renameKey(definitionText(), 'zeer ontevreden', 'toString'));
    expectRefusal(result, '/scales/0/spellings/toString', `"toString" ${reserved}`);
  });

  it('a text to translate __proto__ is refused; a translation language must be two letters', async () => {
    const withProto = renameKey(definitionText(), 'Aanmelden', '__proto__');
    expectRefusal(await check(withProto), '/translations/en/__proto__', `"__proto__" ${reserved}`);
    const language = renameKey(definitionText(), 'en', '__proto__');
    expectRefusal(await check(language), '/translations/__proto__', 'moet passen bij het patroon "^[a-z]{2}$"');
  });

  it('in English with --lang en', async () => {
    const result = await check(definitionText((d) => setAt(d, '/tracks/0/id', '__proto__')), ['--lang', 'en']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('survey.json: /tracks/0/id: "__proto__" is a reserved name');
  });

  it('cj analyse --survey with a category key __proto__: exit 4 before any count, nothing written', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', definitionText((d) => setAt(d, '/scales/0/categories/0/key', '__proto__')), cwd);
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('/scales/0/categories/0/key');
    expect(readdirSync(cwd)).toEqual(['survey.json']);
  });
});

describe('a label that happens to be a prototype name is just text', () => {
  it('a bar label "constructor" with --lang en and no translation: exit 0, the label as written, a notice', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', definitionText((d) => setAt(d, '/figures/0/bars/0/label', 'constructor')), cwd);
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json', '--lang', 'en', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.figures[0]?.bars[0]?.label).toBe('constructor');
    expect(result.stderr).toContain('no translation (en) for: "constructor"');
  });

  it('a bar label "constructor" with a translation: the translation is used', async () => {
    const cwd = tempDir();
    const text = definitionText((d) => {
      setAt(d, '/figures/0/bars/0/label', 'constructor');
      setAt(d, '/translations/en/constructor', 'builder');
    });
    writeTemp('survey.json', text, cwd);
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json', '--lang', 'en', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json?.figures[0]?.bars[0]?.label).toBe('builder');
  });

  it('a label "toString" in the terminal and the figures: exit 0', async () => {
    const cwd = tempDir();
    writeTemp('survey.json', definitionText((d) => setAt(d, '/figures/0/bars/1/label', 'toString')), cwd);
    const result = await run(['analyse', duinstadResponsesPath, '--survey', 'survey.json', '--lang', 'en'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('toString');
    expect(readFileSync(join(cwd, 'out', 'figuur-1.svg'), 'utf8')).toContain('toString');
  });
});

/**
 * A definition that never went through the schema (prepared in code) still counts a key
 * `__proto__` and a track `__proto__` like any other: the counts are Maps and records without a
 * prototype. The Duinstad responses, hand-counted for figure 1, bar aanmelden_website: the file's
 * first bar has 1 ontevreden, 2 neutraal, 6 tevreden, 2 zeer tevreden and 1 zeer ontevreden
 * (fixtures/duinstad-2017/README.md); here "zeer_ontevreden" is renamed "__proto__".
 */
describe('keys from a definition never reach Object.prototype, even without the schema', () => {
  function protoDefinition(): SurveyDefinition {
    const text = readFileSync(duinstadSurveyPath, 'utf8')
      .replaceAll('"zeer_ontevreden"', '"__proto__"')
      .replaceAll('"klant"', '"__proto__"');
    return JSON.parse(text) as SurveyDefinition;
  }

  async function analyseWith(definition: SurveyDefinition): Promise<Awaited<ReturnType<typeof analyse>>> {
    const bytes = readFileSync(duinstadResponsesPath, 'utf8').replace(/,klant,/gi, ',__proto__,');
    return analyse(
      { name: 'responses.csv', open: async function* () { yield Buffer.from(bytes); } },
      {
        survey: prepareSurvey(definition, messages.nl),
        messages: messages.nl,
        version: 'test',
        allowColumns: new Set(),
        faultLimit: 100,
        listLimit: 100,
        minCell: 3,
      },
    );
  }

  it('a category key __proto__ is counted as the key it is', async () => {
    const normal = await analyseWith(JSON.parse(readFileSync(duinstadSurveyPath, 'utf8').replaceAll('"klant"', '"__proto__"')) as SurveyDefinition);
    const results = await analyseWith(protoDefinition());
    const bar = results.figures[0]?.bars[0];
    const expected = normal.figures[0]?.bars[0];
    expect(bar?.n).toBe(expected?.n);
    expect(Object.hasOwn(bar?.counts ?? {}, '__proto__')).toBe(true);
    expect(bar?.counts['__proto__']).toBe(expected?.counts['zeer_ontevreden']);
    expect(bar?.percentages['__proto__']).toBe(expected?.percentages['zeer_ontevreden']);
    expect(Object.values(bar?.percentages ?? {}).reduce((sum, p) => sum + p, 0)).toBe(100);
    // A key the scale does not have is not there, however Object.prototype spells it.
    expect(bar?.counts['constructor']).toBeUndefined();
    // Written as JSON, the key is there with its count.
    const json = JSON.parse(JSON.stringify(results)) as { figures: { bars: { counts: Record<string, number> }[] }[] };
    expect(Object.getOwnPropertyDescriptor(json.figures[0]?.bars[0]?.counts, '__proto__')?.value).toBe(expected?.counts['zeer_ontevreden']);
  });

  it('a track __proto__ does not disappear: it has its respondents, its N and its grade', async () => {
    const results = await analyseWith(protoDefinition());
    expect(results.input.respondents).toBeGreaterThan(0);
    expect(Object.hasOwn(results.input.respondentsByTrack, '__proto__')).toBe(true);
    expect(results.input.respondentsByTrack['__proto__']).toBe(results.input.respondents);
    expect(Object.hasOwn(results.figures[0]?.NByTrack ?? {}, '__proto__')).toBe(true);
    expect(results.figures[0]?.NByTrack['__proto__']).toBe(results.figures[0]?.N);
    expect(Object.hasOwn(results.grade.byTrack, '__proto__')).toBe(true);
    expect(results.grade.byTrack['__proto__']?.n).toBe(results.grade.n);
  });
});

describe('control characters and direction overrides are refused in definitions (exit 4, JSON path)', () => {
  it.each([
    ['an OSC 8 link in a bar label', '/figures/0/bars/0/label', `${ESC}]8;;http://x\u0007klik${ESC}]8;;\u0007`],
    ['a clear-screen in a step label', '/steps/1/label', `Intake${ESC}[2J`],
    ['a right-to-left override in a category label', '/scales/0/categories/2/label', 'neu\u202etraal'],
    ['a C1 control (NEL) in a caption', '/figures/1/caption', 'Oordeel\u0085intake (N={N})'],
    ['a line break in a footnote', '/figures/2/footnote/0/text', '{n} klant\nniet'],
    ['a tab in a track alias', '/tracks/0/aliases/0', 'cli\tent'],
    ['a NUL in the name', '/name', 'Duinstad\u0000'],
    ['an escape in a translation', '/translations/en/Aanmelden', `Registration${ESC}[31m`],
    ['a direction isolate in a footnote joiner', '/figures/2/footnote/0/joiner', ' \u2066en '],
  ])('%s', async (_, path, value) => {
    const result = await check(definitionText((d) => setAt(d, path, value)));
    expectRefusal(result, path, 'bevat een stuurteken');
  });

  it('an escape in a spelling (a key): the path names it with U+FFFD, the ESC itself is never printed', async () => {
    const result = await check(renameKey(definitionText(), 'zeer ontevreden', `zeer${ESC}[2J`));
    expectRefusal(result, '/scales/0/spellings/zeer\uFFFD[2J', 'bevat een stuurteken');
  });

  it('in English with --lang en', async () => {
    const result = await check(definitionText((d) => setAt(d, '/steps/1/label', `x${ESC}[2J`)), ['--lang', 'en']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('survey.json: /steps/1/label: holds a control character');
  });

  it('a lone surrogate (which no schema pattern can name) is refused when the definition is prepared', () => {
    const definition = JSON.parse(definitionText((d) => setAt(d, '/figures/0/bars/0/label', 'a\ud800b'))) as SurveyDefinition;
    expect(() => prepareSurvey(definition, messages.nl)).toThrow(DefinitionError);
    expect(() => prepareSurvey(definition, messages.nl)).toThrow('/figures/0/bars/0/label');
  });

  it('a definition prepared in code, past the schema, is refused the same way', () => {
    const definition = JSON.parse(definitionText((d) => setAt(d, '/steps/0/label', `${ESC}[2J`))) as SurveyDefinition;
    expect(() => prepareSurvey(definition, messages.en)).toThrow(/\/steps\/0\/label: holds a control character/);
  });

  it('plain text with accents, dashes, quotes and emoji is accepted', async () => {
    const result = await check(definitionText((d) => setAt(d, '/figures/0/bars/0/label', 'Één “balie” – café 😀 (18–26)')));
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('a definition file is read up to 1 MiB and no further', () => {
  it('/dev/zero: exit 4, too large, at once', async () => {
    const result = await run(['survey', 'check', '/dev/zero']);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`cj: fout: /dev/zero: groter dan ${MAX_DEFINITION_BYTES} bytes; een surveydefinitie is een klein JSON-bestand (controleer of dit het goede bestand is) [CJ_DEFINITION_TOO_LARGE]\n`);
  });

  it('exactly 1 MiB (a valid definition padded with spaces) is read; one byte more is refused', async () => {
    const text = definitionText();
    const cwd = tempDir();
    writeTemp('survey.json', text + ' '.repeat(MAX_DEFINITION_BYTES - Buffer.byteLength(text)), cwd);
    expect((await run(['survey', 'check', 'survey.json'], { cwd })).code).toBe(0);
    writeTemp('survey.json', text + ' '.repeat(MAX_DEFINITION_BYTES + 1 - Buffer.byteLength(text)), cwd);
    const result = await run(['survey', 'check', 'survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('CJ_DEFINITION_TOO_LARGE');
  });

  it('cj analyse --survey /dev/zero: exit 4, nothing written', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', duinstadResponsesPath, '--survey', '/dev/zero'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('CJ_DEFINITION_TOO_LARGE');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('a FIFO fed without end: exit 4, too large (the writer is stopped by the closed pipe)', async () => {
    const cwd = tempDir();
    const fifo = join(cwd, 'survey.json');
    await new Promise<void>((resolve, reject) => {
      const mkfifo = spawn('mkfifo', [fifo]);
      mkfifo.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo exited ${code}`))));
      mkfifo.on('error', reject);
    });
    const writer = spawn('sh', ['-c', 'yes "{}" > survey.json'], { cwd, stdio: 'ignore' });
    try {
      const result = await run(['survey', 'check', 'survey.json'], { cwd });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain('CJ_DEFINITION_TOO_LARGE');
    } finally {
      if (writer.exitCode === null) writer.kill();
    }
  });

  it('a megabyte of nested brackets: exit 4 with the path, not a crash', async () => {
    const depth = 400_000;
    const result = await check('['.repeat(depth) + ']'.repeat(depth));
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('survey.json: /: moet een object ({…}) zijn');
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('many faults in one file are reported, every one on its own line, without an ESC', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'def'));
    const text = definitionText((d) => {
      setAt(d, '/steps/0/label', `${ESC}[2J`);
      setAt(d, '/steps/1/id', '__proto__');
    });
    writeFileSync(join(cwd, 'def', 'survey.json'), text);
    const result = await run(['survey', 'check', 'def/survey.json'], { cwd });
    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain(ESC);
  });
});
