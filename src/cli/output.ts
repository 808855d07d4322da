import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ExitCode, OutputError } from '../errors.js';
import type { Messages } from '../messages.js';

/*
 * An output folder holds the old set of files or the new set, never a mix, even when a run is
 * killed (kill -9, power cut). A plain folder cannot be swapped in one step, so cj keeps a journal,
 * as databases do:
 *
 *   1. the run writes its files into a staging folder beside the old set (`.cj-staging-<random>`),
 *      and flushes them to disk;
 *   2. it writes the journal (`.cj-journal.json`: the files to install, the files of its previous
 *      run to remove, the manifest to write) to a temporary name, flushes it, renames it into place:
 *      from this moment the switch has happened;
 *   3. it renames each staged file over its final name, removes the files of the previous run that
 *      this one does not write, writes the manifest (`.cj-manifest.json`), removes staging and journal.
 *
 * A run killed before step 2 leaves the old set (and a staging folder the next run removes). A run
 * killed after it leaves a journal: the next run on that folder completes the switch before it does
 * anything else (`recoverOutputFolder`). Completing is idempotent (a file already renamed is
 * skipped), so a run killed while completing is completed by the one after it.
 *
 * cj removes only files its manifest says it wrote, and its own hidden files (recognised by name).
 * Two runs into one folder at the same time are not coordinated (there is no lock that a killed
 * run could not leave behind): the next run's clean-up may remove a live run's staging folder.
 */

/** What cj wrote in this folder, by command (commands given one `--out` share a folder). */
export const MANIFEST_FILE = '.cj-manifest.json';
/** Present only while a switch is under way, or after a run was killed during one. */
export const JOURNAL_FILE = '.cj-journal.json';
const STAGING_PREFIX = '.cj-staging-';
const TEMP_PREFIX = '.cj-tmp-';
/** cj's own hidden files that a killed run leaves: a staging folder, a half-written temp file. */
const LEFTOVER = /^\.cj-(?:staging|tmp)-[0-9a-f]{16}$/;
/** Temporary files of earlier versions of cj (`.<output>.tmp-<pid>`), left by killed runs. */
const LEGACY_TEMP = /^\.(?:results\.json|exclusions\.csv|index\.html|diff\.json|(?:diff-)?figuur-\d+\.(?:svg|png|vl\.json))\.tmp-\d+$/;

/** The commands that write into an output folder; each replaces only its own files. */
export type OutputKind = 'analyse' | 'diff' | 'trend';
const KINDS: readonly OutputKind[] = ['analyse', 'diff', 'trend'];

type Manifest = Partial<Record<OutputKind, readonly string[]>>;

/** The switch from the old set to the new, as recorded in the journal. */
interface Journal {
  /** The staging folder's name, inside the output folder. */
  readonly staging: string;
  readonly install: readonly string[];
  readonly remove: readonly string[];
  /** The manifest's text, written as the last step. */
  readonly manifest: string;
}

/** Called after each step of a commit or recovery: the tests stop a commit there, as a kill would. */
export type StepHook = (step: string) => void;
const noStep: StepHook = () => {};

/** PIDs repeat across containers sharing a folder; 64 random bits do not. */
const randomName = (prefix: string): string => prefix + randomBytes(8).toString('hex');

const errnoOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A name cj may write, replace or remove: a plain file name in the folder, never a path or one of cj's own hidden files. */
function isOutputName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length < 256 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    !name.startsWith('.cj-')
  );
}

const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isOutputName);

/** The file on the way to `path` that is not a folder, for the message; `path` itself when none is found. */
function fileInTheWay(path: string): string {
  for (let current = path; dirname(current) !== current; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return current;
    } catch {
      // not there (yet), or under a file: look one level up
    }
  }
  return path;
}

/**
 * A file-system failure while writing outputs, as the user's situation (exit 5) with a message
 * that says what could not be written. Errors without an errno code (bugs) pass through.
 */
export function outputFault(path: string, error: unknown, m: Messages): unknown {
  const errno = errnoOf(error);
  if (errno === undefined || error instanceof OutputError) return error;
  if (errno === 'ENOTDIR' || errno === 'EEXIST') return new OutputError('CJ_OUTPUT_DIR', m.outputNotFolder(fileInTheWay(path)));
  return new OutputError('CJ_OUTPUT_WRITE', m.outputNotWritable(path, errno));
}

async function guarded<T>(path: string, m: Messages, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw outputFault(path, error, m);
  }
}

/**
 * `mkdir -p` that reports the real reason: Node's recursive mkdir says ENOENT where the file
 * system is read-only. Returns the first folder it created, if any.
 */
export async function makeFolder(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let current = dir; dirname(current) !== current; current = dirname(current)) {
    try {
      await stat(current);
      break;
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') break;
      missing.unshift(current);
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') throw error;
    }
  }
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`not a folder: ${dir}`), { code: 'ENOTDIR' });
  return missing[0];
}

/** Makes a folder's entries (renames, new names) durable; a no-op where a folder cannot be opened (Windows). */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort: the renames themselves are atomic either way
  } finally {
    await handle?.close();
  }
}

/** Flushes a written file to disk. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to a new file at `path` (never an existing one) and flushes it to disk. */
async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `dir/name` in one step: a random temp name, flushed, renamed over it. */
async function writeAtomically(dir: string, name: string, content: string, step: StepHook): Promise<void> {
  const temp = join(dir, randomName(TEMP_PREFIX));
  try {
    await writeDurably(temp, content);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  step(`${name}:temp`);
  await rename(temp, join(dir, name));
  await syncFolder(dir);
  step(name);
}

/** The manifest's bytes: sorted, no clock, so that a run repeated gives the same bytes. */
function manifestText(manifest: Manifest): string {
  const body: Record<string, unknown> = {
    cjManifest: 1,
    about: 'the files cj wrote in this folder, by command; cj replaces or removes only these',
  };
  for (const kind of KINDS) {
    const names = manifest[kind];
    if (names !== undefined && names.length > 0) body[kind] = [...names].sort();
  }
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The folder's manifest; undefined when there is none (a folder from before manifests) or it is not cj's. */
async function readManifest(dir: string): Promise<Manifest | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { cjManifest?: unknown }).cjManifest !== 1) return undefined;
  const manifest: { -readonly [K in OutputKind]?: readonly string[] } = {};
  for (const kind of KINDS) {
    const names = (parsed as Record<string, unknown>)[kind];
    if (names === undefined) continue;
    if (!isNameList(names)) return undefined;
    manifest[kind] = names;
  }
  return manifest;
}

/**
 * The first of `names` that another command's run wrote in this folder, and that command: cj
 * analyse and cj diff both write index.html, and one --out must not let either replace the other's.
 */
interface Taken {
  readonly name: string;
  readonly by: OutputKind;
}

function takenByOther(previous: Manifest | undefined, kind: OutputKind, names: readonly string[]): Taken | undefined {
  for (const other of KINDS) {
    if (other === kind) continue;
    const name = names.find((candidate) => previous?.[other]?.includes(candidate) === true);
    if (name !== undefined) return { name, by: other };
  }
  return undefined;
}

/** The manifest after a run of `kind` that wrote `names`: its list replaced, the others kept. */
function nextManifest(previous: Manifest | undefined, kind: OutputKind, names: readonly string[]): Manifest {
  const next: { -readonly [K in OutputKind]?: readonly string[] } = {};
  for (const other of KINDS) {
    const list = other === kind ? names : (previous?.[other] ?? []).filter((name) => !names.includes(name));
    if (list.length > 0) next[other] = list;
  }
  return next;
}

function parseJournal(text: string): Journal | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { cjJournal, staging, install, remove, manifest } = parsed as Record<string, unknown>;
  if (cjJournal !== 1 || typeof staging !== 'string' || !LEFTOVER.test(staging) || !staging.startsWith(STAGING_PREFIX)) return undefined;
  if (!isNameList(install) || !isNameList(remove) || typeof manifest !== 'string') return undefined;
  return { staging, install, remove, manifest };
}

const journalText = (journal: Journal): string => `${JSON.stringify({ cjJournal: 1, ...journal }, null, 2)}\n`;

/** Removes a file cj wrote; a folder or anything else in its place is not cj's and stays. */
async function removeOutput(path: string): Promise<void> {
  try {
    const stats = await lstat(path);
    if (stats.isFile() || stats.isSymbolicLink()) await unlink(path);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
  }
}

/** Step 3: carries out a recorded switch. Idempotent: what was done before a kill is skipped. */
async function rollForward(dir: string, journal: Journal, step: StepHook): Promise<void> {
  const staging = join(dir, journal.staging);
  for (const name of journal.install) {
    try {
      // At once, as write() stages: one rename after the other, each its own step.
      renameSync(join(staging, name), join(dir, name));
    } catch (error) {
      // Every staged file existed when the journal was written: a missing one is installed already.
      if (errnoOf(error) !== 'ENOENT') throw error;
    }
    step(`install:${name}`);
  }
  for (const name of journal.remove) {
    await removeOutput(join(dir, name));
    step(`remove:${name}`);
  }
  await writeAtomically(dir, MANIFEST_FILE, journal.manifest, step);
  await rm(staging, { recursive: true, force: true });
  step('staging-removed');
  await rm(join(dir, JOURNAL_FILE), { force: true });
  await syncFolder(dir);
  step('journal-removed');
}

/** What `recoverOutputFolder` did. */
export interface Recovery {
  /** A switch that a killed run left unfinished was completed. */
  readonly completed: boolean;
  /** Hidden temporary files and staging folders of killed runs that were removed. */
  readonly removed: number;
}

/**
 * What every run that writes into `dir` does first: completes a switch that a killed run left
 * unfinished (a journal in the folder), then removes the staging folders and temporary files that
 * killed runs left behind (only cj's own names). A folder that does not exist is left alone.
 */
export async function recoverOutputFolder(dir: string, m: Messages, step: StepHook = noStep): Promise<Recovery> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { completed: false, removed: 0 };
    throw outputFault(dir, error, m);
  }
  let completed = false;
  if (entries.includes(JOURNAL_FILE)) {
    const journalPath = join(dir, JOURNAL_FILE);
    const journal = parseJournal(await guarded(journalPath, m, () => readFile(journalPath, 'utf8')));
    if (journal === undefined) throw new OutputError('CJ_OUTPUT_JOURNAL', m.outputJournalBroken(journalPath));
    await guarded(dir, m, () => rollForward(dir, journal, step));
    completed = true;
    entries = await guarded(dir, m, () => readdir(dir));
  }
  const leftovers = entries.filter((name) => LEFTOVER.test(name) || LEGACY_TEMP.test(name));
  for (const name of leftovers) await guarded(join(dir, name), m, () => rm(join(dir, name), { recursive: true, force: true }));
  return { completed, removed: leftovers.length };
}

/** Whether `dir` holds a switch that a killed run left unfinished. */
export async function hasInterruptedSwitch(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).includes(JOURNAL_FILE);
  } catch {
    return false;
  }
}

/** A file written as the run goes. */
export interface TextAppender {
  write(text: string): void;
  /** Empties the file: the input is being read again. */
  reset(): void;
  close(): void;
}

/** Where a run's files go: to disk (OutputBatch), or into memory to compare (CheckBatch). */
export interface OutputSink {
  prepare(): Promise<void>;
  write(name: string, content: string | Uint8Array): Promise<void>;
  appender(name: string): TextAppender;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface OutputBatchOptions {
  /** Called after each step of the commit (tests stop there, as a kill would). */
  readonly onStep?: StepHook;
}

/**
 * The files of one run, written into a staging folder and switched in through the journal (see
 * the top of this file) only when the whole run succeeded: a run that fails or is killed leaves
 * the previous outputs as they were, and a run that succeeds leaves exactly its own.
 */
export class OutputBatch implements OutputSink {
  private staging: string | undefined;
  private readonly names = new Set<string>();
  /** The first folder this run created, if any: a failed run removes it again. */
  private created: string | undefined;
  private readonly appenders: Appender[] = [];
  /** Once the journal is written the switch has happened; a failure after it is completed by the next run. */
  private switched = false;

  constructor(
    readonly dir: string,
    private readonly kind: OutputKind,
    private readonly m: Messages,
    private readonly options: OutputBatchOptions = {},
  ) {}

  /** Completes an interrupted switch and cleans what killed runs left; call before anything else. */
  recover(): Promise<Recovery> {
    return recoverOutputFolder(this.dir, this.m, this.options.onStep);
  }

  async prepare(): Promise<void> {
    this.created = await guarded(this.dir, this.m, () => makeFolder(this.dir));
    const staging = join(this.dir, randomName(STAGING_PREFIX));
    await guarded(this.dir, this.m, () => mkdir(staging));
    this.staging = staging;
  }

  private stagedPath(name: string): string {
    if (this.staging === undefined) throw new Error('OutputBatch: prepare() first');
    if (!isOutputName(name)) throw new Error(`OutputBatch: not a file name: ${name}`);
    this.names.add(name);
    return join(this.staging, name);
  }

  /**
   * Stages a file. Written at once, not through libuv's threads: a run stages its ~20 small files
   * one after the other, and each asynchronous open, write and close waited for a thread (the
   * fixture's files 9-12 ms instead of 1-2). Flushed to disk at commit, all together.
   */
  async write(name: string, content: string | Uint8Array): Promise<void> {
    const path = this.stagedPath(name);
    await guarded(join(this.dir, name), this.m, async () => writeFileSync(path, content));
  }

  /** A file written as the run goes (exclusions.csv), switched in with the rest. */
  appender(name: string): Appender {
    const path = this.stagedPath(name);
    const appender = new Appender(path, (error) => outputFault(join(this.dir, name), error, this.m));
    this.appenders.push(appender);
    return appender;
  }

  async commit(): Promise<void> {
    const staging = this.staging;
    if (staging === undefined) throw new Error('OutputBatch: prepare() first');
    const step = this.options.onStep ?? noStep;
    for (const appender of this.appenders) appender.close();
    const names = [...this.names].sort();
    await guarded(this.dir, this.m, async () => {
      const previous = await readManifest(this.dir);
      const taken = takenByOther(previous, this.kind, names);
      if (taken !== undefined) throw new OutputError('CJ_OUTPUT_TAKEN', this.m.outputTaken(join(this.dir, taken.name), taken.by, this.kind));
      const journal: Journal = {
        staging: basename(staging),
        install: names,
        remove: (previous?.[this.kind] ?? []).filter((name) => !this.names.has(name)),
        manifest: manifestText(nextManifest(previous, this.kind, names)),
      };
      // Flushed together, not one by one: the file system commits them in a few journal writes.
      await Promise.all(names.map((name) => syncFile(join(staging, name))));
      await syncFolder(staging);
      step('staged');
      await writeAtomically(this.dir, JOURNAL_FILE, journalText(journal), step);
      this.switched = true;
      await rollForward(this.dir, journal, step);
    });
    this.staging = undefined;
  }

  async abort(): Promise<void> {
    for (const appender of this.appenders) {
      try {
        appender.close();
      } catch {
        // the run failed already; its staging folder goes below
      }
    }
    if (this.switched) return;
    if (this.staging !== undefined) await rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
    this.staging = undefined;
    // Only folders this run made, and only when nothing else was put in them meanwhile.
    if (this.created !== undefined) await rmdirChain(this.created, this.dir);
  }
}

/** Removes `dir` and its parents up to and including `top`, as long as each is empty. */
async function rmdirChain(top: string, dir: string): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === top || dirname(current) === current) return;
  }
}

/**
 * Appends text to a file through a 64 KiB buffer with synchronous writes: memory stays bounded
 * however much is written, which a stream without back-pressure handling would not promise.
 * `fault` turns a file-system error into the error to throw.
 */
export class Appender implements TextAppender {
  private readonly fd: number;
  private buffer = '';
  private position = 0;
  private closed = false;

  constructor(
    path: string,
    private readonly fault: (error: unknown) => unknown = (error) => error,
  ) {
    this.fd = this.attempt(() => openSync(path, 'w'));
  }

  private attempt<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw this.fault(error);
    }
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 65536) this.flush();
  }

  /** Empties the file: the input is being read again. */
  reset(): void {
    this.buffer = '';
    this.position = 0;
    this.attempt(() => ftruncateSync(this.fd, 0));
  }

  private flush(): void {
    const buffer = this.buffer;
    this.buffer = '';
    this.position += this.attempt(() => writeSync(this.fd, buffer, this.position, 'utf8'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

class MemoryAppender implements TextAppender {
  private parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  reset(): void {
    this.parts = [];
  }
  close(): void {}
  text(): string {
    return this.parts.join('');
  }
}

/**
 * `--check`, as `prettier --check`: the run's files are rendered into memory and compared with
 * what is in the output folder; nothing is written, nothing is repaired. `changed` lists the files
 * that would change (the manifest among them), `stale` the files of cj's previous run that this
 * run would remove, `interrupted` says the folder holds a switch a killed run left unfinished.
 */
export class CheckBatch implements OutputSink {
  private readonly files = new Map<string, string | Uint8Array>();
  private readonly appenders = new Map<string, MemoryAppender>();
  readonly changed: string[] = [];
  readonly stale: string[] = [];
  interrupted = false;
  /** A file this run would replace that another command wrote: the real run refuses (exit 5). */
  taken: Taken | undefined;

  constructor(
    readonly dir: string,
    readonly kind: OutputKind,
  ) {}

  async prepare(): Promise<void> {
    this.interrupted = await hasInterruptedSwitch(this.dir);
  }

  async write(name: string, content: string | Uint8Array): Promise<void> {
    this.files.set(name, content);
  }

  appender(name: string): TextAppender {
    const appender = new MemoryAppender();
    this.appenders.set(name, appender);
    return appender;
  }

  async commit(): Promise<void> {
    for (const [name, appender] of this.appenders) this.files.set(name, appender.text());
    const previous = await readManifest(this.dir);
    const names = [...this.files.keys()];
    this.taken = takenByOther(previous, this.kind, names);
    const wanted = new Map(this.files).set(MANIFEST_FILE, manifestText(nextManifest(previous, this.kind, names)));
    for (const [name, content] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let current: Buffer | undefined;
      try {
        current = await readFile(join(this.dir, name));
      } catch {
        current = undefined;
      }
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      if (current === undefined || !current.equals(bytes)) this.changed.push(name);
    }
    for (const name of [...(previous?.[this.kind] ?? [])].sort()) {
      if (this.files.has(name)) continue;
      const present = await lstat(join(this.dir, name)).then(
        (stats) => stats.isFile() || stats.isSymbolicLink(),
        () => false,
      );
      if (present) this.stale.push(name);
    }
  }

  async abort(): Promise<void> {}
}

/**
 * What `--check` says once a CheckBatch has compared (one line each, for stderr), and its exit
 * code: 1 when an output would change or go, or the folder holds an interrupted switch.
 */
export function checkReport(batch: CheckBatch, where: string, m: Messages): { readonly lines: readonly string[]; readonly code: number } {
  const lines: string[] = [];
  if (batch.taken !== undefined) {
    return { lines: [m.outputTaken(join(where, batch.taken.name), batch.taken.by, batch.kind)], code: ExitCode.output };
  }
  if (batch.interrupted) lines.push(m.outputSwitchInterrupted(where));
  for (const name of batch.changed) lines.push(m.wouldChange(join(where, name)));
  for (const name of batch.stale) lines.push(m.wouldRemove(join(where, name)));
  const count = batch.changed.length + batch.stale.length;
  if (count > 0) lines.push(m.checkChanged(count));
  else if (!batch.interrupted) lines.push(m.checkClean(where));
  return { lines, code: count === 0 && !batch.interrupted ? ExitCode.ok : ExitCode.changed };
}
