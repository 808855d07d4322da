#!/usr/bin/env node
// The CLI bundled into one module (plus lazily loaded chunks): fewer files to load at start-up.
// `cj --help` and `cj --version` alone print what the built CLI printed for them at build time
// (dist/bundle/start.json, scripts/build.mjs) without loading it. That help is wrapped for a pipe
// or an 80-column terminal: on a terminal of another width the CLI itself wraps it.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';

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
  // V8 doubles its young generation (up to 2 × 16 MB) as objects survive its collections, and on
  // a long read they always do, a few at a time: a million rows then cost ~25 MB more memory for
  // no gain in speed (a row's strings and arrays die young). Kept at its first size instead. Set
  // before any code loads, so the same in every run (V8's code cache checks its flags); newer V8
  // may hold the factor at 2 (then this changes nothing).
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  // Node 22.1+ keeps V8's compiled code of the bundle between runs (in the OS temp folder; off with
  // NODE_DISABLE_COMPILE_CACHE=1); Node 20 has no such cache.
  module.enableCompileCache?.();
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(args);
}
