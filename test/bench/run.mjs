// npm run bench: speed and peak memory of `cj analyse --format json` beside its peers on synthetic
// wide files of 10k, 100k and 1M respondents (generated into a temp dir, removed after): DuckDB
// doing the same counting in SQL (2 threads) and pandas (where python3-pandas is installed), their
// counts checked against cj's bar by bar; papaparse and csv-parse reading alone; and cj as it
// was before issue 13 (built from git, when this is a clone). `npm run bench -- --10m` adds a
// file of 10M respondents (2 GB, cj alone), for memory.
// Programs run in turn (A B C A B C ...), so a busy machine slows each alike; medians.
// Prints one table of targets, met or missed; exits 1 when one is missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffTargets } from './diff.mjs';
import { generate } from './generate.mjs';
import { measure, median } from './measure.mjs';
import { startupTargets } from './startup.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bench = (name) => join(root, 'test/bench', name);
const cj = join(root, 'bin/cj.js');
const tenMillion = process.argv.includes('--10m') || process.env.CJ_BENCH_10M === '1';
const sizes = [...(process.env.CJ_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number), ...(tenMillion ? [10_000_000] : [])];
const runsFor = (rows) => (rows >= 10_000_000 ? 1 : rows >= 1_000_000 ? 3 : 5);
/** cj before the input work of issue 13: what "no slower than today" is measured against. */
const baselineRef = process.env.CJ_BENCH_BASELINE_REF ?? '6a7da02';

/** A python with pandas (Debian's python3-pandas), for the pandas peer; undefined when there is none. */
const python = ['/usr/bin/python3', 'python3'].find((command) => spawnSync(command, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);

/** The median over runs of a's wall time over b's in the same round: robust to a machine's load drifting. */
const pairedRatio = (a, b) => median(a.map((run, index) => run.seconds / b[index].seconds));

/** cj at `ref`, built in `dir` with this clone's packages; undefined outside a git clone. */
function buildBaseline(ref, dir) {
  try {
    const target = join(dir, 'baseline');
    execFileSync('sh', ['-c', `mkdir -p "${target}" && git -C "${root}" archive "${ref}" | tar -x -C "${target}"`], { stdio: 'ignore' });
    symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: target, stdio: 'ignore' });
    return join(target, 'bin/cj.js');
  } catch {
    return undefined;
  }
}

/** A peer's counts against cj's results, bar by bar: the differences, none when they agree. */
function compareCounts(results, peer, name) {
  const differences = [];
  const expect = (what, ours, theirs) => void (ours !== theirs && differences.push(`${what}: cj ${ours}, ${name} ${theirs}`));
  expect('respondents', results.input.respondents, peer.respondents);
  expect('distinct codes', results.input.respondents, peer.codes);
  expect('marks counted', results.grade.n, peer.marks);
  expect('mean mark', results.grade.mean?.toFixed(9), (peer.total / peer.marks).toFixed(9));
  for (const figure of results.figures) {
    for (const bar of figure.bars) {
      const theirs = peer.bars[bar.column] ?? { counts: {}, missing: 0 };
      for (const [key, count] of Object.entries(bar.counts)) expect(`${bar.column} ${key}`, count, theirs.counts[key] ?? 0);
      expect(`${bar.column} missing`, bar.missing, theirs.missing);
    }
  }
  return differences;
}

const fmt = {
  rate: (value) => `${Math.round(value).toLocaleString('en')} rows/s`,
  mb: (value) => `${value.toFixed(0)} MB`,
  ratio: (value) => `${value.toFixed(2)}×`,
};
const pad = (text, width) => String(text).padStart(width);
const dir = mkdtempSync(join(tmpdir(), 'cj-bench-'));
/** Every target, one row each: what, the measured value, the limit, met or not. */
const targets = [];
const target = (name, measured, limit, met) => void targets.push({ target: name, measured, limit, met });
try {
  const baseline = existsSync(join(root, '.git')) ? buildBaseline(baselineRef, dir) : undefined;
  console.log(`cj benchmark: node ${process.version}, ${sizes.join(' / ')} respondents, programs in turn, medians`);
  console.log('');
  console.log(`${'respondents'.padEnd(12)}${'program'.padEnd(30)}${pad('wall s', 9)}${pad('CPU s', 9)}${pad('rows/s', 12)}${pad('MB/s', 9)}${pad('peak RSS MB', 13)}`);
  const measured = new Map();
  for (const size of sizes) {
    const file = join(dir, `wide-${size}.csv`);
    await generate(file, size);
    const mb = statSync(file).size / 1e6;
    const programs = [
      ['cj', 'cj analyse --format json', [cj, 'analyse', file, '--format', 'json', '--quiet']],
      ...(baseline === undefined ? [] : [['before', `cj before (${baselineRef})`, [baseline, 'analyse', file, '--format', 'json', '--quiet']]]),
      ['duckdb', 'DuckDB SQL, 2 threads', [bench('peer-duckdb.mjs'), file]],
      ...(python === undefined ? [] : [['pandas', 'pandas', [bench('peer-pandas.py'), file], python]]),
      ['papaparse', 'papaparse alone', [bench('baseline-papaparse.mjs'), file]],
      ['csv-parse', 'csv-parse alone', [bench('baseline-csv-parse.mjs'), file]],
    ].filter(([key]) => size < 10_000_000 || key === 'cj');
    const samples = new Map(programs.map(([key]) => [key, []]));
    for (let run = 0; run < runsFor(size); run++) {
      for (const [key, , args, command] of programs) samples.get(key).push(measure(args, command));
    }
    for (const [key, name] of programs) {
      const runs = samples.get(key);
      const seconds = median(runs.map((s) => s.seconds));
      const cpuSeconds = median(runs.map((s) => s.cpuSeconds));
      const rssMb = median(runs.map((s) => s.rssMb));
      measured.set(`${key}@${size}`, { runs, seconds, rssMb, rate: size / seconds, stdout: runs[0].stdout });
      console.log(`${String(size).padEnd(12)}${name.padEnd(30)}${pad(seconds.toFixed(2), 9)}${pad(cpuSeconds.toFixed(2), 9)}${pad(Math.round(size / seconds).toLocaleString('en'), 12)}${pad((mb / seconds).toFixed(1), 9)}${pad(rssMb.toFixed(1), 13)}`);
    }
    rmSync(file);

    const ours = measured.get(`cj@${size}`);
    const duck = measured.get(`duckdb@${size}`);
    for (const [key, name] of [['duckdb', "DuckDB's SQL"], ['pandas', 'pandas']]) {
      const peer = measured.get(`${key}@${size}`);
      if (peer === undefined) continue;
      const differences = compareCounts(JSON.parse(ours.stdout), JSON.parse(peer.stdout), name);
      target(`${name} gives cj's counts, bar by bar, at ${size}`, differences.length === 0 ? 'all agree' : differences.slice(0, 3).join('; '), 'all agree', differences.length === 0);
    }
    if (duck !== undefined) {
      if (size >= 1_000_000) {
        const ratio = pairedRatio(ours.runs, duck.runs);
        target(`cj rows/s at ${size} ≥ DuckDB's (wall, paired)`, `${fmt.rate(ours.rate)}, ${fmt.ratio(1 / ratio)} DuckDB's`, fmt.rate(duck.rate), ratio <= 1);
        target(`cj peak RSS at ${size} ≤ a third of DuckDB's`, fmt.mb(ours.rssMb), fmt.mb(duck.rssMb / 3), ours.rssMb <= duck.rssMb / 3);
      }
    }
    const before = measured.get(`before@${size}`);
    if (before !== undefined) {
      const ratio = pairedRatio(ours.runs, before.runs);
      target(`cj at ${size} no slower than before (wall, paired)`, `${fmt.ratio(ratio)} before's time`, fmt.ratio(1), ratio <= 1);
    }
  }
  if (baseline === undefined) target(`cj no slower than before (${baselineRef})`, 'not measured: no git clone', 'measured', false);

  const smallest = Math.min(...sizes);
  for (const size of sizes.filter((size) => size >= 1_000_000)) {
    const growth = measured.get(`cj@${size}`).rssMb - measured.get(`cj@${smallest}`).rssMb;
    target(`cj peak RSS at ${size} within 50 MB of ${smallest}`, `+${growth.toFixed(1)} MB`, '+50 MB', growth <= 50);
  }

  console.log('');
  for (const row of startupTargets(root, cj)) targets.push(row);
  console.log('');
  for (const row of await diffTargets(cj, sizes)) targets.push(row);

  console.log('');
  const width = Math.max(...targets.map((row) => row.target.length));
  const measuredWidth = Math.max(...targets.map((row) => row.measured.length));
  console.log(`${''.padEnd(8)}${'target'.padEnd(width)}  ${'measured'.padEnd(measuredWidth)}  limit`);
  for (const row of targets) console.log(`${row.met ? 'met   ' : 'MISSED'}  ${row.target.padEnd(width)}  ${row.measured.padEnd(measuredWidth)}  ${row.limit}`);
  process.exitCode = targets.every((row) => row.met) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
