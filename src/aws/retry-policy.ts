import type { ErrorClass } from './classify-aws-error.js';

/**
 * When and how soon a failed call is tried again. The policy sees only the class of the failure,
 * the attempt number and the server's Retry-After hint; randomness is passed in (tests fix it).
 */
export interface RetryPolicy {
  /** Attempts in all (the first one included) per class; 1 means never retried. */
  maxAttempts: Readonly<Record<ErrorClass, number>>;
  /**
   * Milliseconds to wait before retry number `retry` (1 for the first retry).
   * @param random a number in [0, 1)
   */
  delayMs(errorClass: ErrorClass, retry: number, random: number, retryAfterMs?: number): number;
}

/**
 * aws2port's policy: throttling is retried often with short, jittered delays, because the lane's
 * rate limiter (not the delay) is what slows the calls down; 5xx and transient failures a few
 * times with exponential full-jitter backoff capped at 10 s. Retry-After is honoured as a floor.
 */
export const SCHEDULER_RETRY_POLICY: RetryPolicy = {
  maxAttempts: { throttling: 10, transient: 5, server: 5, client: 1 },
  delayMs(errorClass, retry, random, retryAfterMs) {
    const base = errorClass === 'throttling' ? 50 : 100;
    const jittered = random * Math.min(10_000, base * 2 ** (retry - 1));
    return Math.max(jittered, retryAfterMs ?? 0);
  },
};

/**
 * The retries of boto3's default ("legacy") mode, which Port's integration runs with: 5 attempts,
 * delays drawn up to 1, 2, 4, 8 s. Used only to measure Port's strategy against ours.
 */
export const BOTOCORE_LEGACY_RETRY_POLICY: RetryPolicy = {
  maxAttempts: { throttling: 5, transient: 5, server: 5, client: 1 },
  delayMs(_errorClass, retry, random) {
    return random * 1000 * 2 ** (retry - 1);
  },
};
