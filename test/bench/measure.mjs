// How the benchmark times a program: a whole node process, its wall time, its peak RSS (from
// rss-probe.mjs, preloaded), medians; and paired runs, a program and its yardstick in turn, the
// ratio taken pair by pair so that a busy machine slowing both does not move it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs a program once; wall seconds, peak RSS in MB, and what it printed. A node script gets
 * rss-probe.mjs preloaded; any other program (`[command, ...args]`) prints the same line itself.
 */
export function measure(args, command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command ?? process.execPath, command === undefined ? ['--import', probe, ...args] : args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const stderr = result.stderr.toString();
  const rss = /cj-bench-max-rss-kb (\d+)/.exec(stderr);
  const cpu = /cj-bench-cpu-s ([\d.]+)/.exec(stderr);
  if (result.status !== 0 || rss === null || cpu === null) throw new Error(`${args.join(' ')} failed (${result.status}):\n${stderr}`);
  return { seconds, cpuSeconds: Number(cpu[1]), rssMb: Number(rss[1]) / 1024, stdout: result.stdout.toString() };
}

/** Wall seconds of a node script, nothing preloaded (start-up: the probe would weigh on both sides). */
function bare(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status})`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * `runs` pairs of (program, yardstick) after one warm-up of each: the medians of both in seconds,
 * of the pairwise ratios, and of the program's peak RSS in MB when `probed`.
 */
export function paired(args, yardstick, runs, { probed = false } = {}) {
  const once = (command) => (probed ? measure(command) : { seconds: bare(command), rssMb: Number.NaN });
  once(args);
  once(yardstick);
  const pairs = Array.from({ length: runs }, () => {
    const program = once(args);
    const base = once(yardstick);
    return { program, base, ratio: program.seconds / base.seconds };
  });
  return {
    seconds: median(pairs.map((p) => p.program.seconds)),
    rssMb: median(pairs.map((p) => p.program.rssMb)),
    baseSeconds: median(pairs.map((p) => p.base.seconds)),
    ratio: median(pairs.map((p) => p.ratio)),
  };
}
