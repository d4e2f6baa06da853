/**
 * What kind of failure a call met, which is all a retry policy sees: `throttling` (slow down and
 * retry), `transient` (a timeout, a reset, a gateway's error: retry), `server` (the service failed on
 * this request: retry a few times), `client` (the request itself is refused: never retried). Each
 * caller classifies its own failures (the AWS side by the SDK's model, the Port side by Port's statuses).
 */
export type FailureClass = 'throttling' | 'transient' | 'server' | 'client';

/**
 * When and how soon a failed call is tried again. The policy sees only the class of the failure, the
 * retry number and the server's wait hint; randomness is passed in (tests fix it).
 */
export interface RetryPolicy {
  /** Attempts in all (the first one included) per class; 1 means never retried. */
  maxAttempts: Readonly<Record<FailureClass, number>>;
  /**
   * Milliseconds to wait before retry number `retry` (1 for the first retry).
   * @param random a number in [0, 1)
   * @param hintMs how long the server asked us to wait (Retry-After and the like), when it did
   */
  delayMs(failure: FailureClass, retry: number, random: number, hintMs?: number): number;
}

/** How an exponential backoff draws its delay below the ceiling: all of it random, or its upper half. */
export type Jitter = 'full' | 'equal';

/**
 * Exponential backoff with jitter: the ceiling doubles from `baseMs` with each retry, up to `capMs`;
 * `full` jitter draws the delay from [0, ceiling), `equal` jitter from [ceiling/2, ceiling).
 */
export function exponentialBackoffMs(retry: number, random: number, options: { baseMs: number; capMs: number; jitter: Jitter }): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** (retry - 1));
  return options.jitter === 'full' ? random * ceiling : Math.floor(ceiling / 2 + random * (ceiling / 2));
}
