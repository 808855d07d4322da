// `cj diff` of two generated cohorts against one `cj analyse` of the first (issue 13): paired
// runs (measure.mjs), the median ratio of wall times and the diff's median peak RSS. The two
// cohorts are the generator's files with different seeds, so every bar has a change to test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { paired } from './measure.mjs';

/** Limits per size: diff time as a multiple of one analyse, and the diff's peak RSS in MB. */
const LIMITS = new Map([
  [100_000, { ratio: 2, rssMb: Number.POSITIVE_INFINITY }],
  [1_000_000, { ratio: 2.5, rssMb: 150 }],
]);

/** Returns rows { target, measured, limit, met } for each size of `sizes` with a limit. */
export async function diffTargets(cj, sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'cj-bench-diff-'));
  const rows = [];
  try {
    for (const size of sizes.filter((s) => LIMITS.has(s))) {
      const limit = LIMITS.get(size);
      const [a, b] = [join(dir, `a-${size}.csv`), join(dir, `b-${size}.csv`)];
      await generate(a, size, 2016);
      await generate(b, size, 2017);
      const runs = size >= 1_000_000 ? 3 : 5;
      const diff = paired([cj, 'diff', a, b, '--format', 'json', '--quiet'], [cj, 'analyse', a, '--format', 'json', '--quiet'], runs, { probed: true });
      console.log(`${`cj diff at ${size}`.padEnd(32)} ${diff.seconds.toFixed(2).padStart(7)} s   analyse ${diff.baseSeconds.toFixed(2)} s   ${diff.ratio.toFixed(2)}×   peak RSS ${diff.rssMb.toFixed(0)} MB (median of ${runs} pairs)`);
      rows.push({ target: `cj diff at ${size} ≤ ${limit.ratio}× one analyse`, measured: `${diff.ratio.toFixed(2)}×`, limit: `${limit.ratio}×`, met: diff.ratio <= limit.ratio });
      if (Number.isFinite(limit.rssMb)) {
        rows.push({ target: `cj diff at ${size} peak RSS < ${limit.rssMb} MB`, measured: `${diff.rssMb.toFixed(0)} MB`, limit: `${limit.rssMb} MB`, met: diff.rssMb < limit.rssMb });
      }
      rmSync(a);
      rmSync(b);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node test/bench/diff.mjs [sizes]`: this part alone (after `npm run build`), e.g. 100000.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
  for (const row of await diffTargets(join(root, 'bin/cj.js'), sizes)) console.log(`${row.met ? 'met   ' : 'MISSED'}  ${row.target.padEnd(48)} ${row.measured}`);
}
