// Builds the CLI: esbuild bundles src/cli/main.ts (TypeScript straight from the sources) into
// dist/bundle, code-split so commands load their own modules lazily; packages stay external.
// Type checking is separate (`npm run typecheck`, part of `npm test`): the build needs only esbuild.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  outdir: 'dist/bundle',
  logLevel: 'warning',
});

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
