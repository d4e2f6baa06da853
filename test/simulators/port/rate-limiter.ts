import { PORT_RATE_LIMITS, RATE_LIMIT_WINDOW_SECONDS } from './constants.js';
import { FixedWindow } from './fixed-window.js';
import { TokenBucket } from './token-bucket.js';
import type { RateLimitModel, RateLimitResetForm, RateLimitTable, RouteClass } from './types.js';

/** The outcome of asking for a request slot, with the headers the answer carries. */
export interface Admission {
  isAdmitted: boolean;
  headers: Record<string, string>;
}

/**
 * Port's per-organization rate limits, one limiter per route class, in either model (Port documents a
 * window and a burst, and which one its answers describe is unverified): `bucket`, a token bucket of
 * `burst` tokens refilled at `limit` per window; `window`, at most `limit` requests per window, counted
 * again from zero when the window ends. Headers: `x-ratelimit-limit` is the bucket size (the window's
 * limit), `-remaining` the whole tokens (requests) left, `-reset` when the bucket is full again (the
 * window ends); a 429 adds `Retry-After`, the wait for the next token (the window's end).
 */
export class RateLimiter {
  private readonly buckets = new Map<RouteClass, TokenBucket | FixedWindow>();

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
    private readonly model: RateLimitModel = 'bucket',
    private readonly windowSeconds: number = RATE_LIMIT_WINDOW_SECONDS,
  ) {}

  /** Builds the limiter from the simulator's `rateLimits` option. */
  static fromOption(
    option: boolean | Partial<RateLimitTable> | undefined,
    resetForm: RateLimitResetForm,
    sendRetryAfter: boolean,
    now: () => number,
    model: RateLimitModel = 'bucket',
    windowSeconds: number = RATE_LIMIT_WINDOW_SECONDS,
  ): RateLimiter {
    const isEnabled = option !== undefined && option !== false;
    const table = typeof option === 'object' ? { ...PORT_RATE_LIMITS, ...option } : PORT_RATE_LIMITS;
    return new RateLimiter(table, isEnabled, resetForm, sendRetryAfter, now, model, windowSeconds);
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

  private bucket(routeClass: RouteClass): TokenBucket | FixedWindow {
    let bucket = this.buckets.get(routeClass);
    if (!bucket) {
      const { limit, burst } = this.table[routeClass];
      bucket = this.model === 'window' ? new FixedWindow(limit, this.windowSeconds, this.now) : new TokenBucket(burst, limit / this.windowSeconds, this.now);
      this.buckets.set(routeClass, bucket);
    }
    return bucket;
  }
}
