/**
 * Issue 10: "kill -9 at any moment of a run leaves the old set or the new set of outputs, and the
 * next run leaves no temporary files". `node bin/cj.js analyse` is killed with SIGKILL at random
 * moments, and at moments when its journal has just appeared; each folder is then compared byte
 * for byte with folders written by clean runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, recoverOutputFolder } from '../../src/cli/output.js';
import { messages } from '../../src/messages.js';
import { bin, ensureBuilt } from '../helpers/built.js';
import { fixturePath, repoRoot, tempDir } from '../helpers/run.js';

const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };

type Folder = Record<string, Buffer | '<folder>'>;

function snapshot(dir: string): Folder {
  const entries: Folder = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    entries[name] = statSync(path).isDirectory() ? '<folder>' : readFileSync(path);
  }
  return entries;
}

/** Hidden entries a killed run may leave beside either set. */
const isLeftover = (name: string): boolean => /^\.cj-(staging|tmp)-[0-9a-f]{16}$/.test(name) || name === JOURNAL_FILE;

function same(a: Folder, b: Folder): boolean {
  const names = Object.keys(a);
  if (names.join('\n') !== Object.keys(b).join('\n')) return false;
  return names.every((name) => {
    const [x, y] = [a[name], b[name]];
    return x === '<folder>' || y === '<folder>' ? x === y : x !== undefined && y !== undefined && x.equals(y);
  });
}

const fixture2017 = join(repoRoot, 'fixtures', 'haarlem-2017.csv');
/** Three sets: the full 2016 report; 2017 without figures (its switch removes 17 files of the first); 2016 without figures. */
const RUNS = {
  full2016: ['analyse', fixturePath],
  bare2017: ['analyse', fixture2017, '--no-figures'],
  bare2016: ['analyse', fixturePath, '--no-figures'],
} as const;
type RunName = keyof typeof RUNS;
const TRANSITIONS: readonly (readonly [RunName, RunName])[] = [
  ['full2016', 'bare2017'],
  ['bare2017', 'bare2016'],
];

function runToEnd(name: RunName, out: string): { status: number | null; stderr: string; ms: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, ...RUNS[name], '--out', out], { encoding: 'utf8', env });
  return { status: result.status, stderr: result.stderr, ms: performance.now() - start };
}

/** Starts a run into `out` and kills it with SIGKILL after `delayMs`, or as soon as its journal appears. */
async function killedRun(name: RunName, out: string, when: { delayMs: number } | { onJournal: true }): Promise<string> {
  const child = spawn(process.execPath, [bin, ...RUNS[name], '--out', out], { stdio: 'ignore', env });
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const kill = (): void => void child.kill('SIGKILL');
  const watcher =
    'onJournal' in when
      ? watch(out, (_event, file) => {
          // A few milliseconds later or not: the kill lands before, among or after the renames.
          if (file === JOURNAL_FILE) setTimeout(kill, Math.floor(Math.random() * 4));
        })
      : undefined;
  const timer = 'delayMs' in when ? setTimeout(kill, when.delayMs) : undefined;
  const how = await exited;
  clearTimeout(timer);
  watcher?.close();
  return how;
}

describe('kill -9 at random moments of cj analyse', () => {
  const references = {} as Record<RunName, Folder>;
  const referenceDir = tempDir();
  let runMs = 0;

  beforeAll(() => {
    ensureBuilt();
    for (const name of Object.keys(RUNS) as RunName[]) {
      const result = runToEnd(name, join(referenceDir, name));
      if (result.status !== 0) throw new Error(`${name}: ${result.stderr}`);
      references[name] = snapshot(join(referenceDir, name));
      if (name === 'bare2017') runMs = result.ms;
    }
  }, 120_000);

  it('20 kills: the folder holds exactly the old set, or a journal that completes to exactly the new set; one more run leaves no temporary file', async () => {
    /** How each kill left the folder; "mixed" counts interrupted switches caught halfway through the renames. */
    const outcomes = { old: 0, new: 0, interrupted: 0, mixed: 0 };
    let kept: { dir: string; to: RunName; interrupted: boolean } | undefined;
    for (let i = 0; i < 20; i++) {
      const [from, to] = TRANSITIONS[i % 2] as readonly [RunName, RunName];
      const when = Math.floor(i / 2) % 2 === 0 ? { delayMs: Math.round(runMs * (0.2 + Math.random() * 1.2)) } : ({ onJournal: true } as const);
      const dir = tempDir();
      const out = join(dir, 'out');
      cpSync(join(referenceDir, from), out, { recursive: true });
      const how = await killedRun(to, out, when);
      const context = `run ${i}: ${from} -> ${to}, ${JSON.stringify(when)}, ended by ${how}`;

      const left = snapshot(out);
      const interrupted = JOURNAL_FILE in left;
      const sets = Object.fromEntries(Object.entries(left).filter(([name]) => !isLeftover(name)));
      let expected: Folder;
      if (interrupted) {
        expected = references[to];
        outcomes.interrupted++;
        if (!same(sets, references[from]) && !same(sets, references[to])) outcomes.mixed++;
      } else {
        const isOld = same(sets, references[from]);
        const isNew = same(sets, references[to]);
        expect(isOld || isNew, `${context}: neither the old nor the new set: ${Object.keys(left).join(', ')}`).toBe(true);
        expected = isOld ? references[from] : references[to];
        outcomes[isOld ? 'old' : 'new']++;
      }
      const hasLeftovers = Object.keys(left).some(isLeftover);
      if (hasLeftovers && (kept === undefined || (interrupted && !kept.interrupted))) {
        kept = { dir: join(dir, 'kept'), to, interrupted };
        cpSync(out, kept.dir, { recursive: true });
      }
      await recoverOutputFolder(out, messages.nl);
      expect(same(snapshot(out), expected), `${context}: after recovery`).toBe(true);
    }
    console.info(`kill -9 outcomes of 20 runs: ${JSON.stringify(outcomes)}`);

    // One more real run on a folder a kill left (with its journal, when one was caught).
    expect(kept, 'no kill left a staging folder, temp file or journal behind').toBeDefined();
    if (kept === undefined) return;
    const after = runToEnd(kept.to, kept.dir);
    expect(after.status, after.stderr).toBe(0);
    if (kept.interrupted) expect(after.stderr).toContain('die wissel is nu afgemaakt');
    expect(same(snapshot(kept.dir), references[kept.to])).toBe(true);
  }, 120_000);
});

describe('kill -9 while the duplicate check keeps codes on disk', () => {
  beforeAll(ensureBuilt, 120_000);

  it('leaves no respondent codes in the temporary folder, at any moment of a run past its memory bound of 50 000 codes', async () => {
    // 120 000 respondents: past 50 000 codes the check writes them to partition files.
    const [header = '', ...lines] = readFileSync(fixturePath, 'utf8').trimEnd().split('\n');
    const row = lines.find((line) => line.startsWith('A01,')) ?? '';
    const body = Array.from({ length: 120_000 }, (_, i) => row.replace(/^A01,/, `K${i},`));
    const file = join(tempDir(), 'many.csv');
    writeFileSync(file, `${[header, ...body].join('\n')}\n`);
    const tmp = tempDir();
    const args = [bin, 'analyse', file, '--format', 'json'];
    const codesLeft = (): string[] => readdirSync(tmp).filter((name) => name.startsWith('cj-respondents-'));

    const start = performance.now();
    const whole = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...env, TMPDIR: tmp } });
    const ms = performance.now() - start;
    expect(whole.status, whole.stderr).toBe(0);
    expect((JSON.parse(whole.stdout) as { input: { respondents: number } }).input.respondents).toBe(120_000);
    expect(codesLeft()).toEqual([]);

    for (const fraction of [0.5, 0.6, 0.7, 0.8, 0.9]) {
      const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...env, TMPDIR: tmp } });
      const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.round(ms * fraction));
      await exited;
      clearTimeout(timer);
      expect(codesLeft(), `killed at ${fraction} of a run`).toEqual([]);
    }
  }, 120_000);
});
