/**
 * Runs `cj diff` in-process and reads what it prints. The JSON is typed with the command's own
 * result type: the tests check its numbers against the statistics and against R, not its shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BarComparison, DiffResult } from '../../src/diff/types.js';
import { fixturePath, repoRoot, run, type RunOptions, type RunResult } from '../helpers/run.js';

export const fixture2016 = fixturePath;
export const fixture2017 = join(repoRoot, 'fixtures', 'haarlem-2017.csv');

export interface DiffRun extends RunResult {
  readonly diff?: DiffResult;
}

/** `cj diff <a> <b> …`; the JSON parsed when the run printed one. */
export async function runDiff(args: readonly string[], options: RunOptions = {}): Promise<DiffRun> {
  const result = await run(['diff', ...args], options);
  const printed = result.stdout.trimStart().startsWith('{') ? (JSON.parse(result.stdout) as DiffResult) : undefined;
  return printed === undefined ? result : { ...result, diff: printed };
}

/** `cj diff <a> <b> --format json`; fails the test with stderr when there is no JSON. */
export async function diffJson(a: string, b: string, extra: readonly string[] = [], options: RunOptions = {}): Promise<DiffResult> {
  const result = await runDiff([a, b, '--format', 'json', '--quiet', ...extra], options);
  if (result.diff === undefined) throw new Error(`cj diff exited ${result.code}\nstderr:\n${result.stderr}`);
  return result.diff;
}

/** A bar of the comparison by figure id and column. */
export function comparedBar(diff: DiffResult, figureId: string, column: string): BarComparison {
  const found = diff.figures.find((figure) => figure.id === figureId)?.bars.find((bar) => bar.column === column);
  if (found === undefined) throw new Error(`no compared bar ${column} in figure ${figureId}`);
  return found;
}

/** The counts of one bar in the shown categories' order, as a row of the 2×k table. */
export function row(bar: BarComparison, side: 'a' | 'b'): number[] {
  return bar.categories.map((category) => category[side].count);
}

/** The counts of one side expanded into answers coded 1 (worst) … k, n.v.t. left out. */
export function codes(bar: BarComparison, side: 'a' | 'b'): number[] {
  const order = bar.ordinal?.order ?? [];
  return bar.categories.flatMap((category) => {
    const code = order.indexOf(category.key) + 1;
    return code === 0 ? [] : new Array<number>(category[side].count).fill(code);
  });
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
