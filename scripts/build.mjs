// Builds the CLI: esbuild bundles src/cli/main.ts (TypeScript straight from the sources) into
// dist/bundle, code-split so commands load their own modules lazily. Packages stay external but
// vega and vega-lite: loaded as one chunk they start in a quarter of the time their ~80
// modules take (only a run that draws figures loads it). The vega packages that draw a figure
// (src/render/vega-draw.ts) are bundled too, so they share their modules with vega's chunk. So
// are commander, chalk and simple-statistics, which every run loads: no module resolution in
// node_modules and no CommonJS-to-ESM translation at start-up (each chunk gets a `require` for the
// CommonJS inside), and commander's node:child_process (only for subcommands that are programs of
// their own, which cj has none of) loads on first use instead of with its ~10 modules. Measured
// on the fixture to figures and pages: 0.95x the wall time (15 paired runs, medians).
// Type checking is separate (`npm run typecheck`, part of `npm test`): the build needs only esbuild.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = ['commander', 'chalk', 'simple-statistics', 'vega', 'vega-lite', 'vega-dataflow', 'vega-encode', 'vega-transforms', 'vega-view-transforms', 'vega-view', 'vega-scenegraph', 'vega-runtime'];
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts', 'src/cli/analyse-worker.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: Object.keys(dependencies).filter((name) => !bundled.includes(name)),
  outdir: 'dist/bundle',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cjCreateRequire } from 'node:module'; const require = __cjCreateRequire(import.meta.url);" },
  plugins: [
    {
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
    },
  ],
});

// Vega's drawing part (src/render/vega-draw.ts) once more, as one CommonJS script: a run drawing
// the build's shapes loads it through V8's code cache (src/render/cached-script.ts), which Node 20
// keeps for scripts but not for modules. No canvas: cj measures text with its own font metrics,
// and vega-canvas would look for the `canvas` package with a top-level await, which a script
// cannot have.
await build({
  absWorkingDir: root,
  entryPoints: ['src/render/vega-draw.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/bundle/vega-draw.cjs',
  logLevel: 'warning',
  // d3-timer picks its clock when it loads; Node's global `performance` would load perf_hooks
  // (and its modules) for timers a drawing never runs. Date is its fallback.
  define: { performance: 'undefined' },
  plugins: [
    {
      name: 'no-canvas',
      setup(plugin) {
        plugin.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: 'vega-canvas', namespace: 'no-canvas' }));
        plugin.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({
          contents: 'export const canvas = () => null, domCanvas = () => null, nodeCanvas = () => null, image = () => null;',
          loader: 'js',
        }));
      },
    },
  ],
});

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
// Run from dist/bundle/, where the built CLI's chunks are, so that svg.ts finds the fonts as it does there.
const precompileFile = new URL('../dist/bundle/.precompile.mjs', import.meta.url);
writeFileSync(precompileFile, precompile.outputFiles[0].text);
const compiled = spawnSync(process.execPath, [fileURLToPath(precompileFile)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
rmSync(precompileFile);
if (compiled.status !== 0) throw new Error(`compiling the figure shapes failed:\n${compiled.stderr}`);
writeFileSync(new URL('../dist/bundle/shapes.json', import.meta.url), `${compiled.stdout}\n`);

// What the built CLI prints for `cj --help` and `cj --version` into a pipe (help wrapped at
// commander's default 80 columns): bin/cj.js prints it without loading the CLI.
const printed = (flag) => {
  const script = `const { main } = await import('./dist/bundle/main.js'); process.exitCode = await main([${JSON.stringify(flag)}]);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0 || run.stderr !== '') throw new Error(`cj ${flag} failed while building:\n${run.stderr}`);
  return run.stdout;
};
const help = printed('--help');
const version = printed('--version');
writeFileSync(new URL('../dist/bundle/start.json', import.meta.url), `${JSON.stringify({ '--help': help, '-h': help, '--version': version, '-V': version })}\n`);
