import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Returns how late the event loop ran its callbacks since the last reading, ms (0: on time). */
export type LagReading = () => number;

/** The histogram's sampling interval, ms; its readings include this much even when idle. */
const RESOLUTION_MS = 10;

let histogram: IntervalHistogram | undefined;

/**
 * The process's event-loop lag, from Node's event-loop delay histogram (one for the process, made on
 * first use; it keeps no process alive). Each reading is the mean delay since the previous reading,
 * beyond the histogram's own sampling interval.
 */
export const eventLoopLag: LagReading = () => {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    return 0;
  }
  const meanMs = histogram.count > 0 ? histogram.mean / 1e6 : 0;
  histogram.reset();
  return Math.max(0, meanMs - RESOLUTION_MS);
};
