import { writeFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';

/**
 * Preloaded into a measured CLI run (`node --import this-file cli ...`): on exit, writes to the file
 * named by PEAK_HEAP_FILE the most heap V8 held just after a full (mark-sweep-compact) collection, in
 * bytes: the live heap at its largest. V8's profiler takes the figure inside the collection; a `gc`
 * performance observer runs later and would count what was allocated since. Not part of aws2port.
 */
const file = process.env.PEAK_HEAP_FILE;
if (file) {
  const profiler = new GCProfiler();
  profiler.start();
  process.on('exit', () => {
    const fullCollections = profiler.stop().statistics.filter((collection) => collection.gcType === 'MarkSweepCompact');
    writeFileSync(file, String(Math.max(0, ...fullCollections.map((collection) => collection.afterGC.heapStatistics.usedHeapSize))));
  });
}
