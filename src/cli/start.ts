/**
 * What bin/cj.js runs (dist/bundle/start.cjs): the CLI's script (cj.cjs) through V8's code
 * cache (src/render/cached-script.ts), one cache per command, since each holds the functions its
 * run compiled; then main.
 */
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../render/cached-script.js';

/** The script's exports start uses. */
interface Cli {
  readonly main: (argv: readonly string[]) => Promise<number>;
}

/** The command a run names (its first argument when that is a plain word), for its cache's name. */
function commandOf(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return /^[a-z]{1,16}$/.test(first) ? first : 'cj';
}

export function start(argv: readonly string[]): void {
  const script = fileURLToPath(new URL('./cj.cjs', import.meta.url));
  const cli = loadCachedScript(script, { saveOnExit: true, label: commandOf(argv) }).exports as Cli;
  void cli.main(argv).then((code) => {
    process.exitCode = code;
  });
}
