/**
 * Issue 10, "old set or new set, nothing else", through the CLI: the manifest, files of an earlier
 * run that the new run does not write, what --check reports, an interrupted switch, and output
 * folders that cannot be written (exit 5, never 70).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, MANIFEST_FILE, OutputBatch } from '../../src/cli/output.js';
import { messages } from '../../src/messages.js';
import { fixturePath, repoRoot, run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';

const fixture2017 = join(repoRoot, 'fixtures', 'haarlem-2017.csv');
const duinstad = join(repoRoot, 'fixtures', 'duinstad-2017', 'responses.csv');
const duinstadSurvey = join(repoRoot, 'fixtures', 'duinstad-2017', 'survey.json');

/** Every entry of a folder, hidden ones included, with its bytes. */
function snapshot(dir: string): Record<string, Buffer | '<folder>'> {
  const entries: Record<string, Buffer | '<folder>'> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    entries[name] = statSync(path).isDirectory() ? '<folder>' : readFileSync(path);
  }
  return entries;
}

const figureFiles = (count: number): string[] => Array.from({ length: count }, (_, i) => [`figuur-${i + 1}.svg`, `figuur-${i + 1}.vl.json`]).flat();
const manifestOf = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;

describe('the manifest: cj replaces and removes only what it wrote', () => {
  it('Haarlem (8 figures) then Duinstad (4) in one folder: figures 5–8 go, the analyst\'s files stay; --check said so first', async () => {
    const cwd = tempDir();
    const first = await run(['analyse', fixturePath, '--lang', 'en'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    const out = join(cwd, 'out');
    // Haarlem's fixture has dates and its definition lead-time segments: doorlooptijden.* too.
    const leadTimeFiles = ['doorlooptijden.svg', 'doorlooptijden.vl.json'];
    expect(manifestOf(out)['analyse']).toEqual(['exclusions.csv', ...figureFiles(8), ...leadTimeFiles, 'index.html', 'rapport.html', 'results.json'].sort());
    writeFileSync(join(out, 'notities.txt'), 'mine');
    writeFileSync(join(out, 'figuur-12.svg'), '<svg>drawn by hand</svg>');

    const duinstadArgs = ['analyse', duinstad, '--survey', duinstadSurvey, '--lang', 'en'];
    const check = await run([...duinstadArgs, '--check'], { cwd });
    expect(check.code).toBe(1);
    for (const name of [...figureFiles(8).slice(8), ...leadTimeFiles]) expect(check.stderr).toContain(`would be removed: out/${name} (written by cj, not by this run)`);
    expect(check.stderr).not.toContain('figuur-12.svg');
    expect(check.stderr).not.toContain('notities.txt');
    expect(check.stderr).not.toContain('figuur-4.vl.json (written');

    const second = await run(duinstadArgs, { cwd });
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'exclusions.csv', ...figureFiles(4), 'figuur-12.svg', 'index.html', 'notities.txt', 'rapport.html', 'results.json'].sort());
    expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'figuur-12.svg'), 'utf8')).toBe('<svg>drawn by hand</svg>');

    const clean = await run([...duinstadArgs, '--check'], { cwd });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toContain('out is up to date');
  }, 60_000);

  it('--no-figures after a full run leaves no index.html or figure; in a folder from before manifests it removes nothing it does not replace', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath], { cwd })).code).toBe(0);
    const out = join(cwd, 'out');
    const legacy = join(cwd, 'legacy');
    cpSync(out, legacy, { recursive: true });
    rmSync(join(legacy, MANIFEST_FILE));
    const before = snapshot(legacy);

    expect((await run(['analyse', fixture2017, '--no-figures'], { cwd })).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'exclusions.csv', 'results.json']);
    expect(manifestOf(out)).toEqual({ cjManifest: 1, about: expect.any(String) as string, analyse: ['exclusions.csv', 'results.json'] });

    expect((await run(['analyse', fixture2017, '--no-figures', '--out', 'legacy'], { cwd })).code).toBe(0);
    const after = snapshot(legacy);
    expect(Object.keys(after).sort()).toEqual([MANIFEST_FILE, ...Object.keys(before)].sort());
    for (const name of [...figureFiles(8), 'index.html', 'rapport.html']) expect(after[name], name).toEqual(before[name]);
    expect(after['results.json']).toEqual(readFileSync(join(out, 'results.json')));
    expect(manifestOf(legacy)['analyse']).toEqual(['exclusions.csv', 'results.json']);
  }, 60_000);

  it('analyse and diff given one --out share it: each replaces only its own files', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath, '--no-figures'], { cwd })).code).toBe(0);
    const diff = await run(['diff', fixturePath, fixture2017, '--out', 'out'], { cwd });
    expect(diff.code, diff.stderr).toBe(0);
    const out = join(cwd, 'out');
    // diff's own files, its page among them (analyse wrote no page here: --no-figures).
    const diffFiles = readdirSync(out).filter((name) => name.startsWith('diff') || name === 'index.html');
    expect(diffFiles).toContain('diff.json');
    expect(diffFiles).toContain('index.html');
    expect(diffFiles.length).toBeGreaterThan(1);
    const check = await run(['analyse', fixture2017, '--no-figures', '--check', '--lang', 'en'], { cwd });
    expect(check.stderr).not.toContain('diff');
    expect((await run(['analyse', fixture2017, '--no-figures'], { cwd })).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, ...diffFiles, 'exclusions.csv', 'results.json'].sort());
    expect(manifestOf(out)['diff']).toEqual([...diffFiles].sort());
  }, 60_000);
});

describe('a page another command wrote', () => {
  // cj analyse and cj diff both write index.html. Given one --out, the second run used to replace
  // the first one's page without a word (and take it over in the manifest), although each command
  // is to replace only its own files. Now it refuses (exit 5) and the folder stays as it was.
  it('cj diff into the folder of cj analyse leaves the analyst\'s page and every other file whole', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath], { cwd })).code).toBe(0);
    const out = join(cwd, 'out');
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('index.html');
    const diff = await run(['diff', fixturePath, fixture2017, '--out', 'out', '--lang', 'en'], { cwd });
    expect(diff.code).toBe(5);
    expect(diff.stderr).toContain('index.html');
    expect(diff.stderr).toContain('cj analyse');
    expect(stackFrames(diff.stderr)).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);

  it('--check says the same (exit 5, the file named), not "would change"', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath], { cwd })).code).toBe(0);
    const out = join(cwd, 'out');
    const before = snapshot(out);
    const check = await run(['diff', fixturePath, fixture2017, '--out', 'out', '--check', '--lang', 'en'], { cwd });
    expect(check.code).toBe(5);
    expect(check.stderr).toContain('index.html: written by cj analyse');
    expect(snapshot(out)).toEqual(before);
  }, 60_000);

  it('and cj analyse does not replace the page of cj diff', async () => {
    const cwd = tempDir();
    expect((await run(['diff', fixturePath, fixture2017, '--out', 'out'], { cwd })).code).toBe(0);
    const out = join(cwd, 'out');
    const before = snapshot(out);
    const analyse = await run(['analyse', fixturePath], { cwd });
    expect(analyse.code).toBe(5);
    expect(analyse.stderr).toContain('index.html');
    expect(snapshot(out)).toEqual(before);
  }, 60_000);
});

describe('determinism', () => {
  it('two runs write byte-identical folders, the manifest included, with no hidden file besides it', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath, '--out', 'a'], { cwd })).code).toBe(0);
    expect((await run(['analyse', fixturePath, '--out', 'b'], { cwd })).code).toBe(0);
    const [a, b] = [snapshot(join(cwd, 'a')), snapshot(join(cwd, 'b'))];
    expect(Object.keys(a).filter((name) => name.startsWith('.'))).toEqual([MANIFEST_FILE]);
    expect(b).toEqual(a);
  }, 60_000);

  it('the committed out/ is what the fixture gives, manifest included (what CI checks)', async () => {
    const result = await run(['analyse', 'fixtures/haarlem-2016.csv', '--check'], { cwd: repoRoot });
    expect(result.stderr).toContain('out is bij: niets zou veranderen');
    expect(result.code).toBe(0);
    expect(existsSync(join(repoRoot, 'out', MANIFEST_FILE))).toBe(true);
  }, 60_000);
});

describe('an interrupted switch', () => {
  /** A folder with a good run of --no-figures, then a second run killed in the middle of its switch. */
  async function interrupted(): Promise<{ cwd: string; out: string }> {
    const cwd = tempDir();
    expect((await run(['analyse', fixturePath, '--no-figures'], { cwd })).code).toBe(0);
    const out = join(cwd, 'out');
    const killed = new OutputBatch(out, 'analyse', messages.en, {
      onStep: (step) => {
        if (step === 'install:exclusions.csv') throw new Error('killed');
      },
    });
    await killed.prepare();
    await killed.write('exclusions.csv', 'respondent,line,column,step,rule\n');
    await killed.write('results.json', '{"half":"of a switch"}\n');
    await killed.write('index.html', '<p>new</p>\n');
    await expect(killed.commit()).rejects.toThrow('killed');
    return { cwd, out };
  }

  it('--check says so (Dutch and English), exits 1 and repairs nothing', async () => {
    const { cwd, out } = await interrupted();
    const before = snapshot(out);
    expect(Object.keys(before)).toContain(JOURNAL_FILE);
    const en = await run(['analyse', fixturePath, '--no-figures', '--check', '--lang', 'en'], { cwd });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('out: an earlier run was stopped while it replaced the outputs; the folder holds an interrupted switch');
    const nl = await run(['analyse', fixturePath, '--no-figures', '--check'], { cwd });
    expect(nl.code).toBe(1);
    expect(nl.stderr).toContain('out: een eerdere run is afgebroken terwijl hij de uitvoer verving');
    expect(snapshot(out)).toEqual(before);
  });

  it('the next run completes it before anything else, even one that then fails on its input', async () => {
    const { cwd, out } = await interrupted();
    const failed = await run(['analyse', 'missing.csv', '--no-figures', '--lang', 'en'], { cwd });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('notice: out: an earlier run was stopped while it replaced the outputs; that switch is now completed');
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'exclusions.csv', 'index.html', 'results.json']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('{"half":"of a switch"}\n');
    expect(manifestOf(out)['analyse']).toEqual(['exclusions.csv', 'index.html', 'results.json']);
    // And a good run after it replaces that set with its own: the page the interrupted run wrote goes.
    const good = await run(['analyse', fixturePath, '--no-figures'], { cwd });
    expect(good.code, good.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'exclusions.csv', 'results.json']);
  });

  it('a real run removes the staging folders and temporary files killed runs left, and nothing of the analyst\'s', async () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    mkdirSync(join(out, '.cj-staging-00112233445566ff'), { recursive: true });
    writeFileSync(join(out, '.cj-staging-00112233445566ff', 'results.json'), 'x'.repeat(100_000));
    writeFileSync(join(out, '.cj-tmp-aabbccddeeff0011'), '{');
    writeFileSync(join(out, '.results.json.tmp-12345'), '{');
    writeFileSync(join(out, '.mijn-notities'), 'mine');
    expect((await run(['analyse', fixturePath, '--no-figures'], { cwd })).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.cj-manifest.json', '.mijn-notities', 'exclusions.csv', 'results.json']);
  });
});

/** A read-only folder even for root: a tmpfs mounted read-only. Where mounting is not allowed, those tests are skipped. */
function readOnlyMount(): string | undefined {
  const dir = join(tempDir(), 'alleen-lezen');
  mkdirSync(dir);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { encoding: 'utf8' });
  return mounted.status === 0 ? dir : undefined;
}
const readOnly = readOnlyMount();
afterAll(() => {
  if (readOnly !== undefined) spawnSync('umount', [readOnly]);
});

describe('an output folder that cannot be written: exit 5 with a message, never 70', () => {
  const expectOutputError = (result: { code: number; stderr: string }, text: string): void => {
    expect(result.code, result.stderr).toBe(5);
    expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/internal|intern/i);
    expect(stackFrames(result.stderr)).toEqual([]);
  };

  it('--out naming a file, or a folder under a file (analyse, diff, init)', async () => {
    const cwd = tempDir();
    const file = writeTemp('rapport', 'a file, not a folder', cwd);
    for (const out of ['rapport', 'rapport/2016']) {
      expectOutputError(await run(['analyse', fixturePath, '--out', out, '--lang', 'en'], { cwd }), `${file}: is a file, not a folder`);
    }
    expectOutputError(await run(['diff', fixturePath, fixture2017, '--out', 'rapport', '--lang', 'en'], { cwd }), `${file}: is a file, not a folder`);
    expectOutputError(await run(['init', 'rapport/studie', '--lang', 'en'], { cwd }), `${file}: is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('a file, not a folder');
  });

  it.runIf(readOnly !== undefined)('a read-only --out, or a folder to create in one (analyse; needs mount -t tmpfs -o ro, skipped where not permitted)', async () => {
    const dir = readOnly as string;
    expectOutputError(await run(['analyse', fixturePath, '--out', dir, '--lang', 'en']), `${dir}: cannot be written (read-only file system, EROFS)`);
    expectOutputError(await run(['analyse', fixturePath, '--out', join(dir, 'sub')]), `${join(dir, 'sub')}: kan niet geschreven worden (alleen-lezen bestandssysteem, EROFS)`);
    expectOutputError(await run(['analyse', fixturePath, '--out', dir, '--no-figures', '--lang', 'en']), 'cannot be written');
  });

  it.runIf(readOnly !== undefined)('cj init into a read-only folder says it cannot be written, not read (needs mount -t tmpfs -o ro, skipped where not permitted)', async () => {
    const dir = readOnly as string;
    const en = await run(['init', dir, '--lang', 'en']);
    expectOutputError(en, `${join(dir, 'survey.json')}: cannot be written (read-only file system, EROFS)`);
    expect(en.stderr).not.toContain('cannot be read');
    expectOutputError(await run(['init', join(dir, 'studie')]), 'kan niet geschreven worden');
  });
});
