// npm runs `prepare` on `npm install` in a clone and on `npm install --global <folder>`. In the
// second case npm links the folder before installing anything in it, so the build tool is not
// there yet: install the locked dependencies (dev included, scripts off) into the folder first.
// Installing a packed tarball (`npm pack`) runs no `prepare`: it ships dist/bundle built.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync(new URL('../node_modules/esbuild/package.json', import.meta.url))) {
  // A global install passes --global and --prefix to its scripts through the environment;
  // this install is of the folder itself.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location)$/i.test(key)));
  execFileSync(npm, ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
}
await import('./build.mjs');
