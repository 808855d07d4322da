import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Cohort } from '../diff/cohort.js';
import type { DiffInput } from '../diff/types.js';
import type { FigureFile } from '../render/figures.js';
import { ExitCode } from '../errors.js';
import { messages, type Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { addColorOptions, addInputOptions, fileSource, normaliseInputFlags, normaliseTestFlags, pipelineOptions, type InputFlags, type RawInputFlags } from './common.js';
import { cjVersion, useColor, type Io } from './io.js';
import type { AnalyseApart, OrdinalWork } from './analyse-worker.js';
import type { OrdinalJob } from '../diff/bar.js';
import type { MannWhitneyResult } from '../stats/index.js';
import { takeEarlyWorker } from './early-worker.js';
import { receivedError, type SentError } from './worker-errors.js';
import type { Results } from '../count/results.js';
import type { OutputKind } from './output.js';

/** Where `cj diff` and `cj trend` write without --out: folders of their own, never analyse's `out/`. */
export const DEFAULT_OUT: Readonly<Record<Exclude<OutputKind, 'analyse'>, string>> = { diff: 'cj-diff', trend: 'cj-trend' };

/** The output flags `cj diff` and `cj trend` share with `cj analyse`. */
export interface OutputFlags {
  readonly format: 'text' | 'json';
  readonly out: string;
  readonly png: boolean;
  readonly check: boolean;
  readonly quiet: boolean;
}

/** A run's output folder: its files written through the journal, or compared with --check. */
export interface RunOutputs {
  /** The folder as the messages name it, relative to the working directory. */
  readonly where: string;
  /** Writes the files (or compares them, --check): the exit code of --check, or null once written. */
  finish(files: readonly FigureFile[]): Promise<number | null>;
  /** Leaves the folder as it was after a failed run. */
  abort(): Promise<void>;
}

/**
 * The output folder of a diff or trend run, as `cj analyse` keeps its own: a switch a killed run
 * left unfinished completed first (never by --check), then one journaled batch, so a failed run
 * leaves the earlier outputs whole. Undefined for `--format json` without --check: nothing is written.
 */
export async function openOutputs(kind: OutputKind, flags: OutputFlags, io: Io, m: Messages): Promise<RunOutputs | undefined> {
  if (flags.format === 'json' && !flags.check) return undefined;
  const outDir = resolve(io.cwd, flags.out);
  const where = relative(io.cwd, outDir) || '.';
  const { CheckBatch, OutputBatch, checkReport } = await import('./output.js');
  const batch = flags.check ? new CheckBatch(outDir, kind) : new OutputBatch(outDir, kind, m);
  if (batch instanceof OutputBatch && (await batch.recover()).completed && !flags.quiet) io.stderr.write(`cj: ${m.notice}: ${m.outputSwitchCompleted(where)}\n`);
  return {
    where,
    finish: async (files) => {
      await batch.prepare();
      for (const file of files) await batch.write(file.name, file.content);
      await batch.commit();
      if (!(batch instanceof CheckBatch)) return null;
      const { lines, code } = checkReport(batch, where, m);
      for (const line of lines) io.stderr.write(`cj: ${line}\n`);
      return code;
    },
    abort: () => batch.abort(),
  };
}

/** The flags of `cj diff`, validated once and frozen (STYLE.md: options are normalised once). */
export interface DiffFlags extends InputFlags, OutputFlags {
  readonly a: string;
  readonly b: string;
  readonly alpha: number;
  readonly seed: number;
  readonly failOnChange: boolean;
  readonly color: boolean | undefined;
}

/** The output flags as commander gives them. */
export interface RawOutputFlags {
  format: string;
  out?: string;
  png?: boolean;
  check?: boolean;
}

interface RawFlags extends RawInputFlags, RawOutputFlags {
  alpha: string;
  seed: string;
  failOnChange?: boolean;
  color?: boolean;
}

/** --format, --out (default the command's own folder), --png and --check, normalised once. */
export function normaliseOutputFlags(kind: keyof typeof DEFAULT_OUT, raw: RawOutputFlags): Omit<OutputFlags, 'quiet'> {
  return { format: raw.format as OutputFlags['format'], out: raw.out ?? DEFAULT_OUT[kind], png: raw.png === true, check: raw.check === true };
}

/** Adds --format, --out, --png and --check to `cj diff` or `cj trend`. */
export function addOutputOptions(command: Command, kind: keyof typeof DEFAULT_OUT, m: { readonly json: string; readonly files: string }): Command {
  return command
    .addOption(new Option('-f, --format <format>', `text: tables here, ${m.files} in --out; json: ${m.json}`).choices(['text', 'json']).default('text'))
    .option('-o, --out <dir>', `folder for ${m.files} (default: ${DEFAULT_OUT[kind]}/, never the out/ of cj analyse)`)
    .option('--png', 'also write each figure as PNG')
    .option('--check', 'write nothing: compare what would be written with --out, list what would change, exit 1 if anything would');
}

async function normaliseFlags(a: string, b: string, raw: RawFlags, io: Io): Promise<DiffFlags> {
  const { alpha, seed } = normaliseTestFlags(raw);
  return Object.freeze({
    ...(await normaliseInputFlags(raw, io)),
    ...normaliseOutputFlags('diff', raw),
    a,
    b,
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

/** A response file being analysed in a worker thread (analyse-worker.ts): its results, and how to stop it. */
export interface AnalysedApart {
  readonly results: Promise<Results>;
  /**
   * With `ordinals` asked for: the ordinal tests of `jobs` run in the thread once its results are
   * sent (ordinalTest of each), while this thread runs the bars' other tests; rejected when the
   * worker stopped with its results (ORDINALS_APART_MAX_RESPONDENTS). Call once, after the results.
   */
  readonly ordinalTests: (jobs: readonly OrdinalJob[], alpha: number, seed: number) => Promise<(MannWhitneyResult | null)[]>;
  readonly stop: () => void;
}

/**
 * Up to this many respondents in the file read apart, its worker thread runs the ordinal tests
 * after it (ordinalTests); the worker of a larger file stops as it sends its results. Its heap,
 * grown with the reading, would stay beside this thread's while that compares (two files of 1M
 * respondents: a peak RSS of 180 MB against 137), and there the tests are a small part of the run.
 */
const ORDINALS_APART_MAX_RESPONDENTS = 250_000;

/**
 * Starts analysing `path` in a worker thread, when it is a regular file that is no results.json
 * and the built CLI has the worker's module; undefined otherwise (the file is then read in turn,
 * and every refusal of it is made there, as before).
 */
export async function analyseApart(path: string, flags: InputFlags, io: Io, ordinals = false): Promise<AnalysedApart | undefined> {
  const script = new URL('./analyse-worker.cjs', import.meta.url);
  const absolute = resolve(io.cwd, path);
  try {
    if (!(await stat(script)).isFile() || !(await stat(absolute)).isFile() || (await isResultsJson(absolute))) return undefined;
  } catch {
    return undefined;
  }
  const workerData: AnalyseApart = { path, cwd: io.cwd, flags, ordinals };
  // The worker started with the process when there is one (its start overlapped the CLI's).
  const early = takeEarlyWorker();
  early?.postMessage(workerData);
  const worker = early ?? new (await import('node:worker_threads')).Worker(script, { workerData });
  let kept = false;
  const results = new Promise<Results>((resolveResults, reject) => {
    worker.once('message', (message: { results: Results } | { error: SentError }) => {
      if ('results' in message) resolveResults(message.results);
      else reject(receivedError(message.error));
      kept = ordinals && 'results' in message && message.results.input.respondents <= ORDINALS_APART_MAX_RESPONDENTS;
      if (!kept) void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker analysing ${path} ended (exit code ${code}) before it sent its results`)));
  });
  // Not awaited when the first file fails: that error is the one reported.
  results.catch(() => undefined);
  const ordinalTests = (jobs: readonly OrdinalJob[], alpha: number, seed: number): Promise<(MannWhitneyResult | null)[]> =>
    new Promise((resolveTests, reject) => {
      if (!kept) {
        reject(new Error('the worker was stopped with its results'));
        return;
      }
      worker.once('message', (message: { ordinals: (MannWhitneyResult | null)[] } | { error: SentError }) => {
        if ('ordinals' in message) resolveTests(message.ordinals);
        else reject(receivedError(message.error));
      });
      worker.once('exit', () => reject(new Error('the worker ended before it sent the ordinal tests')));
      worker.postMessage({ jobs, alpha, seed } satisfies OrdinalWork);
    });
  return { results, ordinalTests, stop: () => void worker.terminate() };
}

/** One side of the comparison: a results.json read and checked, or a response file analysed (or being analysed apart). */
export async function loadCohort(path: string, flags: InputFlags, io: Io, m: Messages, apart?: AnalysedApart): Promise<LoadedCohort> {
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
  const results = apart === undefined ? await analyse(source, pipelineOptions(flags)) : await apart.results;
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

export async function runDiff(flags: DiffFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  // Before anything else: a switch a killed run left unfinished is completed.
  const outputs = await openOutputs('diff', flags, io, m);
  let apart: AnalysedApart | undefined;
  try {
    // The second file in a worker thread while this one reads the first (two cores: about the time of one).
    apart = await analyseApart(flags.b, flags, io, true);
    const [{ compareCohorts, contingencyTests, ordinalJobs }, { namingPath, waveLabels }] = await Promise.all([import('../diff/compare.js'), import('../diff/labels.js')]);
    const a = await loadCohort(flags.a, flags, io, m);
    const b = await loadCohort(flags.b, flags, io, m, apart);
    const [labelA = 'a', labelB = 'b'] = waveLabels(
      [
        { path: namingPath(flags.a, a.input.countedFrom?.file), survey: a.input.survey },
        { path: namingPath(flags.b, b.input.countedFrom?.file), survey: b.input.survey },
      ],
      ['a', 'b'],
    );
    // With the second file read apart, that thread runs the bars' ordinal tests while this one
    // runs their table tests (the same functions on the same counts and seeds: the same numbers).
    const compareOptions = { alpha: flags.alpha, seed: flags.seed, messages: m, version: cjVersion() };
    let tests = {};
    if (apart !== undefined) {
      const ordinal = apart.ordinalTests(ordinalJobs(a.cohort, b.cohort), flags.alpha, flags.seed).catch(() => undefined);
      tests = { contingency: contingencyTests(a.cohort, b.cohort, compareOptions), ordinal: await ordinal };
      apart.stop();
    }
    const diff = compareCohorts(a.cohort, b.cohort, { a: { label: labelA, ...a.input }, b: { label: labelB, ...b.input } }, compareOptions, tests);
    const { renderDiffJson } = await import('../render/json.js');
    const json = renderDiffJson(diff);
    if (outputs === undefined) {
      io.stdout.write(json);
    } else {
      const [{ renderDiffTerminal }, { renderDiffFigureFiles }] = await Promise.all([
        import('../render/diff-terminal.js'),
        import('../render/diff-figures.js'),
      ]);
      const files = [{ name: 'diff.json', content: json }, ...(await renderDiffFigureFiles(diff, { png: flags.png, messages: m }))];
      const checked = await outputs.finish(files);
      if (checked !== null) return checked;
      io.stdout.write(renderDiffTerminal(diff, m, useColor(io.stdout, io.env, flags.color)));
    }
    if (!flags.quiet) {
      for (const input of [diff.a, diff.b]) {
        for (const warning of input.warnings) io.stderr.write(`cj: ${m.notice}: ${safeText(input.label)}: ${safeText(warning.message)}\n`);
      }
      if (outputs !== undefined) io.stderr.write(`cj: ${m.diffWritten(outputs.where)}\n`);
    }
    return flags.failOnChange && diff.summary.changed ? ExitCode.changed : ExitCode.ok;
  } catch (error) {
    apart?.stop();
    // Leave the folder as it was; main reports the error.
    await outputs?.abort();
    throw error;
  }
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('diff')
    .description('compare two cohorts figure by figure and bar by bar, with exact tests for small N')
    .argument('<a>', 'the earlier cohort: a response file (CSV) or a results.json of cj analyse')
    .argument('<b>', 'the later cohort: a response file (CSV) or a results.json of cj analyse')
    .option('--alpha <p>', 'level of the tests, after Holm\'s correction', '0.05')
    .option('--fail-on-change', 'exit 1 when a bar or the mark changed (Holm-adjusted p below --alpha)')
    .option('--seed <n>', 'seed of the Monte-Carlo p where a table is too large to enumerate', '1');
  addInputOptions(addColorOptions(addOutputOptions(command, 'diff', { files: 'diff.json, diff-figuur-N.svg and index.html', json: 'one object on stdout' })))
    .addHelpText(
      'after',
      `
Changes are b minus a. Figures are matched by number, bars by column; what only one cohort has
is listed as not compared. Cohorts are named by their survey definitions when these differ, else
by the part of the file names that differs (haarlem-2016.csv, haarlem-2017.csv: 2016, 2017).

Examples:
  $ cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv             tables; files in cj-diff/
  $ cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv --png --out vergelijking
  $ cj diff 2016/results.json 2017/results.json --out vergelijking --check   in CI
  $ cj diff baseline/results.json new.csv --format json > diff.json
  $ cj diff baseline/results.json new.csv --fail-on-change --alpha 0.01`,
    )
    .action(async (a: string, b: string, raw: RawFlags) => {
      setExit(await runDiff(await normaliseFlags(a, b, raw, io), io));
    });
}
