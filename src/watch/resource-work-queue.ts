import { performance } from 'node:perf_hooks';
import { refKey, type ResourceRef } from './resource-ref.js';

/** A resource to re-read, with everything that waits on that re-read. */
export interface WorkItem<W> {
  key: string;
  ref: ResourceRef;
  /** Who asked (messages); empty for an internal re-check. */
  waiters: W[];
}

interface Queued<W> {
  ref: ResourceRef;
  waiters: W[];
  /** performance.now() ms from which it may be taken. */
  readyAt: number;
}

/**
 * The resources waiting for a re-read, keyed by resource, in the manner of client-go's work queue:
 * a resource is queued once however many events name it (coalescing: it becomes ready a window
 * after its first event); a resource being processed is never handed out again until `done`, and
 * events that arrive meanwhile queue it once more, so the later read sees what they announced.
 * `onReady` is called (from a timer) when something may be taken.
 */
export class ResourceWorkQueue<W> {
  private readonly queued = new Map<string, Queued<W>>();
  private readonly processing = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    /** Coalescing window, ms. */
    private readonly windowMs: number,
    private readonly onReady: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Queues a re-read of `ref` for `waiter` (or for no one: an internal re-check). */
  add(ref: ResourceRef, waiter?: W): void {
    const key = refKey(ref);
    const entry = this.queued.get(key);
    if (entry) {
      if (waiter !== undefined) entry.waiters.push(waiter);
      return;
    }
    const readyAt = this.now() + this.windowMs;
    this.queued.set(key, { ref, waiters: waiter === undefined ? [] : [waiter], readyAt });
    if (!this.processing.has(key)) this.arm(readyAt);
  }

  /** Hands out up to `max` ready resources, oldest first, and marks them in process. */
  take(max: number): WorkItem<W>[] {
    const now = this.now();
    const taken: WorkItem<W>[] = [];
    for (const [key, entry] of this.queued) {
      if (taken.length >= max) break;
      if (entry.readyAt > now || this.processing.has(key)) continue;
      this.queued.delete(key);
      this.processing.add(key);
      taken.push({ key, ref: entry.ref, waiters: entry.waiters });
    }
    this.rearm();
    return taken;
  }

  /** Ends the processing of `key`; events that came meanwhile may now be taken. */
  done(key: string): void {
    this.processing.delete(key);
    const entry = this.queued.get(key);
    if (entry) this.arm(entry.readyAt);
  }

  /** Ends every coalescing window now (on stop: the batch in hand is finished without waiting). */
  flush(): void {
    for (const entry of this.queued.values()) entry.readyAt = 0;
    this.rearm();
  }

  /** Resources waiting, and in process. */
  get size(): { queued: number; processing: number } {
    return { queued: this.queued.size, processing: this.processing.size };
  }

  /** Stops the timer. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(at: number): void {
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.onReady();
    }, Math.max(0, at - this.now()));
  }

  private rearm(): void {
    this.close();
    let earliest = Infinity;
    for (const [key, entry] of this.queued) {
      if (!this.processing.has(key) && entry.readyAt < earliest) earliest = entry.readyAt;
    }
    if (earliest !== Infinity) this.arm(earliest);
  }
}
