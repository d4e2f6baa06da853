/**
 * Concurrency primitives shared by the stages that run many calls at once (the source's reads,
 * apply's Port requests, watch's cycles). Knows nothing of AWS or Port.
 */
export { Semaphore } from './semaphore.js';
export { OrderedResults } from './ordered-results.js';
export { DEFAULT_HOST_CONCURRENCY, HOST_LOAD_DEFAULTS, HostLoadGuard, type HostLoadSettings } from './host-load-guard.js';
export { AimdRateLimiter, type AimdSettings } from './aimd-rate-limiter.js';
export { concurrencyFor } from './little-law.js';
export { processLoad, type LoadReading, type LoadSource } from './event-loop-lag.js';
