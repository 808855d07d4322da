import { jsonText } from '../safe-text.js';
import { Option, type Command } from 'commander';
import type { TrendWave } from '../diff/trend.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { addColorOptions, addInputOptions, normaliseInputFlags, normaliseTestFlags, type InputFlags, type RawInputFlags } from './common.js';
import { loadCohort } from './diff.js';
import { useColor, type Io } from './io.js';

/** The flags of `cj trend`, validated once and frozen. */
export interface TrendFlags extends InputFlags {
  readonly waves: readonly string[];
  readonly labels: readonly string[];
  readonly format: 'text' | 'json';
  readonly alpha: number;
  readonly seed: number;
  readonly color: boolean | undefined;
}

interface RawFlags extends RawInputFlags {
  label: string[];
  format: string;
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
    waves,
    labels: raw.label,
    format: raw.format as TrendFlags['format'],
    alpha,
    seed,
    color: raw.color,
  });
}

export async function runTrend(flags: TrendFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  const [{ trendOfWaves }, { cohortLabel }] = await Promise.all([import('../diff/trend.js'), import('../diff/format.js')]);
  const loaded = [];
  for (const path of flags.waves) loaded.push(await loadCohort(path, flags, io, m));
  const waves: TrendWave[] = loaded.map((wave, i) => ({
    label: flags.labels[i] ?? cohortLabel(wave.input.countedFrom?.file ?? wave.input.file),
    file: wave.input.file,
    respondents: wave.input.respondents,
  }));
  const trend = trendOfWaves(
    loaded.map((wave) => wave.cohort),
    waves,
    { alpha: flags.alpha, seed: flags.seed },
  );
  if (flags.format === 'json') {
    io.stdout.write(`${jsonText(trend)}\n`);
  } else {
    const { renderTrendTerminal } = await import('../render/diff-trend-terminal.js');
    io.stdout.write(renderTrendTerminal(trend, m, useColor(io.stdout, io.env, flags.color)));
  }
  return ExitCode.ok;
}

export function registerTrend(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('trend')
    .description('one survey over several waves: shares per wave with intervals, an exact trend test per bar, the grade per wave')
    .argument('<waves...>', 'the waves in order, oldest first: response files (CSV) or results.json of cj analyse')
    .addOption(new Option('-f, --format <format>', 'text: tables here; json: one object on stdout').choices(['text', 'json']).default('text'))
    .option('--label <name>', 'name of a wave, once per wave in the same order (default: the file name)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--alpha <p>', "level of the trend tests, after Holm's correction", '0.05')
    .option('--seed <n>', 'seed of the Monte-Carlo p where a table is too large for the exact test', '1');
  addInputOptions(addColorOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ cj trend fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv fixtures/haarlem-2018.csv
  $ cj trend 2016/results.json 2017/results.json new.csv --label 2016 --label 2017 --label 2018 --format json`,
    )
    .action(async (waves: string[], raw: RawFlags) => {
      setExit(await runTrend(await normaliseFlags(waves, raw, io), io));
    });
}
