import { exponentialBackoffMs, type RetryPolicy } from '../concurrency/index.js';

/**
 * aws2port's policy for AWS calls: throttling is retried often with short, jittered delays, because the
 * lane's rate limiter (not the delay) is what slows the calls down; server and transient failures a few
 * times with exponential full-jitter backoff capped at 10 s. Retry-After is honoured as a floor.
 */
export const SCHEDULER_RETRY_POLICY: RetryPolicy = {
  maxAttempts: { throttling: 10, transient: 5, server: 5, client: 1 },
  delayMs(failure, retry, random, hintMs) {
    const jittered = exponentialBackoffMs(retry, random, { baseMs: failure === 'throttling' ? 50 : 100, capMs: 10_000, jitter: 'full' });
    return Math.max(jittered, hintMs ?? 0);
  },
};

/**
 * The retries of boto3's default ("legacy") mode, which Port's integration runs with: 5 attempts,
 * delays drawn up to 1, 2, 4, 8 s. Used only to measure Port's strategy against ours.
 */
export const BOTOCORE_LEGACY_RETRY_POLICY: RetryPolicy = {
  maxAttempts: { throttling: 5, transient: 5, server: 5, client: 1 },
  delayMs(_failure, retry, random) {
    return exponentialBackoffMs(retry, random, { baseMs: 1000, capMs: Infinity, jitter: 'full' });
  },
};
