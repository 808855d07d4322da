import { jsonText, safeText } from '../safe-text.js';
import { Option, type Command } from 'commander';
import type { TrendWave } from '../diff/trend.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { addColorOptions, addInputOptions, normaliseInputFlags, normaliseTestFlags, type InputFlags, type RawInputFlags } from './common.js';
import { addOutputOptions, analyseApart, loadCohort, normaliseOutputFlags, openOutputs, type LoadedCohort, type OutputFlags, type RawOutputFlags } from './diff.js';
import { cjVersion, useColor, type Io } from './io.js';

/** The flags of `cj trend`, validated once and frozen. */
export interface TrendFlags extends InputFlags, OutputFlags {
  readonly waves: readonly string[];
  readonly labels: readonly string[];
  readonly alpha: number;
  readonly seed: number;
  readonly color: boolean | undefined;
}

interface RawFlags extends RawInputFlags, RawOutputFlags {
  label: string[];
  alpha: string;
  seed: string;
  color?: boolean;
}

async function normaliseFlags(waves: string[], raw: RawFlags, io: Io): Promise<TrendFlags> {
  const m = messages[raw.lang === 'en' ? 'en' : 'nl'];
  if (waves.length < 2) throw new UsageError('CJ_USAGE', m.trendTooFew(waves.length));
  if (raw.label.length > 0 && raw.label.length !== waves.length) throw new UsageError('CJ_USAGE', m.trendBadLabels(raw.label.length, waves.length));
  const { alpha, seed } = normaliseTestFlags(raw);
  return Object.freeze({
    ...(await normaliseInputFlags(raw, io)),
    ...normaliseOutputFlags('trend', raw),
    waves,
    labels: raw.label,
    alpha,
    seed,
    color: raw.color,
  });
}

export async function runTrend(flags: TrendFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  // Before anything else: a switch a killed run left unfinished is completed.
  const outputs = await openOutputs('trend', flags, io, m);
  try {
    const [{ trendOfWaves }, { namingPath, waveLabels }] = await Promise.all([import('../diff/trend.js'), import('../diff/labels.js')]);
    const loaded: LoadedCohort[] = [];
    for (let i = 0; i < flags.waves.length; i += 2) {
      const [path = '', next] = [flags.waves[i], flags.waves[i + 1]];
      // Two waves at a time: the second in a worker thread while this one reads the first (two
      // cores: the pair in about the time of one). Its error, if any, is thrown where reading in
      // turn would throw it.
      const apart = next === undefined ? undefined : await analyseApart(next, flags, io);
      try {
        loaded.push(await loadCohort(path, flags, io, m));
        if (next !== undefined) loaded.push(await loadCohort(next, flags, io, m, apart));
      } finally {
        apart?.stop();
      }
    }
    const labels =
      flags.labels.length > 0
        ? flags.labels
        : waveLabels(
            loaded.map((wave, i) => ({ path: namingPath(flags.waves[i] ?? wave.input.file, wave.input.countedFrom?.file), survey: wave.input.survey })),
            loaded.map((_, i) => String(i + 1)),
          );
    const waves: TrendWave[] = loaded.map((wave, i) => ({
      label: labels[i] ?? String(i + 1),
      file: wave.input.file,
      respondents: wave.input.respondents,
    }));
    const trend = trendOfWaves(
      loaded.map((wave) => wave.cohort),
      waves,
      { alpha: flags.alpha, seed: flags.seed, version: cjVersion(), messages: m },
    );
    const json = `${jsonText(trend)}\n`;
    if (outputs === undefined) {
      io.stdout.write(json);
    } else {
      const [{ renderTrendTerminal }, { renderTrendFiles }] = await Promise.all([import('../render/diff-trend-terminal.js'), import('../render/trend-figures.js')]);
      const files = [{ name: 'trend.json', content: json }, ...(await renderTrendFiles(trend, { png: flags.png, messages: m }))];
      const checked = await outputs.finish(files);
      if (checked !== null) return checked;
      io.stdout.write(renderTrendTerminal(trend, m, useColor(io.stdout, io.env, flags.color)));
    }
    if (!flags.quiet) {
      loaded.forEach((wave, i) => {
        for (const warning of wave.input.warnings) io.stderr.write(`cj: ${m.notice}: ${safeText(waves[i]?.label ?? '')}: ${safeText(warning.message)}\n`);
      });
      if (outputs !== undefined) io.stderr.write(`cj: ${m.trendWritten(outputs.where)}\n`);
    }
    return ExitCode.ok;
  } catch (error) {
    // Leave the folder as it was; main reports the error.
    await outputs?.abort();
    throw error;
  }
}

export function registerTrend(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('trend')
    .description('one survey over several waves: shares per wave with intervals, an exact trend test per bar, the grade per wave')
    .argument('<waves...>', 'the waves in order, oldest first: response files (CSV) or results.json of cj analyse')
    .addOption(
      new Option('--label <name>', "name of a wave, once per wave in the same order; without it the definitions' names, or the words of the file names that differ")
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([] as string[], 'none'),
    )
    .option('--alpha <p>', "level of the trend tests, after Holm's correction", '0.05')
    .option('--seed <n>', 'seed of the Monte-Carlo p where a table is too large for the exact test', '1');
  addInputOptions(addColorOptions(addOutputOptions(command, 'trend', { files: 'trend.json, trend-figuur-N.svg and index.html', json: 'one object on stdout' })))
    .addHelpText(
      'after',
      `
Waves are named by their survey definitions when these differ, else by the part of the file
names that differs (haarlem-2016.csv … haarlem-2018.csv: 2016 … 2018); --label names them yourself.

Examples:
  $ cj trend fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv fixtures/haarlem-2018.csv   files in cj-trend/
  $ cj trend fixtures/haarlem-201{6,7,8}.csv --png --out trend
  $ cj trend 2016/results.json 2017/results.json new.csv --label 2016 --label 2017 --label 2018 --format json`,
    )
    .action(async (waves: string[], raw: RawFlags) => {
      setExit(await runTrend(await normaliseFlags(waves, raw, io), io));
    });
}
