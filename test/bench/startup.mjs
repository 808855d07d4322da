// Start-up and the small fixture, timed against `node -e 0` in the same run (issue 13): paired
// runs (measure.mjs), wall time, the median ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paired } from './measure.mjs';

/**
 * `cj --help`, `cj --version`, and the fixture to results, 8 figures (SVG and Vega-Lite spec),
 * the lead-time figure and the page. Returns rows { target, measured, limit, met }.
 */
export function startupTargets(root, cj) {
  const out = mkdtempSync(join(tmpdir(), 'cj-bench-figures-'));
  try {
    const fixture = ['analyse', join(root, 'fixtures/haarlem-2016.csv'), '--out', join(out, 'out'), '--quiet'];
    return [
      ['cj --help', [cj, '--help'], 21, 1.3],
      ['cj --version', [cj, '--version'], 21, 1.3],
      ['fixture to 8 SVGs and the page', [cj, ...fixture], 11, 4],
    ].map(([name, args, runs, limit]) => {
      const { seconds, baseSeconds, ratio } = paired(args, ['-e', '0'], runs);
      console.log(`${name.padEnd(32)} ${(seconds * 1000).toFixed(0).padStart(6)} ms   node -e 0 ${(baseSeconds * 1000).toFixed(0).padStart(4)} ms   ${ratio.toFixed(2)}× (median of ${runs} pairs)`);
      return { target: `${name} ≤ ${limit}× node -e 0`, measured: `${ratio.toFixed(2)}×`, limit: `${limit}×`, met: ratio <= limit };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// `node test/bench/startup.mjs`: this part alone (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const row of startupTargets(root, join(root, 'bin/cj.js'))) console.log(`${row.met ? 'met   ' : 'MISSED'}  ${row.target.padEnd(48)} ${row.measured}`);
}
