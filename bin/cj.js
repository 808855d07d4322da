#!/usr/bin/env node
// The CLI bundled into one module (plus lazily loaded chunks): fewer files to load at start-up.
// `cj --help` and `cj --version` alone print what the built CLI printed for them at build time
// (dist/bundle/start.json, scripts/build.mjs) without loading it. That help is wrapped for a pipe
// or an 80-column terminal: on a terminal of another width the CLI itself wraps it.
import { readFileSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);
const flag = args.length === 1 ? args[0] : undefined;
const printed =
  (flag === '--help' || flag === '-h' || flag === '--version' || flag === '-V') && (!process.stdout.isTTY || process.stdout.columns === 80)
    ? JSON.parse(readFileSync(new URL('../dist/bundle/start.json', import.meta.url), 'utf8'))[flag]
    : undefined;
if (typeof printed === 'string') {
  process.stdout.on('error', () => process.exit(0));
  process.stdout.write(printed);
} else {
  // Node 22.1+ keeps V8's compiled code of the bundle between runs (in the OS temp folder; off with
  // NODE_DISABLE_COMPILE_CACHE=1); Node 20 has no such cache.
  module.enableCompileCache?.();
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(args);
}
