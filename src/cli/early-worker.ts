/**
 * The worker thread of `cj diff` and `cj trend` started with the process (start.ts), so that its
 * own start (Node's for the thread, then the CLI's script) runs while the main thread loads the
 * CLI and parses the command line: analyseApart (diff.ts) takes it and sends it the file to
 * analyse, or starts a worker of its own when there is none. start.cjs and cj.cjs are scripts of
 * their own, each with its copy of this module, so the worker is handed over on a global symbol.
 */
import type { Worker } from 'node:worker_threads';

const SLOT = Symbol.for('cj.earlyAnalyseWorker');

interface Early {
  readonly worker: Worker;
  exited: boolean;
}

type Slotted = typeof globalThis & { [SLOT]?: Early | undefined };

/**
 * Starts `script` (dist/bundle/analyse-worker.cjs) with no work: it waits for one message, the
 * AnalyseApart to do. Until taken it does not keep the process alive, and an error of its start
 * is nobody's: analyseApart then starts a worker of its own, which reports it.
 */
export function startEarlyWorker(WorkerClass: typeof Worker, script: string): void {
  const worker = new WorkerClass(script);
  const early: Early = { worker, exited: false };
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    early.exited = true;
  });
  worker.unref();
  (globalThis as Slotted)[SLOT] = early;
}

/** The early worker while it runs, once (it keeps the process alive from then on); otherwise undefined. */
export function takeEarlyWorker(): Worker | undefined {
  const slotted = globalThis as Slotted;
  const early = slotted[SLOT];
  slotted[SLOT] = undefined;
  if (early === undefined || early.exited) return undefined;
  early.worker.ref();
  return early.worker;
}
