/**
 * A token bucket: holds at most `capacity` tokens, refills continuously at `refillPerSecond`, and
 * starts full. One request takes one token.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  /**
   * @param capacity most tokens held (the burst).
   * @param refillPerSecond tokens added per second.
   * @param now clock in epoch milliseconds.
   */
  constructor(
    readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.lastRefillMs = now();
  }

  /** Takes a token if one is there; true when taken. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole tokens left now. */
  remaining(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  /** Seconds until one whole token is there; 0 when one already is. */
  secondsUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.refillPerSecond;
  }

  /** Seconds until the bucket is full again; 0 when it is. */
  secondsUntilFull(): number {
    this.refill();
    return (this.capacity - this.tokens) / this.refillPerSecond;
  }

  private refill(): void {
    const nowMs = this.now();
    const elapsedSeconds = Math.max(0, nowMs - this.lastRefillMs) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.refillPerSecond);
    this.lastRefillMs = nowMs;
  }
}
