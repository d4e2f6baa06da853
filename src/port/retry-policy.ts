import { exponentialBackoffMs, type RetryPolicy } from '../concurrency/index.js';

/** Options of the default policy. */
export interface BackoffOptions {
  /** Attempts for throttling and transient failures (408, 429, 502, 503, 504, network). */
  maxAttempts?: number;
  /** Attempts for a 500 (and other 5xx Port's client does not retry). */
  maxServerErrorAttempts?: number;
  /** First backoff, ms (Port's integration uses 300). */
  baseMs?: number;
  /** Largest backoff, ms. */
  capMs?: number;
}

/** The longest wait taken from Port's hint, ms. */
const MAX_HINT_MS = 5 * 60_000;
/** Random ms added to Port's hint, so that the requests it paused do not all leave at once. */
const HINT_JITTER_MS = 100;

/**
 * Port's advice, as its own client (Ocean) follows it: up to 10 attempts for 408, 429, 502, 503, 504
 * and network failures; wait what Port's headers say when they say it, else exponential backoff from
 * 300 ms with (equal) jitter, capped. (A 401 gets one new token and one more try: see PortHttp.)
 *
 * A 500 is Port's own failure on that request. Ocean does not retry it, because it usually repeats for
 * the same request; aws2port tries it 3 times in all: every request it sends is idempotent (upserts with
 * `upsert=true`, deletes, reads), so another try cannot write twice, and a brief fault of one Port
 * server then costs nothing, while a 500 that repeats gives up fast and leaves the entities as failed
 * writes that the next run retries, instead of holding a batch for ten backoffs.
 */
export function defaultRetryPolicy(options: BackoffOptions = {}): RetryPolicy {
  const { maxAttempts = 10, maxServerErrorAttempts = 3, baseMs = 300, capMs = 20_000 } = options;
  return {
    maxAttempts: { throttling: maxAttempts, transient: maxAttempts, server: maxServerErrorAttempts, client: 1 },
    delayMs(_failure, retry, random, hintMs) {
      if (hintMs !== undefined) return Math.min(hintMs, MAX_HINT_MS) + Math.floor(random * HINT_JITTER_MS);
      return exponentialBackoffMs(retry, random, { baseMs, capMs, jitter: 'equal' });
    },
  };
}
