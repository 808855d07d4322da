// Builds the CLI: esbuild bundles src/cli/main.ts (TypeScript straight from the sources) into
// dist/bundle, code-split so commands load their own modules lazily; packages stay external.
// Type checking is separate (`npm run typecheck`, part of `npm test`): the build needs only esbuild.
import { rmSync } from 'node:fs';
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
