// Builds the CLI: esbuild bundles the sources (TypeScript straight from the sources) into
// dist/bundle as CommonJS scripts, each loaded through V8's code cache (src/render/cached-script.ts),
// which Node 20 keeps for scripts but not for modules:
// - cj.cjs, the CLI (src/cli/bundle.ts): commands load their modules lazily inside it (esbuild
//   runs a module's top level on its first import). commander, chalk and simple-statistics are
//   bundled, which every run loads: no module resolution in node_modules at start-up; commander's
//   node:child_process (only for subcommands that are programs of their own, which cj has none of)
//   loads on first use instead of with its ~10 modules;
// - start.cjs, what bin/cj.js runs: loads cj.cjs with the code cache of the command run;
// - analyse-worker.cjs, the worker thread of cj diff and cj trend (the same cj.cjs);
// - vega-draw.cjs and vega-full.cjs, Vega's drawing part and all of Vega and Vega-Lite (below).
// Measured on the fixture to figures and pages against the former build (ES modules split into
// chunks, bin/cj.js an ES module): 0.91x the wall time (15 paired runs, medians); `cj --version`
// 0.94x.
// Type checking is separate (`npm run typecheck`, part of `npm test`): the build needs only esbuild.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { vendorPatches } from './vendor-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = ['commander', 'chalk', 'simple-statistics'];
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !bundled.includes(name));
// Packages that are ES modules only: a script cannot load them (below); the built CLI loads Vega
// and Vega-Lite from vega-full.cjs instead (src/render/svg.ts).
const modulesOnly = ['vega', 'vega-lite'];
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// What a script of the CLI needs to be one: import.meta.url from its own file name, and no
// import() of a package. Node 20 runs no import() in code compiled by node:vm (without
// --experimental-vm-modules), so an import() of a CommonJS package (or of node:*) becomes its
// require, and one of an ES module package, or of the module form of vega-draw.ts, an error
// that the built CLI never meets (svg.ts takes vega-full.cjs when it exists).
const scriptOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: { 'import.meta.url': '__cjModuleUrl' },
  // Without blanks and comments (names kept, for --debug's stack traces): V8 keeps a script's
  // text for as long as it runs, and the CLI's is 0.53 MB instead of 0.75 MB (Vega's drawing
  // part 0.51 instead of 0.72). The fixture to figures and pages: peak RSS 2 MB lower, wall time
  // about the same (0.86x the ES module build's, against 0.90x unminified).
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "var __cjModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const noImport = {
  name: 'no-import',
  setup(plugin) {
    plugin.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (modulesOnly.includes(args.path) || /(^|\/)vega-draw\.js$/.test(args.path)) return { path: args.path, namespace: 'not-in-script' };
      if (args.path.startsWith('node:') || external.includes(args.path)) return { path: args.path, namespace: 'required' };
      return undefined;
    });
    plugin.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    plugin.onLoad({ filter: /.*/, namespace: 'not-in-script' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is an ES module: the built CLI loads it from vega-full.cjs`)});`,
      loader: 'js',
    }));
  },
};
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('commander') ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};
// chalk works out on loading how many colours stdout and stderr take (its vendored
// supports-color: node:os, node:tty, the environment), for its default instances. cj makes every
// instance with the level it decided itself (useColor in src/cli/io.ts: --color, NO_COLOR, a
// terminal) and never uses those, so chalk gets "no colour" for them without looking: a run
// printing tables to a pipe loaded node:tty and node:os for nothing.
const chalkLevelGiven = {
  name: 'chalk-level-given',
  setup(plugin) {
    plugin.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'chalk-level-given' } : undefined));
    plugin.onLoad({ filter: /.*/, namespace: 'chalk-level-given' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};
await build({ ...scriptOptions, entryPoints: ['src/cli/bundle.ts'], outfile: 'dist/bundle/cj.cjs', external, plugins: [noImport, lazyChildProcess, chalkLevelGiven] });
for (const [entry, outfile] of [
  ['src/cli/start.ts', 'dist/bundle/start.cjs'],
  ['src/cli/analyse-worker-start.ts', 'dist/bundle/analyse-worker.cjs'],
]) {
  await build({ ...scriptOptions, entryPoints: [entry], outfile, external, plugins: [noImport] });
}
for (const script of ['cj.cjs', 'start.cjs', 'analyse-worker.cjs']) {
  const text = readFileSync(new URL(`../dist/bundle/${script}`, import.meta.url), 'utf8');
  if (/\bimport\s*\(/.test(text)) throw new Error(`dist/bundle/${script} still has an import(): a script compiled by node:vm cannot run it`);
}

const noCanvas = {
  name: 'no-canvas',
  setup(plugin) {
    plugin.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: 'vega-canvas', namespace: 'no-canvas' }));
    plugin.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({
      contents: 'export const canvas = () => null, domCanvas = () => null, nodeCanvas = () => null, image = () => null;',
      loader: 'js',
    }));
  },
};

// Vega's drawing part (src/render/vega-draw.ts) as a script of its own: a run drawing the build's
// shapes loads only this of Vega. No canvas: cj measures text with its own font metrics, and
// vega-canvas would look for the `canvas` package with a top-level await, which a script cannot
// have. And all of Vega with Vega-Lite and the drawing part (src/render/vega-full.ts), one copy
// of each package: what a run compiling a figure of another shape loads.
for (const [entry, outfile] of [
  ['src/render/vega-draw.ts', 'dist/bundle/vega-draw.cjs'],
  ['src/render/vega-full.ts', 'dist/bundle/vega-full.cjs'],
]) {
  await build({
    ...scriptOptions,
    entryPoints: [entry],
    outfile,
    banner: undefined,
    // d3-timer picks its clock when it loads; Node's global `performance` would load perf_hooks
    // (and its modules) for timers a drawing never runs. Date is its fallback.
    define: { performance: 'undefined' },
    plugins: [noCanvas, vendorPatches],
  });
}

// The figure shapes of the report in out/ (what `cj analyse fixtures/haarlem-2016.csv` writes and
// `--check` keeps current) compiled now, so that a run drawing figures of these shapes loads
// neither Vega-Lite's compiler nor runs Vega's parser (src/render/spec-shape.ts). Without out/
// there are none: every shape is then compiled once in the run that draws it.
const precompile = await build({
  absWorkingDir: root,
  stdin: {
    contents: `
      import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
      import { shapeOf } from './src/render/spec-shape.ts';
      import { compileShape, packedFontWidths } from './src/render/svg.ts';
      // The shipped fonts' advance widths, so that a run need not read the font files (svg.ts).
      writeFileSync('dist/bundle/fonts.json', JSON.stringify(packedFontWidths()) + '\\n');
      import { transforms } from './src/render/vega-draw.ts';
      // The transforms the drawing part of Vega has, before compileSpec loads all of vega.
      const drawn = new Set(Object.keys(transforms));
      const types = (node, found) => {
        if (Array.isArray(node)) for (const item of node) types(item, found);
        else if (node !== null && typeof node === 'object') {
          if (typeof node.type === 'string' && 'id' in node) found.add(node.type.toLowerCase());
          for (const value of Object.values(node)) types(value, found);
        }
        return found;
      };
      const shapes = {};
      const names = existsSync('out') ? readdirSync('out').filter((file) => file.endsWith('.vl.json')).sort() : [];
      for (const name of names) {
        const shape = shapeOf(JSON.parse(readFileSync('out/' + name, 'utf8')));
        shapes[shape.key] ??= await compileShape(shape.skeleton);
      }
      // A runtime of these shapes is drawn without the rest of vega (svg.ts): each of its
      // operators must be one vega-draw.ts registers (or one Vega's runtime makes itself).
      const missing = [...types(Object.values(shapes).map(({ json }) => JSON.parse(json)), new Set())].filter((type) => !drawn.has(type) && type !== 'operator');
      if (missing.length > 0) throw new Error('vega-draw.ts lacks the transforms ' + missing.join(', '));
      process.stdout.write(JSON.stringify(shapes));`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  write: false,
  logLevel: 'warning',
});
// Run from dist/bundle/, where the built CLI's scripts are, so that svg.ts finds the fonts as it does there.
const precompileFile = new URL('../dist/bundle/.precompile.mjs', import.meta.url);
writeFileSync(precompileFile, precompile.outputFiles[0].text);
// Vega from node_modules (NODE_DISABLE_COMPILE_CACHE: and no code cache written by the build).
const compiled = spawnSync(process.execPath, [fileURLToPath(precompileFile)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
rmSync(precompileFile);
if (compiled.status !== 0) throw new Error(`compiling the figure shapes failed:\n${compiled.stderr}`);
writeFileSync(new URL('../dist/bundle/shapes.json', import.meta.url), `${compiled.stdout}\n`);

// What the built CLI prints for `cj --help` and `cj --version` into a pipe (help wrapped at
// commander's default 80 columns): bin/cj.js prints it without loading the CLI.
const printed = (flag) => {
  const script = `require('./dist/bundle/cj.cjs').main([${JSON.stringify(flag)}]).then((code) => { process.exitCode = code; });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0 || run.stderr !== '') throw new Error(`cj ${flag} failed while building:\n${run.stderr}`);
  return run.stdout;
};
const help = printed('--help');
const version = printed('--version');
writeFileSync(new URL('../dist/bundle/start.json', import.meta.url), `${JSON.stringify({ '--help': help, '-h': help, '--version': version, '-V': version })}\n`);
