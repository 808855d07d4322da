/**
 * The worker thread of cj diff and cj trend (dist/bundle/analyse-worker.cjs, started by
 * analyseApart in diff.ts): the CLI's script through the code cache `cj diff` writes (its main
 * thread runs the same pipeline on the first file), then the analysis the thread was given
 * (analyse-worker.ts). The thread writes no cache of its own: it is stopped once it has sent its
 * results, before it could.
 */
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../render/cached-script.js';

const script = fileURLToPath(new URL('./cj.cjs', import.meta.url));
const cli = loadCachedScript(script, { label: 'diff' }).exports as { serveAnalyseApart: () => Promise<void> };
void cli.serveAnalyseApart();
