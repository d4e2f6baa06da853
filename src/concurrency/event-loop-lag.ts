import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** What the host's load looked like since the previous reading. */
export interface LoadReading {
  /** How late the event loop ran its callbacks, on average, ms (0: on time). */
  lagMs: number;
  /** CPU time this process used (user + system) per wall-clock time: 1 is one core kept busy. */
  cpuShare: number;
}

/** Returns the load since the last reading. */
export type LoadSource = () => LoadReading;

/** The histogram's sampling interval, ms; its readings include this much even when idle. */
const RESOLUTION_MS = 10;

let histogram: IntervalHistogram | undefined;
let lastCpu = process.cpuUsage();
let lastAt = performance.now();

/**
 * This process's load, from Node's event-loop delay histogram (one for the process, made on first
 * use; it keeps no process alive) and its CPU usage. Each reading covers the time since the previous
 * one: the mean delay beyond the histogram's own sampling interval, and the CPU share.
 */
export const processLoad: LoadSource = () => {
  const cpu = process.cpuUsage(lastCpu);
  const now = performance.now();
  const cpuShare = now > lastAt ? (cpu.user + cpu.system) / 1000 / (now - lastAt) : 0;
  lastCpu = process.cpuUsage();
  lastAt = now;
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    return { lagMs: 0, cpuShare };
  }
  const meanMs = histogram.count > 0 ? histogram.mean / 1e6 : 0;
  histogram.reset();
  return { lagMs: Math.max(0, meanMs - RESOLUTION_MS), cpuShare };
};
