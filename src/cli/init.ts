import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { findPersonalData, personalDataColumn } from '../input/personal-data.js';
import { NotUtf8, type Encoding, type InputInfo } from '../input/records.js';
import type { FormatInfo } from '../input/detect.js';
import type { SeenColumn } from '../survey/draft.js';
import type { SurveyDefinition } from '../survey/types.js';
import type { Messages } from '../messages.js';
import { fileSource } from './common.js';
import { Option, type Command } from 'commander';
import { OutputError } from '../errors.js';
import { messages, type Lang } from '../messages.js';
import type { Io } from './io.js';

const SCHEMA_FILE = 'survey.schema.json';

/** `cj init DIR`: a definition to start from (a small generic study, or a draft of a response file with --from), its schema, and an empty response file whose header matches it. */
export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('start a new study: a survey definition to edit, its JSON Schema, and an empty CSV template')
    .argument('<dir>', 'folder to write into (created when missing)')
    .option('--force', 'overwrite files that exist')
    .option('--from <file>', 'draft the definition from a response file (CSV, XLSX or SAV); every guess listed in "todo"')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  $ cj init zandvoort-2017\n  $ cj survey check zandvoort-2017/survey.json')
    .action(async (dir: string, raw: { force?: boolean; lang: Lang; from?: string }) => {
      const m = messages[raw.lang];
      const [{ columnsOf, exampleSurveyPath, loadSurveyFile }, { surveySchema }, { makeFolder, outputFault }] = await Promise.all([
        import('../survey/load.js'),
        import('../survey/schema.js'),
        import('./output.js'),
      ]);
      const target = resolve(io.cwd, dir);
      let definition: SurveyDefinition;
      if (raw.from === undefined) {
        const { $schema: _schema, ...example } = (await loadSurveyFile(exampleSurveyPath, 'voorbeeld.json', m)).definition as SurveyDefinition & { $schema?: string };
        definition = example;
      } else {
        const { draftDefinition } = await import('../survey/draft.js');
        definition = draftDefinition(basename(dir), await seenColumns(raw.from, io, m));
      }
      const files: [string, string][] = [
        ['survey.json', JSON.stringify({ $schema: `./${SCHEMA_FILE}`, ...definition }, null, 2) + '\n'],
        [SCHEMA_FILE, JSON.stringify(surveySchema, null, 2) + '\n'],
        // The template follows the definition it was made for: every column, dates included.
        ['responses.csv', columnsOf(definition).join(',') + '\n'],
      ];
      try {
        await makeFolder(target);
      } catch (error) {
        throw outputFault(target, error, m);
      }
      for (const [name, content] of files) {
        try {
          await writeFile(join(target, name), content, { flag: raw.force === true ? 'w' : 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputError('CJ_OUTPUT_EXISTS', m.fileExists(join(dir, name)));
          throw outputFault(join(dir, name), error, m);
        }
      }
      const names = files.map(([name]) => name);
      io.stdout.write(`${raw.from === undefined ? m.initDone(dir, names) : m.initDrafted(dir, names, definition.todo?.length ?? 0)}\n`);
      setExit(0);
    });
}

/**
 * The columns of a response file and the values seen in each (at most 13 each: more is free
 * text), for a draft. Columns named as personal data and values that hold it are left out.
 */
async function seenColumns(path: string, io: Io, m: Messages): Promise<SeenColumn[]> {
  const { readInput } = await import('../input/detect.js');
  const read = async (encoding: Encoding): Promise<SeenColumn[]> => {
    const { source } = await fileSource(path, io, m);
    const info: InputInfo & FormatInfo = { file: source.name, sha256: '', bytes: 0, encoding, bom: false, delimiter: ',', rowsRead: 0 };
    let header: string[] | undefined;
    let values: Set<string>[] = [];
    try {
      await readInput(source, encoding, info, m, undefined, (record) => {
        if (header === undefined) {
          header = record.fields.map((field) => field.trim());
          values = header.map(() => new Set<string>());
          return true;
        }
        record.fields.forEach((field, index) => {
          const value = field.trim();
          const seen = values[index];
          if (seen !== undefined && value !== '' && seen.size <= 12 && findPersonalData(value) === null) seen.add(value);
        });
        return true;
      });
    } finally {
      await source.close?.();
    }
    const labels = info.variableLabels ?? {};
    return (header ?? [])
      .map((name, index) => ({ name, values: [...(values[index] ?? [])], ...(Object.hasOwn(labels, name) ? { label: labels[name] ?? name } : {}) }))
      .filter((column) => column.name !== '' && findPersonalData(column.name) === null && personalDataColumn(column.name) === null);
  };
  try {
    return await read('utf-8');
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return await read('windows-1252');
  }
}
