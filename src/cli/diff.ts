import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Cohort } from '../diff/cohort.js';
import type { DiffInput } from '../diff/types.js';
import { ExitCode } from '../errors.js';
import { messages, type Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { addColorOptions, addInputOptions, fileSource, normaliseInputFlags, normaliseTestFlags, pipelineOptions, type InputFlags, type RawInputFlags } from './common.js';
import { cjVersion, useColor, type Io } from './io.js';

/** The flags of `cj diff`, validated once and frozen (STYLE.md: options are normalised once). */
export interface DiffFlags extends InputFlags {
  readonly a: string;
  readonly b: string;
  readonly format: 'text' | 'json';
  readonly out: string;
  readonly alpha: number;
  readonly seed: number;
  readonly failOnChange: boolean;
  readonly color: boolean | undefined;
}

interface RawFlags extends RawInputFlags {
  format: string;
  out: string;
  alpha: string;
  seed: string;
  failOnChange?: boolean;
  color?: boolean;
}

async function normaliseFlags(a: string, b: string, raw: RawFlags, io: Io): Promise<DiffFlags> {
  const { alpha, seed } = normaliseTestFlags(raw);
  return Object.freeze({
    ...(await normaliseInputFlags(raw, io)),
    a,
    b,
    format: raw.format as DiffFlags['format'],
    out: raw.out,
    alpha,
    seed,
    failOnChange: raw.failOnChange === true,
    color: raw.color,
  });
}

/** A results.json by its name, or by content: the first character that is not a BOM or space is "{". */
async function isResultsJson(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.json')) return true;
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(256), position: 0 });
    return /^\uFEFF?\s*\{/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export interface LoadedCohort {
  readonly cohort: Cohort;
  readonly input: Omit<DiffInput, 'label'>;
}

/** One side of the comparison: a results.json read and checked, or a response file analysed. */
export async function loadCohort(path: string, flags: InputFlags, io: Io, m: Messages): Promise<LoadedCohort> {
  // fileSource refuses a missing file or a folder with the same message as `cj analyse`.
  const { source } = await fileSource(path, io, m);
  const absolute = resolve(io.cwd, path);
  if (await isResultsJson(absolute)) {
    const { cohortFromJson, readResultsFile } = await import('../diff/cohort.js');
    const bytes = await readResultsFile(absolute, source.name, m);
    const cohort = await cohortFromJson(bytes.toString('utf8'), source.name, m);
    return {
      cohort,
      input: {
        file: source.name,
        kind: 'results',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        survey: cohort.survey.name,
        respondents: cohort.input.respondents,
        countedFrom: { file: cohort.input.file, sha256: cohort.input.sha256, cjVersion: cohort.cj.version },
        warnings: [],
      },
    };
  }
  const { analyse } = await import('../pipeline.js');
  const results = await analyse(source, pipelineOptions(flags));
  return {
    cohort: results,
    input: {
      file: source.name,
      kind: 'csv',
      sha256: results.input.sha256,
      bytes: results.input.bytes,
      survey: results.survey.name,
      respondents: results.input.respondents,
      countedFrom: null,
      warnings: results.warnings.map(({ code, message }) => ({ code, message })),
    },
  };
}

/** Cohorts are named by their data file; two with one name are told apart as a and b. */
function labelsOf(a: LoadedCohort, b: LoadedCohort, label: (file: string) => string): { a: string; b: string } {
  const name = (loaded: LoadedCohort): string => label(loaded.input.countedFrom?.file ?? loaded.input.file);
  const [nameA, nameB] = [name(a), name(b)];
  return nameA === nameB ? { a: `a: ${nameA}`, b: `b: ${nameB}` } : { a: nameA, b: nameB };
}

export async function runDiff(flags: DiffFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  const outDir = resolve(io.cwd, flags.out);
  const { OutputBatch } = await import('./output.js');
  const batch = flags.format === 'text' ? new OutputBatch(outDir, 'diff', m) : undefined;
  try {
    // Before anything else: a switch a killed run left unfinished is completed.
    if (batch !== undefined && (await batch.recover()).completed && !flags.quiet) {
      io.stderr.write(`cj: ${m.notice}: ${m.outputSwitchCompleted(relative(io.cwd, outDir) || '.')}\n`);
    }
    const [{ compareCohorts }, { cohortLabel }] = await Promise.all([import('../diff/compare.js'), import('../diff/format.js')]);
    const a = await loadCohort(flags.a, flags, io, m);
    const b = await loadCohort(flags.b, flags, io, m);
    const labels = labelsOf(a, b, cohortLabel);
    const diff = compareCohorts(
      a.cohort,
      b.cohort,
      { a: { label: labels.a, ...a.input }, b: { label: labels.b, ...b.input } },
      { alpha: flags.alpha, seed: flags.seed, messages: m, version: cjVersion() },
    );
    const { renderDiffJson } = await import('../render/json.js');
    const json = renderDiffJson(diff);
    if (batch === undefined) {
      io.stdout.write(json);
    } else {
      const [{ renderDiffTerminal }, { renderDiffFigureFiles }] = await Promise.all([
        import('../render/diff-terminal.js'),
        import('../render/diff-figures.js'),
      ]);
      const figures = await renderDiffFigureFiles(diff, m);
      await batch.prepare();
      await batch.write('diff.json', json);
      for (const file of figures) await batch.write(file.name, file.content);
      await batch.commit();
      io.stdout.write(renderDiffTerminal(diff, m, useColor(io.stdout, io.env, flags.color)));
    }
    if (!flags.quiet) {
      for (const input of [diff.a, diff.b]) {
        for (const warning of input.warnings) io.stderr.write(`cj: ${m.notice}: ${safeText(input.label)}: ${safeText(warning.message)}\n`);
      }
      if (batch !== undefined) io.stderr.write(`cj: ${m.diffWritten(relative(io.cwd, outDir) || '.')}\n`);
    }
    return flags.failOnChange && diff.summary.changed ? ExitCode.changed : ExitCode.ok;
  } catch (error) {
    // Leave the folder as it was; main reports the error.
    await batch?.abort();
    throw error;
  }
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('diff')
    .description('compare two cohorts figure by figure and bar by bar, with exact tests for small N')
    .argument('<a>', 'the earlier cohort: a response file (CSV) or a results.json of cj analyse')
    .argument('<b>', 'the later cohort: a response file (CSV) or a results.json of cj analyse')
    .addOption(new Option('-f, --format <format>', 'text: tables here, diff.json and figures in --out; json: one object on stdout').choices(['text', 'json']).default('text'))
    .option('-o, --out <dir>', 'folder for diff.json and diff-figuur-N.svg', 'out')
    .option('--alpha <p>', 'level of the tests, after Holm\'s correction', '0.05')
    .option('--fail-on-change', 'exit 1 when a bar or the mark changed (Holm-adjusted p below --alpha)')
    .option('--seed <n>', 'seed of the Monte-Carlo p where a table is too large to enumerate', '1');
  addInputOptions(addColorOptions(command))
    .addHelpText(
      'after',
      `
Changes are b minus a. Figures are matched by number, bars by column; what only one cohort has
is listed as not compared.

Examples:
  $ cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv
  $ cj diff baseline/results.json new.csv --format json > diff.json
  $ cj diff baseline/results.json new.csv --fail-on-change --alpha 0.01`,
    )
    .action(async (a: string, b: string, raw: RawFlags) => {
      setExit(await runDiff(await normaliseFlags(a, b, raw, io), io));
    });
}
