/**
 * A response file analysed in a worker thread while the main thread analyses another: `cj diff`'s
 * second file, and the second wave of each pair `cj trend` reads. On two cores the two reads take
 * about the time of one. The worker runs the same pipeline on the same flags (src/pipeline.ts)
 * and sends back the results, or the error it threw, which the main thread throws in its place
 * (analyseApart in diff.ts), so the output and the messages are the ones of reading the files one
 * after the other. Only the built CLI has a worker's script (dist/bundle/analyse-worker.cjs, from
 * analyse-worker-start.ts, which calls serveAnalyseApart); run from the sources, cj diff and cj trend
 * read the files in turn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { messages } from '../messages.js';
import { analyse } from '../pipeline.js';
import { fileSource, pipelineOptions, type InputFlags } from './common.js';
import { sendableError } from './worker-errors.js';
import type { OrdinalJob } from '../diff/bar.js';

/**
 * What the worker is given: the file as the user named it, the folder it is named from, the run's
 * flags; with `ordinals`, it then waits for an OrdinalWork (cj diff: the ordinal tests of the bars).
 */
export interface AnalyseApart {
  readonly path: string;
  readonly cwd: string;
  readonly flags: InputFlags;
  readonly ordinals?: boolean;
}

/** The ordinal tests cj diff has the worker run (ordinalTest of each job), sent back as `{ ordinals }`. */
export interface OrdinalWork {
  readonly jobs: readonly OrdinalJob[];
  readonly alpha: number;
  readonly seed: number;
}

async function analyseHere(port: NonNullable<typeof parentPort>, { path, cwd, flags, ordinals }: AnalyseApart): Promise<void> {
  if (ordinals === true) {
    port.once('message', (work: OrdinalWork) => {
      // Loaded only here: the statistics are no part of analysing.
      import('../diff/bar.js')
        .then(({ ordinalTest }) => port.postMessage({ ordinals: work.jobs.map((job) => ordinalTest(job, work.alpha, work.seed)) }))
        .catch((error: unknown) => port.postMessage({ error: sendableError(error) }));
    });
  }
  try {
    const { source } = await fileSource(path, { cwd }, messages[flags.lang]);
    port.postMessage({ results: await analyse(source, pipelineOptions(flags)) });
  } catch (error) {
    port.postMessage({ error: sendableError(error) });
  }
}

/**
 * In a worker thread started by analyseApart (diff.ts): analyses the file it was given, or, in
 * one started early (early-worker.ts), the file of the first message.
 */
export function serveAnalyseApart(): void {
  const port = parentPort;
  if (port === null) return;
  if (workerData !== undefined && workerData !== null) void analyseHere(port, workerData as AnalyseApart);
  else port.once('message', (work: AnalyseApart) => void analyseHere(port, work));
}
