import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DataError, UsageError } from '../errors.js';
import type { Results } from '../count/results.js';
import { messages } from '../messages.js';
import { addInputOptions, LIST_LIMIT, normaliseInputFlags, type InputFlags, type RawInputFlags } from './common.js';
import { cjVersion, useColor, type Io } from './io.js';

/** The flags of `cj merge`, validated once and frozen. */
export interface MergeFlags extends InputFlags {
  readonly files: readonly string[];
  readonly out?: string;
  readonly format: 'text' | 'json';
}

interface RawFlags extends RawInputFlags {
  out?: string;
  format: string;
}

async function normaliseFlags(files: string[], raw: RawFlags, io: Io): Promise<MergeFlags> {
  const m = messages[raw.lang === 'en' ? 'en' : 'nl'];
  if (files.length < 2) throw new UsageError('CJ_USAGE', m.mergeTooFew(files.length));
  return Object.freeze({
    ...(await normaliseInputFlags(raw, io)),
    files,
    ...(raw.out === undefined ? {} : { out: raw.out }),
    format: raw.format as MergeFlags['format'],
  });
}

export async function runMerge(flags: MergeFlags, io: Io): Promise<number> {
  const m = messages[flags.lang];
  const [{ readResultsFile, cohortFromJson }, { mergeResults }, { renderJson }] = await Promise.all([
    import('../diff/cohort.js'),
    import('../count/merge.js'),
    import('../render/json.js'),
  ]);
  const parts = [];
  for (const path of flags.files) {
    // Named as given, or by the base name when absolute: no machine's folders in the output.
    const file = isAbsolute(path) ? basename(path) : path;
    let bytes: Buffer;
    try {
      bytes = await readResultsFile(resolve(io.cwd, path), file, m);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError('CJ_NO_SUCH_FILE', m.noSuchFile(file), { file });
    }
    const text = bytes.toString('utf8');
    // The checks cj diff makes of a results.json (bounds, sums, keys), before anything is added.
    await cohortFromJson(text, file, m);
    const results = JSON.parse(text.replace(/^\uFEFF/, '')) as Results;
    parts.push({ file, sha256: createHash('sha256').update(bytes).digest('hex'), results });
  }
  const { results, sampled } = mergeResults(flags.survey, parts, { messages: m, version: cjVersion(), minCell: flags.minCell, listLimit: LIST_LIMIT });
  const json = renderJson(results);
  if (flags.out !== undefined) await writeFile(resolve(io.cwd, flags.out), json);
  if (flags.format === 'json' || flags.out === undefined) io.stdout.write(json);
  else {
    const [{ renderTerminal }, { renderBreakdownTerminal }] = await Promise.all([import('../render/terminal.js'), import('../render/breakdown-terminal.js')]);
    const color = useColor(io.stdout, io.env, undefined);
    io.stdout.write(renderTerminal(results, m, color) + renderBreakdownTerminal(results, m, color, false));
  }
  if (!flags.quiet) {
    if (sampled) io.stderr.write(`cj: ${m.notice}: ${m.mergeSampled}\n`);
    io.stderr.write(`cj: ${m.mergedFrom(parts.length)}\n`);
  }
  return 0;
}

export function registerMerge(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('merge')
    .description('add up results.json files of one survey definition exactly (counts, left-out answers, marks, groups)')
    .argument('<results...>', 'two or more results.json files of cj analyse, of the same definition and different respondents')
    .option('-o, --out <file>', 'write the merged results.json here (and the tables to the terminal); default: the JSON on stdout')
    .addOption(new Option('-f, --format <format>', 'with --out: text (tables) or json on stdout').choices(['text', 'json']).default('text'));
  addInputOptions(command, { readsResponses: false })
    .addHelpText(
      'after',
      `
Each results.json keeps a fingerprint of its respondents (salted hashes, never the codes): results
that share a respondent, or come from another definition (--survey) or other --by, are refused.

Examples:
  $ cj merge haarlem/results.json zandvoort/results.json -o kto/results.json --survey kto.json
  $ cj merge jan.json feb.json mrt.json > kwartaal.json`,
    )
    .action(async (files: string[], raw: RawFlags) => {
      setExit(await runMerge(await normaliseFlags(files, raw, io), io));
    });
}
