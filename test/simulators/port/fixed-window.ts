/**
 * A fixed-window counter: at most `capacity` requests per window of `windowSeconds`, windows back to
 * back from the moment it is made; the count starts again at each window's end (the "reset"). The
 * same questions as TokenBucket, so that the rate limiter can use either model.
 */
export class FixedWindow {
  private readonly startMs: number;
  private windowIndex = 0;
  private used = 0;

  constructor(
    readonly capacity: number,
    private readonly windowSeconds: number,
    private readonly now: () => number,
  ) {
    this.startMs = now();
  }

  /** Counts a request if the window has room; true when counted. */
  tryTake(): boolean {
    this.roll();
    if (this.used >= this.capacity) return false;
    this.used += 1;
    return true;
  }

  /** Requests left in this window. */
  remaining(): number {
    this.roll();
    return this.capacity - this.used;
  }

  /** Seconds until a request may pass; 0 when one may now. */
  secondsUntilToken(): number {
    return this.remaining() > 0 ? 0 : this.secondsUntilReset();
  }

  /** Seconds until the count starts again; 0 when nothing was counted in this window. */
  secondsUntilFull(): number {
    return this.remaining() === this.capacity ? 0 : this.secondsUntilReset();
  }

  private secondsUntilReset(): number {
    return ((this.startMs + (this.windowIndex + 1) * this.windowSeconds * 1000 - this.now()) / 1000);
  }

  private roll(): void {
    const index = Math.floor((this.now() - this.startMs) / (this.windowSeconds * 1000));
    if (index === this.windowIndex) return;
    this.windowIndex = index;
    this.used = 0;
  }
}
