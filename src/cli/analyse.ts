import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DataError, UsageError } from '../errors.js';
import type { ByteSource } from '../input/records.js';
import { messages, type Lang, type Messages } from '../messages.js';
import { csvLine } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { builtInSurvey, loadSurveyFile, type Survey } from '../survey/load.js';
import { cjVersion, useColor, type Io } from './io.js';
import { OutputBatch } from './output.js';
import { reportError } from './report-error.js';

/** The flags of `cj analyse`, validated once and frozen (STYLE.md: options are normalised once). */
export interface AnalyseFlags {
  readonly file: string;
  readonly format: 'text' | 'json';
  readonly out: string;
  readonly lang: Lang;
  readonly survey: Survey;
  readonly allowColumns: ReadonlySet<string>;
  readonly maxErrors: number;
  readonly color: boolean | undefined;
  readonly quiet: boolean;
  readonly debug: boolean;
}

interface RawFlags {
  format: string;
  out: string;
  lang: string;
  survey?: string;
  allowColumn: string[];
  maxErrors: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
/** Exclusions kept in the JSON; beyond this the JSON keeps counts and exclusions.csv the list. */
export const LIST_LIMIT = 10_000;

async function normaliseFlags(file: string, raw: RawFlags, io: Io): Promise<AnalyseFlags> {
  const maxErrors = Number(raw.maxErrors);
  if (!Number.isInteger(maxErrors) || maxErrors < 1) {
    throw new UsageError('CJ_USAGE', `--max-errors: expected a whole number ≥ 1, got "${raw.maxErrors}"`);
  }
  const surveyPath = raw.survey;
  return Object.freeze({
    file,
    format: raw.format as AnalyseFlags['format'],
    out: raw.out,
    lang: raw.lang as Lang,
    survey:
      surveyPath === undefined
        ? builtInSurvey(messages[raw.lang as Lang], raw.lang)
        : await loadSurveyFile(resolve(io.cwd, surveyPath), surveyPath, messages[raw.lang as Lang], raw.lang),
    allowColumns: new Set(raw.allowColumn.map((name) => name.trim().toLowerCase())),
    maxErrors,
    color: raw.color,
    quiet: raw.quiet === true,
    debug: raw.debug === true,
  });
}

/** A file on disk as a ByteSource; refuses what is not a readable file before any work starts. */
async function fileSource(path: string, io: Io, m: Messages): Promise<{ source: ByteSource; size: number }> {
  const absolute = resolve(io.cwd, path);
  // Results name the file as given, or by its base name when given as an absolute path:
  // no machine's folders in the output.
  const name = isAbsolute(path) ? basename(path) : path;
  let size: number;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) throw new DataError('CJ_NOT_A_FILE', m.isDirectory(path), { file: path });
    size = info.size;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? 'CJ_NO_SUCH_FILE' : 'CJ_UNREADABLE', code === 'ENOENT' ? m.noSuchFile(path) : m.unreadable(path, code ?? ''), { file: path });
  }
  return { source: { name, open: () => createReadStream(absolute, { highWaterMark: 64 * 1024 }) }, size };
}

export async function runAnalyse(flags: AnalyseFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  const { source, size } = await fileSource(flags.file, io, m);
  const toFiles = flags.format === 'text';
  const outDir = resolve(io.cwd, flags.out);
  const batch = toFiles ? new OutputBatch(outDir) : undefined;
  await batch?.prepare();
  const exclusionsFile = batch?.appender('exclusions.csv');
  const header = csvLine(['respondent', 'line', 'column', 'step', 'rule']);
  exclusionsFile?.write(header);
  const showProgress = io.stderr.isTTY === true && size > PROGRESS_MIN_BYTES && !flags.quiet;
  try {
    // The parser and the terminal renderer load only when a file is analysed (start-up time).
    const [{ analyse }, { renderTerminal }] = await Promise.all([import('../pipeline.js'), import('../render/terminal.js')]);
    const results = await analyse(source, {
      survey: flags.survey,
      messages: m,
      version: cjVersion(),
      allowColumns: flags.allowColumns,
      faultLimit: flags.maxErrors,
      listLimit: LIST_LIMIT,
      ...(exclusionsFile === undefined
        ? {}
        : {
            exclusionLog: {
              add: (e) => exclusionsFile.write(csvLine([e.respondent, e.line, e.column, e.step, e.rule])),
              reset: () => {
                exclusionsFile.reset();
                exclusionsFile.write(header);
              },
            },
          }),
      ...(showProgress
        ? { onProgress: (bytes: number) => void io.stderr.write(`\r${Math.min(100, Math.round((bytes / size) * 100))}% (${(bytes / 1e6).toFixed(0)} MB)`) }
        : {}),
    });
    if (showProgress) io.stderr.write('\r\u001b[K');
    const json = renderJson(results);
    if (batch === undefined) {
      io.stdout.write(json);
    } else {
      await batch.write('results.json', json);
      await batch.commit();
      io.stdout.write(renderTerminal(results, m, useColor(io.stdout, io.env, flags.color)));
    }
    if (!flags.quiet) {
      for (const warning of results.warnings) io.stderr.write(`cj: ${m.notice}: ${warning.message}\n`);
      if (batch !== undefined) io.stderr.write(`cj: ${m.written(relative(io.cwd, outDir) || '.')}\n`);
    }
    return 0;
  } catch (error) {
    await batch?.abort();
    if (showProgress) io.stderr.write('\r\u001b[K');
    return await reportError(error, io, flags.lang, flags.debug);
  }
}

export function registerAnalyse(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('check a response file, apply the exclusion rules, count every figure and the grade')
    .argument('<file>', 'anonymised response file (CSV: , ; or tab; UTF-8 or Windows-1252)')
    .addOption(new Option('-f, --format <format>', 'text: tables here, results in --out; json: one object on stdout').choices(['text', 'json']).default('text'))
    .option('-o, --out <dir>', 'folder for results.json and exclusions.csv', 'out')
    .addOption(new Option('--lang <lang>', 'language of terminal text').choices(['nl', 'en']).default('nl'))
    .option('--survey <file>', 'survey definition (JSON); default: Haarlem 2016')
    .option('--allow-column <name>', 'a column you vouch holds no personal data (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--max-errors <n>', 'stop after this many data errors', '50')
    .option('--color', 'colour even when not on a terminal')
    .option('--no-color', 'never colour (so does NO_COLOR)')
    .option('-q, --quiet', 'no notices on stderr')
    .option('--debug', 'print the stack trace of internal errors')
    .addHelpText(
      'after',
      `
Examples:
  $ cj analyse fixtures/haarlem-2016.csv
  $ cj analyse data.csv --format json > results.json
  $ cj analyse data.csv --allow-column opmerking_medewerker`,
    )
    .action(async (file: string, raw: RawFlags) => {
      setExit(await runAnalyse(await normaliseFlags(file, raw, io), io));
    });
}
