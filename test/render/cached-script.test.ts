/**
 * The code cache of Vega's drawing part (src/render/cached-script.ts): a script runs the same with
 * the cache absent, accepted, or refused by V8 (a damaged file), the cache is written once and only
 * into a folder no one else may write; and the built CLI draws the report's figures byte for byte
 * as the golden files hold them, whatever state the cache is in.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCachedScript } from '../../src/render/cached-script.js';
import { fixturePath, repoRoot, tempDir } from '../helpers/run.js';

const SCRIPT = `const { sep } = require('node:path');
exports.sep = sep;
exports.square = (x) => x * x;
exports.sum = [1, 2, 3, 4].reduce((a, b) => a + b, 0);
`;

/**
 * The script in a folder of its own: V8 keeps what it compiled in this process by file name and
 * text, so each load names another file (same text, same cache file) to make V8 read the cache.
 */
function script(text = SCRIPT): string {
  const file = join(tempDir(), 'script.cjs');
  writeFileSync(file, text);
  return file;
}

/** What the script exports, as a plain person would compute it. */
function expectExports(exports: unknown): void {
  const { sep, square, sum } = exports as { sep: string; square: (x: number) => number; sum: number };
  expect(sep).toBe(process.platform === 'win32' ? '\\' : '/');
  expect(square(12)).toBe(144);
  expect(sum).toBe(10);
}

const previous = process.env['NODE_DISABLE_COMPILE_CACHE'];
afterEach(() => {
  if (previous === undefined) delete process.env['NODE_DISABLE_COMPILE_CACHE'];
  else process.env['NODE_DISABLE_COMPILE_CACHE'] = previous;
});

describe('loadCachedScript', () => {
  it('absent, then written once, then accepted: the same exports every time', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
        const folder = join(tempDir(), 'cache');
    const first = loadCachedScript(script(), { folder });
    expect(first.cache).toBe('absent');
    expectExports(first.exports);
    first.save();
    const written = readdirSync(folder);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`^${process.version}-${process.arch}-[0-9a-f]{32}\\.bin$`));
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, written[0]!)).mode & 0o777).toBe(0o600);
    }
    const second = loadCachedScript(script(), { folder });
    expect(second.cache).toBe('accepted');
    expectExports(second.exports);
  });

  it('a damaged cache is refused by V8: the script still runs, and saving replaces the file', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
        const folder = join(tempDir(), 'cache');
    loadCachedScript(script(), { folder }).save();
    const [name] = readdirSync(folder);
    const cacheFile = join(folder, name!);
    const bytes = readFileSync(cacheFile);
    // V8's header checks (version, flags, source) and the payload: keep the length, scramble the rest.
    writeFileSync(cacheFile, Buffer.from(bytes.map((byte, i) => (i < 4 ? byte : byte ^ 0x5a))));
    const damaged = loadCachedScript(script(), { folder });
    expect(damaged.cache).toBe('rejected');
    expectExports(damaged.exports);
    damaged.save();
    expect(loadCachedScript(script(), { folder }).cache).toBe('accepted');
  });

  it('another script text is another cache file', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
        const folder = join(tempDir(), 'cache');
    loadCachedScript(script(), { folder }).save();
    const changed = loadCachedScript(script(`${SCRIPT}exports.more = 1;\n`), { folder });
    expect(changed.cache).toBe('absent');
    expect((changed.exports as { more: number }).more).toBe(1);
  });

  it('other Node flags are another cache file: runs with other flags do not replace each other\'s', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
    const folder = join(tempDir(), 'cache');
    loadCachedScript(script(), { folder }).save();
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = '--max-old-space-size=900';
    try {
      const other = loadCachedScript(script(), { folder });
      expect(other.cache).toBe('absent');
      other.save();
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
    expect(readdirSync(folder)).toHaveLength(2);
    expect(loadCachedScript(script(), { folder }).cache).toBe('accepted');
  });

  it('a label is a cache of its own for the same script, named with it: each keeps what its runs compiled', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
    const folder = join(tempDir(), 'cache');
    const analyse = loadCachedScript(script(), { folder, label: 'analyse' });
    expect(analyse.cache).toBe('absent');
    analyse.save();
    expect(readdirSync(folder)).toEqual([expect.stringMatching(new RegExp(`^${process.version}-${process.arch}-analyse-[0-9a-f]{32}\\.bin$`))]);
    expect(loadCachedScript(script(), { folder, label: 'diff' }).cache).toBe('absent');
    expect(loadCachedScript(script(), { folder }).cache).toBe('absent');
    const again = loadCachedScript(script(), { folder, label: 'analyse' });
    expect(again.cache).toBe('accepted');
    expectExports(again.exports);
    // Only letters and digits of a label name the file: no path can be made of one.
    loadCachedScript(script(), { folder, label: '../x/y' }).save();
    expect(readdirSync(folder).sort()).toEqual([expect.stringContaining('-analyse-'), expect.stringContaining('-xy-')]);
  });

  it('writing a cache removes those not written for 30 days and temporary files over an hour old', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
    const folder = join(tempDir(), 'cache');
    mkdirSync(folder, { mode: 0o700 });
    const now = Date.now() / 1000;
    const aged = (name: string, seconds: number): void => {
      writeFileSync(join(folder, name), 'x');
      utimesSync(join(folder, name), now - seconds, now - seconds);
    };
    aged('v20.0.0-x64-old.bin', 31 * 24 * 3600);
    aged('v20.0.0-x64-recent.bin', 29 * 24 * 3600);
    aged('v20.0.0-x64-recent.bin.123.tmp', 2 * 3600);
    aged('v20.0.0-x64-running.bin.456.tmp', 60);
    loadCachedScript(script(), { folder }).save();
    const left = readdirSync(folder).sort();
    expect(left.filter((name) => name.startsWith('v20.0.0'))).toEqual(['v20.0.0-x64-recent.bin', 'v20.0.0-x64-running.bin.456.tmp']);
    expect(left).toHaveLength(3);
  });

  it.skipIf(process.platform === 'win32')('a folder others may write is not used', () => {
    delete process.env['NODE_DISABLE_COMPILE_CACHE'];
        const folder = join(tempDir(), 'cache');
    loadCachedScript(script(), { folder }).save();
    chmodSync(folder, 0o777);
    const loaded = loadCachedScript(script(), { folder });
    expect(loaded.cache).toBe('off');
    expectExports(loaded.exports);
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off: nothing read, nothing written', () => {
    process.env['NODE_DISABLE_COMPILE_CACHE'] = '1';
        const folder = join(tempDir(), 'cache');
    const loaded = loadCachedScript(script(), { folder });
    expect(loaded.cache).toBe('off');
    loaded.save();
    expectExports(loaded.exports);
    expect(() => readdirSync(folder)).toThrow();
  });
});

describe('the built CLI and its code cache', () => {
  const goldenDir = join(repoRoot, 'test', 'golden');
  const golden = readdirSync(goldenDir).filter((name) => /^(figuur-\d+|doorlooptijden)\.svg$/.test(name));

  /** `cj analyse` of the fixture with the OS temp folder (and so the cache) at `tmp`. */
  function analyse(tmp: string, ...flags: string[]): string {
    const out = join(tempDir(), 'out');
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'cj.js'), 'analyse', fixturePath, '--out', out, '--quiet', ...flags], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    });
    expect(result.status, result.stderr).toBe(0);
    // Nothing on stderr: no V8 complaint about a flag (src/render/jit.ts).
    expect(result.stderr).toBe('');
    return out;
  }

  it('draws the golden figures without a cache, with the ones it wrote, and with damaged ones', () => {
    expect(golden).toHaveLength(9);
    const tmp = tempDir();
    const runs = [analyse(tmp)];
    const cacheFolder = join(tmp, 'cj-code-cache');
    // Two caches: the CLI's script for `cj analyse` (dist/bundle/cj.cjs) and Vega's drawing part.
    const names = readdirSync(cacheFolder).sort();
    expect(names).toHaveLength(2);
    expect(names.filter((name) => name.includes('-analyse-'))).toHaveLength(1);
    const files = names.map((name) => join(cacheFolder, name));
    const written = files.map((file) => readFileSync(file));
    // The second run takes both caches (V8 accepts them): it writes none.
    const mtimes = files.map((file) => statSync(file).mtimeMs);
    runs.push(analyse(tmp));
    expect(files.map((file) => statSync(file).mtimeMs)).toEqual(mtimes);
    // Cut-off caches are refused: the run goes without them and writes them whole again.
    files.forEach((file, i) => writeFileSync(file, written[i]!.subarray(0, 1000)));
    runs.push(analyse(tmp));
    for (const file of files) expect(readFileSync(file).length).toBeGreaterThan(1000);
    expect(readdirSync(cacheFolder).sort()).toEqual(names);
    for (const out of runs) {
      for (const svg of golden) expect(readFileSync(join(out, svg), 'utf8'), svg).toBe(readFileSync(join(goldenDir, svg), 'utf8'));
    }
  });

  it('a run whose figures are of shapes the build did not compile loads all of Vega after its first figure, under another budget (jit.ts), and still keeps its caches', () => {
    const tmp = tempDir();
    const first = analyse(tmp, '--layout', 'diverging');
    const cacheFolder = join(tmp, 'cj-code-cache');
    // The CLI's script, all of Vega (vega-full.cjs: no bar figure of this layout is a built shape)
    // and Vega's drawing part (the lead-time figure is): both loaded after the first figure began.
    const files = readdirSync(cacheFolder).sort().map((name) => join(cacheFolder, name));
    expect(files).toHaveLength(3);
    const mtimes = files.map((file) => statSync(file).mtimeMs);
    const second = analyse(tmp, '--layout', 'diverging');
    // V8 took all three caches: none was written again.
    expect(files.map((file) => statSync(file).mtimeMs)).toEqual(mtimes);
    for (const name of readdirSync(first).filter((file) => file.endsWith('.svg'))) expect(readFileSync(join(second, name), 'utf8'), name).toBe(readFileSync(join(first, name), 'utf8'));
  });
});
