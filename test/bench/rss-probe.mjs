// Preloaded into every measured process (node --import): prints its peak RSS on exit, on a line
// the benchmark finds among whatever else the process writes to stderr.
process.on('exit', () => {
  process.stderr.write(`\ncj-bench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
