#!/usr/bin/env node
'use strict';
// A CommonJS script (bin/package.json), as the built CLI is (scripts/build.mjs): a run loads no
// ES module, so Node does not start its module loader. `cj --help` and `cj --version` alone print
// what the built CLI printed for them at build time (dist/bundle/start.json) without loading it.
// That help is wrapped for a pipe or an 80-column terminal: on a terminal of another width the
// CLI itself wraps it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const flag = args.length === 1 ? args[0] : undefined;
const printed =
  (flag === '--help' || flag === '-h' || flag === '--version' || flag === '-V') && (!process.stdout.isTTY || process.stdout.columns === 80)
    ? JSON.parse(readFileSync(join(__dirname, '../dist/bundle/start.json'), 'utf8'))[flag]
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
  require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
  // Node 22.1+ keeps V8's compiled code of what `require` loads between runs (in the OS temp
  // folder; off with NODE_DISABLE_COMPILE_CACHE=1); Node 20 has no such cache. The CLI itself
  // comes through a code cache of its own (src/cli/start.ts).
  require('node:module').enableCompileCache?.();
  require('../dist/bundle/start.cjs').start(args);
}
