import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * Preloaded into a measured CLI run (`node --import this-file cli ...`): on exit, writes to the file
 * named by PEAK_HEAP_FILE the most heap V8 held just after any garbage collection (the live heap at
 * its largest), in bytes. Not part of aws2port.
 */
const file = process.env.PEAK_HEAP_FILE;
if (file) {
  let peak = 0;
  new PerformanceObserver(() => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => writeFileSync(file, String(peak)));
}
