/**
 * What the built CLI's script (dist/bundle/cj.cjs, scripts/build.mjs) exports: main for
 * bin/cj.js (through start.ts), and the worker thread's part of cj diff and cj trend (through
 * analyse-worker-start.ts), loaded only in that thread.
 */
export { main } from './main.js';

export async function serveAnalyseApart(): Promise<void> {
  (await import('./analyse-worker.js')).serveAnalyseApart();
}
