import { PORT_RATE_LIMITS, RATE_LIMIT_WINDOW_SECONDS } from './constants.js';
import { TokenBucket } from './token-bucket.js';
import type { RateLimitResetForm, RateLimitTable, RouteClass } from './types.js';

/** The outcome of asking for a request slot, with the headers the answer carries. */
export interface Admission {
  isAdmitted: boolean;
  headers: Record<string, string>;
}

/**
 * Port's per-organization rate limits as one token bucket per route class: `burst` tokens, refilled
 * at `limit` per 5-minute window. Headers: `x-ratelimit-limit` is the bucket size, `-remaining` the
 * whole tokens left, `-reset` when the bucket is full again; a 429 adds `Retry-After`, the wait for the
 * next token.
 */
export class RateLimiter {
  private readonly buckets = new Map<RouteClass, TokenBucket>();

  /**
   * @param table limits per route class.
   * @param isEnabled when false every request is admitted and answers carry no rate-limit headers.
   */
  constructor(
    readonly table: RateLimitTable,
    private readonly isEnabled: boolean,
    private readonly resetForm: RateLimitResetForm,
    private readonly sendRetryAfter: boolean,
    private readonly now: () => number,
  ) {}

  /** Builds the limiter from the simulator's `rateLimits` option. */
  static fromOption(
    option: boolean | Partial<RateLimitTable> | undefined,
    resetForm: RateLimitResetForm,
    sendRetryAfter: boolean,
    now: () => number,
  ): RateLimiter {
    const isEnabled = option !== undefined && option !== false;
    const table = typeof option === 'object' ? { ...PORT_RATE_LIMITS, ...option } : PORT_RATE_LIMITS;
    return new RateLimiter(table, isEnabled, resetForm, sendRetryAfter, now);
  }

  /** Takes a token of the class's bucket. */
  admit(routeClass: RouteClass): Admission {
    if (!this.isEnabled) return { isAdmitted: true, headers: {} };
    const bucket = this.bucket(routeClass);
    const isAdmitted = bucket.tryTake();
    const headers = this.headers(bucket.capacity, bucket.remaining(), bucket.secondsUntilFull());
    if (!isAdmitted && this.sendRetryAfter) {
      headers['retry-after'] = String(Math.max(1, Math.ceil(bucket.secondsUntilToken())));
    }
    return { isAdmitted, headers };
  }

  /** Headers of a 429 forced by a fault: nothing left, back after `waitSeconds`. */
  faultHeaders(routeClass: RouteClass, waitSeconds: number): Record<string, string> {
    const headers = this.headers(this.table[routeClass].burst, 0, waitSeconds);
    if (this.sendRetryAfter) headers['retry-after'] = String(Math.ceil(waitSeconds));
    return headers;
  }

  private headers(limit: number, remaining: number, secondsUntilReset: number): Record<string, string> {
    const reset =
      this.resetForm === 'epoch'
        ? Math.ceil(this.now() / 1000 + secondsUntilReset)
        : Math.ceil(secondsUntilReset);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    };
  }

  private bucket(routeClass: RouteClass): TokenBucket {
    let bucket = this.buckets.get(routeClass);
    if (!bucket) {
      const { limit, burst } = this.table[routeClass];
      bucket = new TokenBucket(burst, limit / RATE_LIMIT_WINDOW_SECONDS, this.now);
      this.buckets.set(routeClass, bucket);
    }
    return bucket;
  }
}
