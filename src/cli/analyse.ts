import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DataError, UsageError } from '../errors.js';
import { messages, type Messages } from '../messages.js';
import { csvLine } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { DEFAULT_DPI, DPI_RANGE, PRINTED_WIDTH_CM } from '../render/print-size.js';
import { safeText } from '../safe-text.js';
import { addColorOptions, addInputOptions, fileSource, normaliseInputFlags, pipelineOptions, type InputFlags, type RawInputFlags } from './common.js';
import { useColor, type Io } from './io.js';
import type { OutputSink } from './output.js';

/** The flags of `cj analyse`, validated once and frozen (STYLE.md: options are normalised once). */
export interface AnalyseFlags extends InputFlags {
  readonly file: string;
  readonly format: 'text' | 'json';
  readonly out: string;
  readonly color: boolean | undefined;
  readonly png: boolean;
  /** Dots per inch of the PNGs at the figure's printed width (16 cm). */
  readonly dpi: number;
  readonly docx: boolean;
  readonly figures: boolean;
  readonly check: boolean;
  /** --by: split every figure by this column. */
  readonly by?: string;
  /** --summary: the range of satisfaction per figure and in all ("between 70% and 85%"). */
  readonly summary: boolean;
  /** --previous: last year's results.json, for the change in response rate. */
  readonly previous?: string;
  /** --suppress: mask small counts of breakdowns in the figures, page and CSV. */
  readonly suppress: boolean;
  /** --labels: what the numbers inside the segments say. */
  readonly labels?: 'percent' | 'count' | 'both';
  /** --layout: stacked (the report's) or diverging around neutral. */
  readonly layout: 'stacked' | 'diverging';
}

interface RawFlags extends RawInputFlags {
  format: string;
  out: string;
  color?: boolean;
  png?: boolean;
  dpi?: string;
  docx?: boolean;
  figures: boolean;
  check?: boolean;
  by?: string;
  summary?: boolean;
  previous?: string;
  suppress?: boolean;
  labels?: string;
  layout: string;
}

const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/** --dpi as a whole number in DPI_RANGE; given, it asks for PNGs as well. */
function dpiOf(raw: RawFlags, lang: keyof typeof messages): number {
  if (raw.dpi === undefined) return DEFAULT_DPI;
  const dpi = Number(raw.dpi);
  if (!Number.isInteger(dpi) || dpi < DPI_RANGE.min || dpi > DPI_RANGE.max) {
    throw new UsageError('CJ_USAGE', messages[lang].report.badDpi(raw.dpi, DPI_RANGE.min, DPI_RANGE.max));
  }
  return dpi;
}

async function normaliseFlags(file: string, raw: RawFlags, io: Io): Promise<AnalyseFlags> {
  const input = await normaliseInputFlags(raw, io);
  return Object.freeze({
    ...input,
    file,
    format: raw.format as AnalyseFlags['format'],
    out: raw.out,
    color: raw.color,
    png: raw.png === true || raw.dpi !== undefined,
    dpi: dpiOf(raw, input.lang),
    docx: raw.docx === true,
    figures: raw.figures,
    check: raw.check === true,
    ...(raw.by === undefined ? {} : { by: raw.by.trim().toLowerCase() }),
    summary: raw.summary === true,
    suppress: raw.suppress === true,
    ...(raw.labels === undefined ? {} : { labels: raw.labels as 'percent' | 'count' | 'both' }),
    layout: raw.layout as AnalyseFlags['layout'],
    ...(raw.previous === undefined ? {} : { previous: raw.previous }),
  });
}

export async function runAnalyse(flags: AnalyseFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  const toFiles = flags.format === 'text' || flags.check;
  const outDir = resolve(io.cwd, flags.out);
  const where = relative(io.cwd, outDir) || '.';
  // The output folder's code loads only when a run writes or checks one (start-up time).
  const { CheckBatch, OutputBatch, checkReport } = await import('./output.js');
  const batch: OutputSink | undefined = !toFiles ? undefined : flags.check ? new CheckBatch(outDir, 'analyse') : new OutputBatch(outDir, 'analyse', m);
  // Before anything else: a switch a killed run left unfinished is completed (never by --check).
  if (batch instanceof OutputBatch && (await batch.recover()).completed && !flags.quiet) {
    io.stderr.write(`cj: ${m.notice}: ${m.outputSwitchCompleted(where)}\n`);
  }
  const { source, size } = await fileSource(flags.file, io, m);
  await batch?.prepare();
  const exclusionsFile = batch?.appender('exclusions.csv');
  const header = csvLine(['respondent', 'line', 'column', 'step', 'rule']);
  exclusionsFile?.write(header);
  const showProgress = io.stderr.isTTY === true && size > PROGRESS_MIN_BYTES && !flags.quiet;
  try {
    // The parser loads only when a file is analysed, the terminal renderer (and chalk) only when a
    // run writes a folder: JSON on stdout needs neither (start-up time and ~5 MB of memory).
    const { analyse } = await import('../pipeline.js');
    const previous = flags.previous === undefined ? undefined : await readPrevious(flags.previous, io, m);
    const results = await analyse(source, {
      ...pipelineOptions(flags),
      ...(flags.by === undefined ? {} : { by: flags.by }),
      ...(previous === undefined ? {} : { previous }),
      suppress: flags.suppress,
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
      if (flags.figures) {
        // vega, vega-lite and resvg load only here: the JSON and --help never pay for them.
        const { renderFigureFiles } = await import('../render/figures.js');
        for (const file of await renderFigureFiles(results, {
          png: flags.png,
          dpi: flags.dpi,
          docx: flags.docx,
          messages: m,
          layout: flags.layout,
          ...(flags.labels === undefined ? {} : { labels: flags.labels }),
        })) await batch.write(file.name, file.content);
      }
      await batch.commit();
      if (batch instanceof CheckBatch) {
        const { lines, code } = checkReport(batch, where, m);
        for (const line of lines) io.stderr.write(`cj: ${line}\n`);
        return code;
      }
      const [{ renderTerminal }, { renderBreakdownTerminal }] = await Promise.all([import('../render/terminal.js'), import('../render/breakdown-terminal.js')]);
      const color = useColor(io.stdout, io.env, flags.color);
      io.stdout.write(renderTerminal(results, m, color));
      io.stdout.write(renderBreakdownTerminal(results, m, color, flags.summary));
    }
    if (!flags.quiet) {
      for (const warning of results.warnings) io.stderr.write(`cj: ${m.notice}: ${safeText(warning.message)}\n`);
      if (batch !== undefined) io.stderr.write(`cj: ${m.written(where)}\n`);
    }
    return 0;
  } catch (error) {
    // Leave the folder as it was; main reports the error.
    await batch?.abort();
    if (showProgress) io.stderr.write('\r\u001b[K');
    throw error;
  }
}

/** Last year's respondents and population from its results.json (--previous). */
async function readPrevious(path: string, io: Io, m: Messages): Promise<{ respondents: number; size: number; source: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(io.cwd, path), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError('CJ_UNREADABLE', code === undefined ? m.mergeNotResults(path) : m.unreadable(path, code), { file: path });
  }
  const population = (parsed as { population?: { respondents?: unknown; size?: unknown } } | null)?.population;
  const { respondents, size } = population ?? {};
  if (typeof respondents !== 'number' || typeof size !== 'number' || !Number.isInteger(respondents) || !Number.isInteger(size) || size < respondents || size < 1) {
    throw new DataError('CJ_NO_POPULATION', m.previousNotComparable(path), { file: path });
  }
  return { respondents, size, source: basename(path) === 'results.json' ? path : basename(path) };
}

export function registerAnalyse(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('analyse')
    .alias('analyze')
    .description('check a response file, apply the exclusion rules, count every figure and the grade')
    .argument('<file>', 'anonymised response file (CSV: , ; or tab; UTF-8 or Windows-1252)')
    .addOption(new Option('-f, --format <format>', 'text: tables here, results in --out; json: one object on stdout').choices(['text', 'json']).default('text'))
    .option('-o, --out <dir>', 'folder for results.json, exclusions.csv, the figures, index.html and rapport.html', 'out')
    .option('--png', `also write each figure as PNG, ${DEFAULT_DPI} dpi at its printed width (${PRINTED_WIDTH_CM} cm, the text width of A4)`)
    .option('--dpi <n>', `dots per inch of the PNGs (${DPI_RANGE.min}–${DPI_RANGE.max}; implies --png)`)
    .option('--docx', 'also write rapport.docx: the publication page as a Word document')
    .option('--no-figures', 'write results.json and exclusions.csv only, no SVG, spec or page')
    .option('--check', 'write nothing: compare what would be written with --out, list what would change, exit 1 if anything would')
    .option('--by <column>', 'split every figure by the values of this column (a background or rating column)')
    .option('--summary', 'say the range of satisfaction per figure and in all ("tussen 70% en 85%")')
    .option('--previous <results.json>', "last year's results.json: compare the response rate")
    .option('--suppress', 'with --by: mask counts below --min-cell, and those that would reveal them, in the figures, page and CSV')
    .addOption(new Option('--labels <what>', 'numbers inside the bars: percent, count or both (default: count; percent in breakdowns)').choices(['percent', 'count', 'both']))
    .addOption(new Option('--layout <layout>', 'stacked (the report\'s) or diverging: centred on neutral, n.v.t. apart').choices(['stacked', 'diverging']).default('stacked'));
  addInputOptions(addColorOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ cj analyse data.csv
  $ cj analyse data.csv --format json > results.json
  $ cj analyse data.csv --png --out rapport
  $ cj analyse data.csv --dpi 600            PNGs for a print shop
  $ cj analyse data.csv --docx               rapport.docx to paste into the house style
  $ cj analyse data.csv --check              in CI: fail when a figure would change
  $ cj analyse data.csv --allow-column opmerking_medewerker
  $ cj analyse kto.csv --survey kto.json --by gemeente --summary
  $ cj analyse kto.csv --survey kto.json --previous vorig-jaar/results.json
  $ cj analyse kto.csv --survey kto.json --by gemeente --suppress --min-cell 5
  $ cj analyse data.csv --layout diverging --labels both`,
    )
    .action(async (file: string, raw: RawFlags) => {
      setExit(await runAnalyse(await normaliseFlags(file, raw, io), io));
    });
}
