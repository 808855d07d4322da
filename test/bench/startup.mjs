// Start-up and the small fixture, timed against `node -e 0` in the same run (issue 13): each
// program and node alone run in turn, the ratio taken pair by pair (a busy machine slows both
// alike), the median ratio reported. Wall time, without the RSS probe (it would add the same few
// ms to both sides); the fixture's peak RSS comes from one probed run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function seconds(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status})`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Median of `runs` paired ratios program/node, with both medians in ms. */
function paired(args, runs, cwd) {
  seconds(args, cwd);
  seconds(['-e', '0'], cwd);
  const pairs = Array.from({ length: runs }, () => {
    const program = seconds(args, cwd);
    const node = seconds(['-e', '0'], cwd);
    return { program, node, ratio: program / node };
  });
  return { ms: median(pairs.map((p) => p.program)) * 1000, nodeMs: median(pairs.map((p) => p.node)) * 1000, ratio: median(pairs.map((p) => p.ratio)) };
}

/**
 * `cj --help`, `cj --version`, and the fixture to results, 8 figures (SVG and Vega-Lite spec),
 * the lead-time figure and the page. Returns rows { target, measured, limit, met }.
 */
export function startupTargets(root, cj) {
  const out = mkdtempSync(join(tmpdir(), 'cj-bench-figures-'));
  try {
    const fixture = ['analyse', join(root, 'fixtures/haarlem-2016.csv'), '--out', join(out, 'out'), '--quiet'];
    const rows = [
      ['cj --help', [cj, '--help'], 21, 1.3],
      ['cj --version', [cj, '--version'], 21, 1.3],
      ['fixture to 8 SVGs and the page', [cj, ...fixture], 11, 4],
    ].map(([name, args, runs, limit]) => {
      const { ms, nodeMs, ratio } = paired(args, runs, root);
      console.log(`${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms   node -e 0 ${nodeMs.toFixed(0).padStart(4)} ms   ${ratio.toFixed(2)}× (median of ${runs} pairs)`);
      return { target: `${name} ≤ ${limit}× node -e 0`, measured: `${ratio.toFixed(2)}×`, limit: `${limit}×`, met: ratio <= limit };
    });
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// `node test/bench/startup.mjs`: this part alone (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../../', import.meta.url).pathname;
  const rows = startupTargets(root, join(root, 'bin/cj.js'));
  for (const row of rows) console.log(`${row.met ? 'met   ' : 'MISSED'}  ${row.target.padEnd(48)} ${row.measured}`);
}
