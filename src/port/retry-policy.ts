import type { FailureClass } from './classify-response.js';

/** When and how long to wait between attempts of one Port request. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** ms to wait before attempt `attempt + 1` (attempt counts from 1), given the failure and Port's hint. */
  delayMs(attempt: number, failure: FailureClass, hintMs: number | undefined): number;
}

/** Options of the default policy. */
export interface BackoffOptions {
  maxAttempts?: number;
  /** First backoff, ms (Port's integration uses 300). */
  baseMs?: number;
  /** Largest backoff, ms. */
  capMs?: number;
  /** Source of randomness in [0, 1): injected so tests are deterministic. */
  random?: () => number;
}

/**
 * Port's advice, as its own integration follows it: up to 10 attempts; wait what Port's headers say
 * when they say it, else exponential backoff from 300 ms with full jitter, capped.
 */
export function defaultRetryPolicy(options: BackoffOptions = {}): RetryPolicy {
  const { maxAttempts = 10, baseMs = 300, capMs = 20_000, random = Math.random } = options;
  return {
    maxAttempts,
    delayMs(attempt, _failure, hintMs) {
      if (hintMs !== undefined) return Math.min(hintMs, 5 * 60_000) + Math.floor(random() * 100);
      const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
      return Math.floor(ceiling / 2 + random() * (ceiling / 2));
    },
  };
}
