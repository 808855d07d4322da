/**
 * Loads a script the build made in CommonJS form (dist/bundle/*.cjs: the CLI, Vega's drawing
 * part) with V8's code cache, so that a run does not parse and compile the same ~0.5 MB of code
 * again. Node 22.1+ keeps such a cache for modules itself (bin/cj.js enables it); Node 20 has
 * none, and neither caches a script loaded this way. The cache is one file per Node version,
 * architecture, Node flags, script text and label (below), in a folder of the OS temp folder that
 * only this user may write (else it is not used); V8 checks it against its own version, flags
 * and the script and rejects what does not fit, and the script then compiles as it would
 * without. Written once, atomically, when the process ends: by then it holds every function the
 * run compiled. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { withDefaultBudget } from './jit.js';

/** What became of the cache: used, refused by V8, not there yet, or not to be used. */
export type CacheUse = 'accepted' | 'rejected' | 'absent' | 'off';

export interface CachedScript {
  /** The script's `module.exports`. */
  readonly exports: unknown;
  readonly cache: CacheUse;
  /** Writes the cache now (once; nothing when it was accepted or is off). */
  readonly save: () => void;
}

/** The cache folder of this user, made if need be; undefined when another user could write it. */
function usableFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    // A folder someone else made (or may write into) could hold code that is not V8's own.
    const mine = process.getuid === undefined || stat.uid === process.getuid();
    return stat.isDirectory() && mine && (process.platform === 'win32' || (stat.mode & 0o022) === 0) ? folder : undefined;
  } catch {
    return undefined;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Each build of cj (and each Node version) makes a cache file of its own: when one is written,
 * those not written for 30 days go (an older cj still in use writes its own again), and so do
 * temporary files a killed run left over an hour ago.
 */
function prune(folder: string, now: number): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const age = now - statSync(path).mtimeMs;
    if ((name.endsWith('.bin') && age > 30 * DAY_MS) || (name.endsWith('.tmp') && age > DAY_MS / 24)) rmSync(path, { force: true });
  }
}

export function defaultCacheFolder(): string {
  return join(tmpdir(), 'cj-code-cache');
}

/**
 * Runs `file` as a CommonJS module (its `require` resolves from its own folder) and returns its
 * exports. `saveOnExit` writes a missing or rejected cache when the process ends. `label` (a
 * plain word) keeps a cache of its own for the same script: a cache holds what its first run
 * compiled, so runs that use different parts of a script (the commands of the CLI) each keep theirs.
 */
export function loadCachedScript(file: string, options: { folder?: string; saveOnExit?: boolean; label?: string } = {}): CachedScript {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const label = options.label === undefined ? '' : `${options.label.replace(/[^a-z0-9]/gi, '')}-`;
  const off = process.env['NODE_DISABLE_COMPILE_CACHE'] !== undefined && process.env['NODE_DISABLE_COMPILE_CACHE'] !== '';
  const folder = off ? undefined : usableFolder(options.folder ?? defaultCacheFolder());
  // V8 refuses a cache made under other flags: runs with other flags keep a cache of their own
  // rather than replace each other's (bin/cj.js sets its flags the same way in every run).
  const flags = JSON.stringify([process.execArgv, process.env['NODE_OPTIONS'] ?? '']);
  const key = createHash('sha256').update(flags).update('\0').update(bytes).digest('hex').slice(0, 32);
  const cacheFile = folder === undefined ? undefined : join(folder, `${process.version}-${process.arch}-${label}${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  // Under the flags the cache was made under (jit.ts: figures are drawn under another budget).
  const script = withDefaultBudget(() => new Script(wrapped, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) }));
  const cache: CacheUse = cacheFile === undefined ? 'off' : cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, join(file, '..'));
  let saved = cache === 'accepted' || cacheFile === undefined;
  const save = (): void => {
    if (saved || cacheFile === undefined) return;
    saved = true;
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, withDefaultBudget(() => script.createCachedData()), { mode: 0o600 });
      renameSync(temporary, cacheFile);
      if (folder !== undefined) prune(folder, Date.now());
    } catch {
      // A cache that cannot be written is a run without one, not an error.
      rmSync(temporary, { force: true });
    }
  };
  if (options.saveOnExit === true && !saved) process.once('exit', save);
  return { exports: module.exports, cache, save };
}
