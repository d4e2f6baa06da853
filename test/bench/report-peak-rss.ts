import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a measured CLI run (`node --import this-file cli ...`): on exit, writes the
 * process's peak resident set size in KiB to the file named by BENCH_RSS_FILE. Not part of aws2port.
 */
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
