/**
 * Concurrency primitives shared by the stages that run many calls at once (the source's reads,
 * apply's Port requests, watch's cycles), and the one retry core of their remote calls. Knows nothing of
 * AWS or Port.
 */
export { Semaphore } from './semaphore.js';
export { OrderedResults } from './ordered-results.js';
export { DEFAULT_HOST_CONCURRENCY, HOST_LOAD_DEFAULTS, HostLoadGuard, type HostLoadSettings } from './host-load-guard.js';
export { AimdRateLimiter, type AimdSettings } from './aimd-rate-limiter.js';
export { concurrencyFor } from './little-law.js';
export { processLoad, type LoadReading, type LoadSource } from './event-loop-lag.js';
export { exponentialBackoffMs, type FailureClass, type Jitter, type RetryPolicy } from './retry-policy.js';
export { RetryBudget, STANDARD_RETRY_BUDGET, type RetryBudgetSettings } from './retry-budget.js';
export { Retrier } from './retrier.js';
