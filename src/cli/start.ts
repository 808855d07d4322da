/**
 * What bin/cj.js runs (dist/bundle/start.cjs): the CLI's script (cj.cjs) through V8's code
 * cache (src/render/cached-script.ts), one cache per command, since each holds the functions its
 * run compiled; then main.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../render/cached-script.js';
import { startEarlyWorker } from './early-worker.js';

/** The script's exports start uses. */
interface Cli {
  readonly main: (argv: readonly string[]) => Promise<number>;
}

/** The command a run names (its first argument when that is a plain word), for its cache's name. */
function commandOf(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return /^[a-z]{1,16}$/.test(first) ? first : 'cj';
}

/** The commands that analyse a file in a worker thread (analyseApart in diff.ts): it starts with the process. */
const WORKER_COMMANDS: readonly string[] = ['diff', 'trend'];

export function start(argv: readonly string[]): void {
  if (WORKER_COMMANDS.includes(argv[0] ?? '') && !argv.includes('--help') && !argv.includes('-h')) {
    // node:worker_threads is required here, not imported: the other commands do not load it (3 ms).
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    startEarlyWorker(Worker, fileURLToPath(new URL('./analyse-worker.cjs', import.meta.url)));
  }
  const script = fileURLToPath(new URL('./cj.cjs', import.meta.url));
  const cli = loadCachedScript(script, { saveOnExit: true, label: commandOf(argv) }).exports as Cli;
  void cli.main(argv).then((code) => {
    process.exitCode = code;
  });
}
