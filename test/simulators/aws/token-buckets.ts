import type { ThrottleSetting } from './faults.js';

interface Bucket {
  /** Tokens left, fractional. */
  tokens: number;
  /** When `tokens` was last brought up to date, in milliseconds of the injected clock. */
  atMs: number;
}

/**
 * One token bucket per key, all with the same (changeable) rate and size. A bucket starts full,
 * refills continuously at `ratePerSecond` up to `burst`, and each call takes one token.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  /** Takes a token from the bucket of `key`; false when it is empty (the call is throttled). */
  take(key: string, setting: ThrottleSetting, nowMs: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: setting.burst, atMs: nowMs };
    bucket.tokens = Math.min(setting.burst, bucket.tokens + ((nowMs - bucket.atMs) / 1000) * setting.ratePerSecond);
    bucket.atMs = nowMs;
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
