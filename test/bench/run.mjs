// npm run bench: speed and memory of `cj analyse` against csv-parse alone and papaparse alone,
// on synthetic wide files of 10k, 100k and 1M respondents (generated into a temp dir, removed
// after), plus start-up time and the fixture to 8 SVGs (startup.mjs), and cj diff (diff.mjs). Medians of several runs. Exits 1 when a
// target of issue 7 is missed.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { diffTargets } from './diff.mjs';
import { measure, median } from './measure.mjs';
import { startupTargets } from './startup.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cj = join(root, 'bin/cj.js');
const sizes = (process.env.CJ_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const runsFor = (rows) => (rows >= 1_000_000 ? 3 : 5);

function measureMany(args, runs) {
  const samples = Array.from({ length: runs }, () => measure(args));
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: median(samples.map((s) => s.rssMb)) };
}

const pad = (text, width) => String(text).padStart(width);
const dir = mkdtempSync(join(tmpdir(), 'cj-bench-'));
const rows = [];
const byName = new Map();
try {
  console.log(`cj benchmark: node ${process.version}, ${sizes.join(' / ')} respondents, medians`);
  console.log('');
  console.log(`${'respondents'.padEnd(12)}${'program'.padEnd(22)}${pad('wall s', 9)}${pad('rows/s', 12)}${pad('MB/s', 9)}${pad('peak RSS MB', 13)}`);
  for (const size of sizes) {
    const file = join(dir, `wide-${size}.csv`);
    await generate(file, size);
    const mb = statSync(file).size / 1e6;
    const programs = [
      ['cj analyse --format json', [cj, 'analyse', file, '--format', 'json', '--quiet']],
      ['csv-parse alone', [join(root, 'test/bench/baseline-csv-parse.mjs'), file]],
      ['papaparse alone', [join(root, 'test/bench/baseline-papaparse.mjs'), file]],
    ];
    for (const [name, args] of programs) {
      const { seconds, rssMb } = measureMany(args, runsFor(size));
      byName.set(`${name}@${size}`, { seconds, rssMb, rowsPerSecond: size / seconds });
      rows.push([size, name, seconds, size / seconds, mb / seconds, rssMb]);
      console.log(
        `${String(size).padEnd(12)}${name.padEnd(22)}${pad(seconds.toFixed(2), 9)}${pad(Math.round(size / seconds).toLocaleString('en'), 12)}${pad((mb / seconds).toFixed(1), 9)}${pad(rssMb.toFixed(1), 13)}`,
      );
    }
    rmSync(file);
  }

  console.log('');
  const startup = startupTargets(root, cj);
  console.log('');
  const diff = await diffTargets(cj, sizes);

  const targets = [];
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  const cjLarge = byName.get(`cj analyse --format json@${largest}`);
  const baseLarge = byName.get(`csv-parse alone@${largest}`);
  const cjSmall = byName.get(`cj analyse --format json@${smallest}`);
  targets.push([`cj rows/s at ${largest} ≥ 80% of csv-parse alone`, `${((cjLarge.rowsPerSecond / baseLarge.rowsPerSecond) * 100).toFixed(0)}%`, cjLarge.rowsPerSecond >= 0.8 * baseLarge.rowsPerSecond]);
  targets.push([`cj peak RSS at ${largest} within 50 MB of ${smallest}`, `+${(cjLarge.rssMb - cjSmall.rssMb).toFixed(1)} MB`, cjLarge.rssMb - cjSmall.rssMb <= 50]);
  for (const row of [...startup, ...diff]) targets.push([row.target, row.measured, row.met]);
  console.log('');
  for (const [name, value, met] of targets) console.log(`${met ? 'met   ' : 'MISSED'}  ${name.padEnd(48)} ${value}`);
  process.exitCode = targets.every(([, , met]) => met) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
