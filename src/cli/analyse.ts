import { relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { messages } from '../messages.js';
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
    const results = await analyse(source, {
      ...pipelineOptions(flags),
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
        for (const file of await renderFigureFiles(results, { png: flags.png, dpi: flags.dpi, docx: flags.docx, messages: m })) await batch.write(file.name, file.content);
      }
      await batch.commit();
      if (batch instanceof CheckBatch) {
        const { lines, code } = checkReport(batch, where, m);
        for (const line of lines) io.stderr.write(`cj: ${line}\n`);
        return code;
      }
      const { renderTerminal } = await import('../render/terminal.js');
      io.stdout.write(renderTerminal(results, m, useColor(io.stdout, io.env, flags.color)));
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
    .option('--check', 'write nothing: compare what would be written with --out, list what would change, exit 1 if anything would');
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
  $ cj analyse data.csv --allow-column opmerking_medewerker`,
    )
    .action(async (file: string, raw: RawFlags) => {
      setExit(await runAnalyse(await normaliseFlags(file, raw, io), io));
    });
}
