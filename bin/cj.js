#!/usr/bin/env node
'use strict';
// A CommonJS script (bin/package.json), as the built CLI is (scripts/build.mjs): a run loads no
// ES module, so Node does not start its module loader. `cj --help` and `cj --version` alone print
// what the built CLI printed for them at build time (dist/bundle/start.json) without loading it.
// That help is wrapped for a pipe or an 80-column terminal: on a terminal of another width the
// CLI itself wraps it.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const bundle = join(__dirname, '..', 'dist', 'bundle');
if (!existsSync(join(bundle, 'start.cjs')) || !existsSync(join(bundle, 'start.json'))) {
  // A clone whose install ran no scripts, or whose build was removed: say so, not a stack trace.
  const english = args.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && args[i + 1] === 'en'));
  const root = join(__dirname, '..');
  process.stderr.write(
    english
      ? `cj: internal error: the CLI is not built (${bundle} is missing or incomplete): run \`npm run build\` in ${root}\n`
      : `cj: interne fout: de CLI is niet gebouwd (${bundle} ontbreekt of is onvolledig): voer \`npm run build\` uit in ${root}\n`,
  );
  process.exit(70);
}
const flag = args.length === 1 ? args[0] : undefined;
const printed =
  (flag === '--help' || flag === '-h' || flag === '--version' || flag === '-V') && (!process.stdout.isTTY || process.stdout.columns === 80)
    ? JSON.parse(readFileSync(join(bundle, 'start.json'), 'utf8'))[flag]
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
  require(join(bundle, 'start.cjs')).start(args);
}
