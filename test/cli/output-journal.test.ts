/**
 * Issue 10, "old set or new set": the journaled commit of src/cli/output.ts stopped after each of
 * its steps, as kill -9 would stop it there, then completed by the next run's recovery. The
 * expected folders are written out by hand below, not derived from the code under test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE, MANIFEST_FILE, OutputBatch, hasInterruptedSwitch, recoverOutputFolder } from '../../src/cli/output.js';
import { messages } from '../../src/messages.js';
import { tempDir } from '../helpers/run.js';

const m = messages.en;

class Killed extends Error {}

/** Every entry of a folder, hidden ones included, with its text; a folder shows as "<folder>". */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    entries[name] = statSync(path).isDirectory() ? '<folder>' : readFileSync(path, 'utf8');
  }
  return entries;
}

/** The entries a killed run may leave that are not part of either set. */
const isLeftover = (name: string): boolean => /^\.cj-(staging|tmp)-[0-9a-f]{16}$/.test(name);

function withoutLeftovers(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([name]) => !isLeftover(name)));
}

const manifest = (names: readonly string[]): string =>
  `{
  "cjManifest": 1,
  "about": "the files cj wrote in this folder, by command; cj replaces or removes only these",
  "analyse": [
${names.map((name) => `    "${name}"`).join(',\n')}
  ]
}
`;

/** The folder after the first run, plus a file of the analyst's that cj never wrote. */
const OLD: Record<string, string> = {
  [MANIFEST_FILE]: manifest(['a.txt', 'b.txt', 'figuur-9.svg']),
  'a.txt': 'old a',
  'b.txt': 'old b',
  'figuur-9.svg': '<svg>old 9</svg>',
  'notities.txt': 'the analyst\'s own notes',
};

/** The folder after the second run: a replaced, b and figure 9 removed (cj wrote them, this run does not), c and d new. */
const NEW: Record<string, string> = {
  [MANIFEST_FILE]: manifest(['a.txt', 'c.txt', 'd.csv']),
  'a.txt': 'new a',
  'c.txt': 'new c',
  'd.csv': 'line 1\nline 2\n',
  'notities.txt': 'the analyst\'s own notes',
};

async function firstRun(dir: string): Promise<void> {
  const batch = new OutputBatch(dir, 'analyse', m);
  await batch.recover();
  await batch.prepare();
  await batch.write('a.txt', 'old a');
  await batch.write('b.txt', 'old b');
  await batch.write('figuur-9.svg', '<svg>old 9</svg>');
  await batch.commit();
  writeFileSync(join(dir, 'notities.txt'), 'the analyst\'s own notes');
}

/** The second run, stopped after `stopAt` (or not stopped); every step it passed is recorded. */
async function secondRun(dir: string, stopAt?: string): Promise<string[]> {
  const steps: string[] = [];
  const batch = new OutputBatch(dir, 'analyse', m, {
    onStep: (step) => {
      steps.push(step);
      if (step === stopAt) throw new Killed(step);
    },
  });
  await batch.recover();
  await batch.prepare();
  await batch.write('a.txt', 'new a');
  const appender = batch.appender('d.csv');
  appender.write('line 1\n');
  await batch.write('c.txt', 'new c');
  appender.write('line 2\n');
  await batch.commit();
  return steps;
}

async function oldFolder(): Promise<string> {
  const dir = join(tempDir(), 'out');
  await firstRun(dir);
  expect(snapshot(dir)).toEqual(OLD);
  return dir;
}

async function commitSteps(): Promise<string[]> {
  return secondRun(await oldFolder());
}

describe('the journaled commit, whole', () => {
  it('replaces the old set with the new, removes only files the manifest lists, keeps the analyst\'s file, leaves nothing hidden', async () => {
    const dir = await oldFolder();
    await secondRun(dir);
    expect(snapshot(dir)).toEqual(NEW);
  });

  it('passes its steps in the order of the design: stage, journal, install, remove, manifest, clean up', async () => {
    expect(await commitSteps()).toEqual([
      'staged',
      `${JOURNAL_FILE}:temp`,
      JOURNAL_FILE,
      'install:a.txt',
      'install:c.txt',
      'install:d.csv',
      'remove:b.txt',
      'remove:figuur-9.svg',
      `${MANIFEST_FILE}:temp`,
      MANIFEST_FILE,
      'staging-removed',
      'journal-removed',
    ]);
  });

  it('a folder without a manifest (written before manifests) loses nothing that is not replaced', async () => {
    const dir = join(tempDir(), 'out');
    mkdirSync(dir);
    for (const [name, text] of Object.entries({ 'a.txt': 'old a', 'b.txt': 'old b', 'figuur-9.svg': '<svg>old 9</svg>' })) writeFileSync(join(dir, name), text);
    await secondRun(dir);
    expect(snapshot(dir)).toEqual({
      [MANIFEST_FILE]: manifest(['a.txt', 'c.txt', 'd.csv']),
      'a.txt': 'new a',
      'b.txt': 'old b',
      'c.txt': 'new c',
      'd.csv': 'line 1\nline 2\n',
      'figuur-9.svg': '<svg>old 9</svg>',
    });
  });
});

describe('kill -9 after each step of the commit', async () => {
  const steps = await commitSteps();
  const journalAt = steps.indexOf(JOURNAL_FILE);

  it.each(steps.map((step, index) => [step, index] as const))('stopped after %s: the old set or an interrupted switch; recovery gives exactly one set', async (step, index) => {
    const dir = await oldFolder();
    await expect(secondRun(dir, step)).rejects.toBeInstanceOf(Killed);
    const left = snapshot(dir);
    if (index < journalAt) {
      // Before the journal: nothing of the old set moved; only cj's hidden leftovers were added.
      expect(withoutLeftovers(left)).toEqual(OLD);
      expect(await hasInterruptedSwitch(dir)).toBe(false);
    } else if (step !== 'journal-removed') {
      expect(await hasInterruptedSwitch(dir)).toBe(true);
    }
    const recovery = await recoverOutputFolder(dir, m);
    expect(recovery.completed).toBe(index >= journalAt && step !== 'journal-removed');
    expect(snapshot(dir)).toEqual(index < journalAt ? OLD : NEW);
  });

  it.each(steps.slice(journalAt).map((step) => [step] as const))('stopped after %s, then the recovery stopped after each of its steps: the run after completes it', async (commitStep) => {
    const probe = await oldFolder();
    await expect(secondRun(probe, commitStep)).rejects.toBeInstanceOf(Killed);
    const recoverySteps: string[] = [];
    await recoverOutputFolder(probe, m, (step) => recoverySteps.push(step));
    for (const recoveryStep of recoverySteps) {
      const dir = await oldFolder();
      await expect(secondRun(dir, commitStep)).rejects.toBeInstanceOf(Killed);
      await expect(
        recoverOutputFolder(dir, m, (step) => {
          if (step === recoveryStep) throw new Killed(step);
        }),
      ).rejects.toBeInstanceOf(Killed);
      await recoverOutputFolder(dir, m);
      expect(snapshot(dir), `recovery stopped after ${recoveryStep}`).toEqual(NEW);
    }
  });
});

describe('what recovery never touches', () => {
  it('removes only cj\'s own leftover names: staging folders, temp files, temp files of earlier versions', async () => {
    const dir = await oldFolder();
    mkdirSync(join(dir, '.cj-staging-0123456789abcdef'));
    writeFileSync(join(dir, '.cj-staging-0123456789abcdef', 'results.json'), '{}');
    writeFileSync(join(dir, '.cj-tmp-fedcba9876543210'), 'half a manifest');
    writeFileSync(join(dir, '.results.json.tmp-4242'), '{"half":');
    writeFileSync(join(dir, '.figuur-3.svg.tmp-17'), '<svg');
    // Look-alikes that are not cj's names stay.
    const analysts = { '.cj-staging-mine': 'x', '.notes.tmp-12': 'y', '.cj-tmp-ABCDEF0123456789': 'z', 'results.json.tmp-1': 'w' };
    for (const [name, text] of Object.entries(analysts)) writeFileSync(join(dir, name), text);
    const recovery = await recoverOutputFolder(dir, m);
    expect(recovery).toEqual({ completed: false, removed: 4 });
    expect(snapshot(dir)).toEqual({ ...OLD, ...analysts });
  });

  it('a manifest that names paths outside the folder removes nothing outside it', async () => {
    const top = tempDir();
    const dir = join(top, 'out');
    mkdirSync(dir);
    writeFileSync(join(top, 'victim.txt'), 'keep me');
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ cjManifest: 1, analyse: ['../victim.txt', 'a.txt'] }));
    await secondRun(dir);
    expect(readFileSync(join(top, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).toBe(manifest(['a.txt', 'c.txt', 'd.csv']));
  });

  it('a journal that is not cj\'s, or names paths outside the folder, is refused (exit 5) and nothing moves', async () => {
    const top = tempDir();
    const dir = join(top, 'out');
    mkdirSync(dir);
    writeFileSync(join(top, 'victim.txt'), 'keep me');
    for (const journal of [
      '{"cjJournal":1,"staging":".cj-staging-0123456789abcdef","install":[],"remove":["../victim.txt"],"manifest":""}',
      '{"cjJournal":1,"staging":"../..","install":[],"remove":[],"manifest":""}',
      '{"cjJournal":1,',
    ]) {
      writeFileSync(join(dir, JOURNAL_FILE), journal);
      const failure = await recoverOutputFolder(dir, m).then(
        () => undefined,
        (error: unknown) => error as { code?: string; exitCode?: number; message: string },
      );
      expect(failure?.code).toBe('CJ_OUTPUT_JOURNAL');
      expect(failure?.exitCode).toBe(5);
      expect(failure?.message).toContain('cannot be read');
      expect(readFileSync(join(top, 'victim.txt'), 'utf8')).toBe('keep me');
      expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    }
  });

  it('a failed run (not a kill) removes its staging folder and, when it made the folder, the folder', async () => {
    const top = tempDir();
    const dir = join(top, 'new', 'out');
    const batch = new OutputBatch(dir, 'analyse', m);
    await batch.prepare();
    await batch.write('a.txt', 'a');
    batch.appender('d.csv').write('x');
    await batch.abort();
    expect(readdirSync(top)).toEqual([]);
  });
});
