import { randomBytes } from 'node:crypto';
import { readSync, type Stats } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DataError, UsageError } from '../errors.js';
import type { ByteSource } from '../input/records.js';
import { messages, type Lang, type Messages } from '../messages.js';
import type { AnalyseOptions } from '../pipeline.js';
import type { Survey } from '../survey/load.js';
import { cjVersion, type Io } from './io.js';

/** Exclusions kept in the JSON; beyond this the JSON keeps counts and exclusions.csv the list. */
export const LIST_LIMIT = 10_000;

/** The flags every command that reads a response file shares. */
export interface InputFlags {
  readonly lang: Lang;
  readonly survey: Survey;
  readonly allowColumns: ReadonlySet<string>;
  readonly maxErrors: number;
  readonly minCell: number;
  readonly quiet: boolean;
  readonly debug: boolean;
  /** --sheet: which sheet of a workbook to read. */
  readonly sheet?: string;
}

export interface RawInputFlags {
  lang: string;
  survey?: string;
  /** Absent for a command that reads no response files (cj merge). */
  allowColumn?: string[];
  maxErrors?: string;
  minCell: string;
  quiet?: boolean;
  debug?: boolean;
  sheet?: string;
}

/** --max-errors when not given. */
const DEFAULT_MAX_ERRORS = 50;

/**
 * The options every command shares; those of reading response files (--allow-column,
 * --max-errors, --sheet) only where a command reads them (not cj merge, which reads results).
 */
export function addInputOptions(command: Command, { readsResponses = true }: { readsResponses?: boolean } = {}): Command {
  command
    .addOption(new Option('--lang <lang>', 'language of captions, footnotes and terminal text').choices(['nl', 'en']).default('nl'))
    .option('--survey <file>', 'survey definition (JSON); default: the built-in Haarlem 2016 study');
  if (readsResponses) {
    command
      .option('--allow-column <name>', 'a column you vouch holds no personal data (repeatable)', (value: string, all: string[]) => [...all, value], [])
      .option('--max-errors <n>', 'stop after this many data errors', String(DEFAULT_MAX_ERRORS));
  }
  command
    .option('--min-cell <n>', 'warn when a group reported apart has a count below this (privacy)', '3')
    .option('-q, --quiet', 'no notices on stderr')
    .option('--debug', 'print the stack trace of internal errors');
  return readsResponses ? command.option('--sheet <name|n>', 'the sheet of an Excel workbook to read, by name or number (default: the first)') : command;
}

/** The flags of the commands that test (cj diff, cj trend): the level after Holm, the Monte-Carlo seed. */
export interface TestFlags {
  readonly alpha: number;
  readonly seed: number;
}

/** Validates --alpha (strictly between 0 and 1) and --seed (a whole number ≥ 0). */
export function normaliseTestFlags(raw: { alpha: string; seed: string; lang?: string }): TestFlags {
  const m = messages[raw.lang === 'en' ? 'en' : 'nl'];
  const alpha = Number(raw.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UsageError('CJ_USAGE', m.diffBadAlpha(raw.alpha));
  const seed = Number(raw.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('CJ_USAGE', m.diffBadSeed(raw.seed));
  return { alpha, seed };
}

/** Both colour options: on a terminal by default, `--color` to force, `--no-color` (and NO_COLOR) to refuse. */
export function addColorOptions(command: Command): Command {
  return command.option('--color', 'colour even when not on a terminal').option('--no-color', 'never colour (so does NO_COLOR)');
}

/** Validates the shared flags once; a survey definition is loaded and checked here. */
export async function normaliseInputFlags(raw: RawInputFlags, io: Io): Promise<InputFlags> {
  const lang = raw.lang as Lang;
  const wholeNumber = (option: string, value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw new UsageError('CJ_USAGE', messages[lang].badOption(option, value));
    return number;
  };
  const maxErrors = wholeNumber('--max-errors', raw.maxErrors ?? String(DEFAULT_MAX_ERRORS));
  const minCell = wholeNumber('--min-cell', raw.minCell);
  const surveyPath = raw.survey;
  // Loaded here, not at start-up: `cj --help` must not pay for reading definitions.
  const { builtInSurvey, loadSurveyFile } = await import('../survey/load.js');
  return {
    lang,
    survey:
      surveyPath === undefined
        ? builtInSurvey(messages[lang], lang)
        : await loadSurveyFile(resolve(io.cwd, surveyPath), surveyPath, messages[lang], lang),
    allowColumns: new Set((raw.allowColumn ?? []).map((name) => name.trim().toLowerCase())),
    maxErrors,
    minCell,
    quiet: raw.quiet === true,
    debug: raw.debug === true,
    ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
  };
}

/** The pipeline's options from the shared flags. */
export function pipelineOptions(flags: InputFlags): AnalyseOptions {
  return {
    survey: flags.survey,
    messages: messages[flags.lang],
    version: cjVersion(),
    allowColumns: flags.allowColumns,
    faultLimit: flags.maxErrors,
    listLimit: LIST_LIMIT,
    minCell: flags.minCell,
    ...(flags.sheet === undefined ? {} : { sheet: flags.sheet }),
  };
}

/** A read error as a data error: the input is the user's situation, not a bug (exit 3, not 70). */
function unreadable(error: unknown, path: string, m: Messages): DataError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new DataError('CJ_UNREADABLE', m.unreadable(path, code), { file: path });
}

/**
 * A file on disk as a ByteSource; refuses what is not a readable file before any work starts.
 * A pipe, FIFO or device (`/dev/stdin`) can be read only once: it becomes a spooled source.
 */
export async function fileSource(path: string, io: Pick<Io, 'cwd'>, m: Messages): Promise<{ source: ByteSource; size: number }> {
  const absolute = resolve(io.cwd, path);
  // Results name the file as given, or by its base name when given as an absolute path:
  // no machine's folders in the output.
  const name = isAbsolute(path) ? basename(path) : path;
  let info: Stats;
  try {
    info = await stat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DataError('CJ_NO_SUCH_FILE', m.noSuchFile(path), { file: path });
    throw unreadable(error, path, m);
  }
  if (info.isDirectory()) throw new DataError('CJ_NOT_A_FILE', m.isDirectory(path), { file: path });
  if (!info.isFile()) return { source: spooledSource(absolute, path, name, m), size: 0 };
  return { source: { name, open: () => readChunks(absolute, path, m), size: info.size }, size: info.size };
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A file's bytes in chunks read into one reused buffer: each chunk is valid until the next is
 * asked for (the reader decodes and hashes it at once). A read stream would allocate a new
 * buffer for every chunk, outside the JavaScript heap, and on a file of a million rows those
 * pile up to tens of MB before a collection frees them. A regular file is read synchronously:
 * an asynchronous read waits for a thread of libuv's pool, which on a busy machine left the
 * reader idle for a sixth of a run of a million rows; from the page cache a read takes
 * microseconds.
 */
async function* readChunks(absolute: string, path: string, m: Messages): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(absolute, 'r');
  } catch (error) {
    throw unreadable(error, path, m);
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(handle.fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw unreadable(error, path, m);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * A stream that can be read once (a pipe, a FIFO, a terminal) as a source that can be opened
 * twice: what the first pass reads is copied to a temporary file, so when the bytes turn out
 * not to be UTF-8 the second pass (as Windows-1252) reads that copy and then the rest of the
 * stream. Memory stays one chunk; the copy is unlinked as soon as it is open (on a kill the
 * system frees it) and readable by its owner only.
 */
function spooledSource(absolute: string, path: string, name: string, m: Messages): ByteSource {
  let input: FileHandle | undefined;
  let spool: FileHandle | undefined;
  let spooled = 0;
  let ended = false;
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const read = async (handle: FileHandle, length: number, position: number | null): Promise<number> => {
    try {
      return (await handle.read(buffer, 0, length, position)).bytesRead;
    } catch (error) {
      throw unreadable(error, path, m);
    }
  };
  return {
    name,
    async *open() {
      for (let position = 0; spool !== undefined && position < spooled; ) {
        const bytesRead = await read(spool, Math.min(CHUNK_BYTES, spooled - position), position);
        if (bytesRead === 0) break;
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
      if (ended) return;
      try {
        input ??= await open(absolute, 'r');
        if (spool === undefined) {
          const spoolPath = join(tmpdir(), `.cj-spool-${randomBytes(12).toString('hex')}`);
          spool = await open(spoolPath, 'wx+', 0o600);
          await rm(spoolPath, { force: true });
        }
      } catch (error) {
        throw unreadable(error, path, m);
      }
      for (;;) {
        const bytesRead = await read(input, CHUNK_BYTES, null);
        if (bytesRead === 0) {
          ended = true;
          return;
        }
        await spool.write(buffer, 0, bytesRead, spooled);
        spooled += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    },
    async close() {
      await input?.close();
      await spool?.close();
      input = undefined;
      spool = undefined;
    },
  };
}
