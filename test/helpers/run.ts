/**
 * Runs `cj` in-process, as a user would call it, with stdout and stderr captured. Tests read the
 * JSON the CLI prints, never the modules behind it: they check the interface the documents promise.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { LeadTimesResult } from '../../src/count/results.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturePath = join(repoRoot, 'fixtures', 'haarlem-2016.csv');
export const excelFixturePath = join(repoRoot, 'fixtures', 'haarlem-2016-excel.csv');

export interface Counts {
  readonly [category: string]: number;
}

export interface Bar {
  readonly label: string;
  readonly column: string;
  readonly n: number;
  readonly missing: number;
  readonly counts: Counts;
  readonly percentages: Counts;
  readonly leftOut: Counts;
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly N: number;
  readonly footnote: string | null;
  readonly bars: readonly Bar[];
}

export interface GradeSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly display: string | null;
  readonly median: number | null;
  readonly sd: number | null;
  readonly distribution: readonly { readonly mark: number; readonly count: number }[];
}

export interface Exclusion {
  readonly respondent: string;
  readonly line: number;
  readonly column: string;
  readonly step: string;
  readonly rule: string;
}

export interface YouthSummary {
  readonly track: string;
  readonly respondents: number;
  readonly bars: readonly { readonly column: string; readonly n: number; readonly missing: number; readonly counts: Counts }[];
  readonly grade: GradeSummary;
}

/** The JSON of `cj analyse --format json`, as far as the tests read it. */
export interface Results {
  readonly schemaVersion: number;
  readonly cj: { readonly version: string };
  readonly input: {
    readonly file: string;
    readonly sha256: string;
    readonly encoding: string;
    readonly delimiter: string;
    readonly bom: boolean;
    readonly rowsRead: number;
    readonly respondents: number;
    readonly respondentsByTrack: Counts;
    readonly columnsIgnored: readonly string[];
  };
  readonly figures: readonly Figure[];
  readonly grade: GradeSummary & { readonly byTrack: Readonly<Record<string, GradeSummary>> };
  readonly youth: readonly YouthSummary[];
  readonly leadTimes?: LeadTimesResult;
  readonly exclusions: readonly Exclusion[];
  readonly exclusionSummary: { readonly total: number; readonly byRule: Counts; readonly listed: number };
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed, when the run printed JSON. */
  readonly json?: Results;
}

export interface RunOptions {
  /** Working directory; a fresh temporary one when left out. */
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Pretend stdout and stderr are a terminal. */
  readonly isTTY?: boolean;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty directory, removed after the test file; realpath so messages compare equal. */
export function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cj-test-')));
  tempDirs.push(dir);
  return dir;
}

/** Runs `cj <args>` in-process and captures what it writes. */
export async function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const isTTY = options.isTTY ?? false;
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: (text: string) => (stderr += text), isTTY },
    env: options.env ?? {},
    cwd: options.cwd ?? tempDir(),
  });
  let json: Results | undefined;
  if (code === 0 && stdout.trimStart().startsWith('{')) json = JSON.parse(stdout) as Results;
  return json === undefined ? { code, stdout, stderr } : { code, stdout, stderr, json };
}

/** `cj analyse <file> --format json`; fails the test with stderr when the run does not succeed. */
export async function analyseJson(file: string, extra: readonly string[] = [], options: RunOptions = {}): Promise<Results> {
  const result = await run(['analyse', file, '--format', 'json', ...extra], options);
  if (result.code !== 0 || result.json === undefined) {
    throw new Error(`cj analyse exited ${result.code}\nstderr:\n${result.stderr}`);
  }
  return result.json;
}

/** Writes a file (text as UTF-8, or bytes as given) into a fresh temp dir and returns its path. */
export function writeTemp(name: string, content: string | Uint8Array, dir: string = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A figure by its id; throws when the results lack it, so a test fails with a clear message. */
export function figure(results: Results, id: string): Figure {
  const found = results.figures.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no figure ${id} in the results`);
  return found;
}

/** A bar by its column name. */
export function bar(results: Results, id: string, column: string): Bar {
  const found = figure(results, id).bars.find((b) => b.column === column);
  if (found === undefined) throw new Error(`no bar ${column} in figure ${id}`);
  return found;
}

/** Lines of cj's messages that look like a JavaScript stack frame. */
export function stackFrames(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s/.test(line));
}
