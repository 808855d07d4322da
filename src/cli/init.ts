import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { OutputError } from '../errors.js';
import { messages, type Lang } from '../messages.js';
import type { Io } from './io.js';

const SCHEMA_FILE = 'survey.schema.json';

/** `cj init DIR`: a definition to start from (the built-in one), its schema, and an empty response file whose header matches it. */
export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('start a new study: a survey definition to edit, its JSON Schema, and an empty CSV template')
    .argument('<dir>', 'folder to write into (created when missing)')
    .option('--force', 'overwrite files that exist')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  $ cj init zandvoort-2017\n  $ cj survey check zandvoort-2017/survey.json')
    .action(async (dir: string, raw: { force?: boolean; lang: Lang }) => {
      const m = messages[raw.lang];
      const [{ builtInSurvey }, { surveySchema }, { makeFolder, outputFault }] = await Promise.all([
        import('../survey/load.js'),
        import('../survey/schema.js'),
        import('./output.js'),
      ]);
      const target = resolve(io.cwd, dir);
      const survey = builtInSurvey(m);
      const files: [string, string][] = [
        ['survey.json', JSON.stringify({ $schema: `./${SCHEMA_FILE}`, ...survey.definition }, null, 2) + '\n'],
        [SCHEMA_FILE, JSON.stringify(surveySchema, null, 2) + '\n'],
        // The template follows the definition it was made for: every column, dates included.
        ['responses.csv', survey.columns.join(',') + '\n'],
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
      io.stdout.write(`${m.initDone(dir, files.map(([name]) => name))}\n`);
      setExit(0);
    });
}
