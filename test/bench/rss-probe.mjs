// Preloaded into every measured process (node --import): prints its peak RSS and the CPU time of
// all its threads on exit, on lines the benchmark finds among whatever else the process writes.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\ncj-bench-max-rss-kb ${usage.maxRSS}\ncj-bench-cpu-s ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}\n`);
});
