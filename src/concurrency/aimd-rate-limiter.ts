/** How a rate moves. */
export interface AimdSettings {
  /** Calls per second before anything is learnt. */
  initialRate: number;
  /** Calls it may send at once at first (as the remote's buckets start full), in seconds of its initial rate. */
  initialBurstSeconds: number;
  minRate: number;
  maxRate: number;
  /** Calls per second gained per second of full use, once the lane has been throttled. */
  increasePerSecond: number;
  /** Factor applied to the rate on a throttle, at most once per round trip. */
  decreaseFactor: number;
}

/**
 * A token bucket whose rate learns what a remote API allows (one AWS API of one account and region,
 * one of Port's route classes), from its throttling answers (additive
 * increase, multiplicative decrease, like TCP). It starts with half a second of calls in hand (as
 * AWS's buckets start full), then holds one token at most, so calls leave evenly spaced rather than
 * in bursts. Until the first throttle the rate grows exponentially (slow start);
 * after it, by `increasePerSecond` per second, and only while calls wait for it (a lane that has
 * nothing to send learns nothing). A throttle cuts the rate once per round trip: throttles of
 * calls sent before the last cut say nothing about the new rate. When throttles keep coming after
 * a cut and cut deeper (a burst of them, not a rate above the limit), the rate climbs back fast
 * (as in slow start) to where the first cut of the series left it, then slowly again.
 */
export class AimdRateLimiter {
  /** Calls per second allowed now. */
  private rateValue: number;
  /** Tokens in the bucket (at most 1 once the first ones are spent), as of `updatedAt`. */
  private tokens: number;
  private updatedAt: number;
  private isSlowStart = true;
  /** Calls sent so far; a call's number is its place in this count. */
  private sentCount = 0;
  /** The first call number sent after the last cut. */
  private cutMark = 0;
  /** Where the first cut of the current series left the rate: below it, the rate climbs back fast. */
  private recoveryRate = 0;

  constructor(
    private readonly settings: AimdSettings,
    /** Milliseconds, on the scheduler's clock. */
    now: number,
  ) {
    this.rateValue = settings.initialRate;
    this.tokens = Math.max(1, Math.floor(settings.initialRate * settings.initialBurstSeconds));
    this.updatedAt = now;
  }

  /** Calls per second allowed now. */
  get rate(): number {
    return this.rateValue;
  }

  /** Milliseconds until a call may leave (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rateValue) * 1000;
  }

  /** Spends the token for a call leaving now; returns the call's number for `onThrottle`. */
  take(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.sentCount++;
  }

  /** A call succeeded; `hasBacklog` says whether calls are waiting for this lane's tokens. */
  onSuccess(hasBacklog: boolean): void {
    if (!hasBacklog) return;
    if (this.isSlowStart) this.rateValue += 1;
    else if (this.rateValue < this.recoveryRate) this.rateValue = Math.min(this.recoveryRate, this.rateValue + 1);
    else this.rateValue += this.settings.increasePerSecond / this.rateValue;
    this.rateValue = Math.min(this.settings.maxRate, this.rateValue);
  }

  /** Call number `callNumber` was throttled. */
  onThrottle(callNumber: number): void {
    this.isSlowStart = false;
    if (callNumber < this.cutMark) return;
    if (this.rateValue > this.recoveryRate) this.recoveryRate = this.rateValue * this.settings.decreaseFactor;
    this.rateValue = Math.max(this.settings.minRate, this.rateValue * this.settings.decreaseFactor);
    this.cutMark = this.sentCount;
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(now: number): void {
    this.tokens = Math.max(this.tokens, Math.min(1, this.tokens + ((now - this.updatedAt) / 1000) * this.rateValue));
    this.updatedAt = now;
  }
}
