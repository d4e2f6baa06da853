import { processLoad, type LoadSource } from './event-loop-lag.js';

/** How a HostLoadGuard moves its limit; every field has a default (HOST_LOAD_DEFAULTS). */
export interface HostLoadSettings {
  /** The most tasks in flight it ever allows: the user's cap (`--parallelism`) or the host default. */
  cap: number;
  /** The least it lowers the limit to. */
  floor: number;
  /**
   * Mean event-loop lag over a sample (ms) from which the host counts as overloaded: far above what a
   * busy but keeping-up process shows (tens of ms under a full read), so that only a CPU that cannot
   * keep up (answers waiting long enough to distort latencies and time out) lowers the limit.
   */
  lagThresholdMs: number;
  /**
   * The CPU share (of one core) this process must be using for a lag to count as its own: a loop that
   * lags while the process gets little CPU is starved by other processes, and sending less would not help.
   */
  cpuShareThreshold: number;
  /** How long one sample of lag lasts, ms. */
  sampleMs: number;
  /** Factor applied to the tasks in flight when the loop lags. */
  decreaseFactor: number;
  /** Factor by which the limit grows back after a sample without lag. */
  increaseFactor: number;
}

/**
 * Tasks in flight at once when the user sets no cap: high enough that the allowed rates of hundreds of
 * (account, region) lanes at AWS latencies fit (2,000 calls/s x 150 ms = 300), low enough for sockets
 * and memory.
 */
export const DEFAULT_HOST_CONCURRENCY = 512;

export const HOST_LOAD_DEFAULTS: HostLoadSettings = {
  cap: DEFAULT_HOST_CONCURRENCY,
  floor: 8,
  lagThresholdMs: 200,
  cpuShareThreshold: 0.8,
  sampleMs: 1000,
  decreaseFactor: 0.7,
  increaseFactor: 1.25,
};

/**
 * The most tasks (AWS calls, Port requests) a process keeps in flight: what protects the host (sockets,
 * memory, CPU), not what a remote API allows (that is the lanes' business). It starts at its cap; when
 * the event loop lags while this process keeps a core busy (its CPU is behind with the answers already
 * coming in), it lowers the limit below what was in flight, and raises it back towards the cap once the
 * loop keeps time again.
 */
export class HostLoadGuard {
  private readonly settings: HostLoadSettings;
  private limitValue: number;
  private sampleStart: number | undefined;
  private peakInFlight = 0;

  constructor(
    settings: Partial<HostLoadSettings> = {},
    private readonly load: LoadSource = processLoad,
  ) {
    this.settings = { ...HOST_LOAD_DEFAULTS, ...settings };
    // A caller's bug, not a user's input (--parallelism is refused when the flags are read): a plain error.
    if (!(this.settings.cap >= 1)) throw new RangeError(`the host's concurrency cap must be at least 1, got ${this.settings.cap}`);
    this.limitValue = this.settings.cap;
  }

  /** The cap it never goes above. */
  get cap(): number {
    return this.settings.cap;
  }

  /** The limit now, given the clock (ms) and the tasks in flight; moves at most once per sample. */
  limit(now: number, inFlight: number): number {
    this.peakInFlight = Math.max(this.peakInFlight, inFlight);
    if (this.sampleStart === undefined) {
      this.sampleStart = now;
      this.load();
    } else if (now - this.sampleStart >= this.settings.sampleMs) {
      const { lagMs, cpuShare } = this.load();
      this.adjust(lagMs >= this.settings.lagThresholdMs && cpuShare >= this.settings.cpuShareThreshold);
      this.sampleStart = now;
      this.peakInFlight = inFlight;
    }
    return this.limitValue;
  }

  private adjust(isOverloaded: boolean): void {
    const { cap, floor, decreaseFactor, increaseFactor } = this.settings;
    const lowest = Math.min(floor, cap);
    if (isOverloaded) this.limitValue = Math.max(lowest, Math.floor(Math.min(this.limitValue, this.peakInFlight) * decreaseFactor));
    else this.limitValue = Math.min(cap, Math.ceil(this.limitValue * increaseFactor));
  }
}
