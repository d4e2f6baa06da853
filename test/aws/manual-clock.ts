import type { Clock } from '../../src/aws/index.js';

/** A clock that moves only when told: timers fire in time order as `advance` passes them. */
export class ManualClock implements Clock {
  private nowMs = 0;
  private readonly timers: Array<{ at: number; callback: () => void; isCancelled: boolean }> = [];

  now(): number {
    return this.nowMs;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { at: this.nowMs + Math.max(0, ms), callback, isCancelled: false };
    this.timers.push(timer);
    return () => {
      timer.isCancelled = true;
    };
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.nowMs + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => !t.isCancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.callback();
    }
    this.nowMs = end;
    await settle();
  }
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
