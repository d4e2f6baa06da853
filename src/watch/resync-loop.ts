import { RESYNC_JITTER, RESYNC_RETRY_MS } from './constants.js';

/**
 * The wait before the next full resync, ms, or undefined for none: `intervalMs` moved at random by
 * up to RESYNC_JITTER either way after a success (0: no periodic resync); after a failure, a retry
 * within RESYNC_RETRY_MS (or the interval, when shorter), even with the interval off, so that the
 * resync at start happens once.
 */
export function nextResyncDelay(intervalMs: number, isSuccess: boolean, random: () => number): number | undefined {
  const base = isSuccess ? intervalMs : intervalMs > 0 ? Math.min(intervalMs, RESYNC_RETRY_MS) : RESYNC_RETRY_MS;
  if (base <= 0) return undefined;
  return Math.round(base * (1 + RESYNC_JITTER * (2 * random() - 1)));
}

/**
 * Runs a full resync at start and then every interval (nextResyncDelay), one at a time: the next
 * wait starts when the previous resync ends.
 */
export class ResyncLoop {
  private timer: NodeJS.Timeout | undefined;
  private isStopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly intervalMs: number,
    /** One full resync; resolves true when it succeeded. Must not throw. */
    private readonly resync: () => Promise<boolean>,
    private readonly random: () => number = Math.random,
  ) {}

  /** True while a resync runs. */
  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts the first resync now. */
  start(): void {
    this.run();
  }

  /** No more resyncs; one in progress is not waited for. */
  stop(): void {
    this.isStopped = true;
    clearTimeout(this.timer);
  }

  private run(): void {
    if (this.isStopped) return;
    this.running = this.resync().then((isSuccess) => {
      this.running = undefined;
      const delay = nextResyncDelay(this.intervalMs, isSuccess, this.random);
      if (delay !== undefined && !this.isStopped) this.timer = setTimeout(() => this.run(), delay);
    });
  }
}
