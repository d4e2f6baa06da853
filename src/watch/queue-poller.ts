import { MAX_MESSAGES_PER_RECEIVE, MAX_POLLERS, RECEIVE_BACKOFF_MAX_MS, RECEIVE_BACKOFF_MS } from './constants.js';
import type { ReceivedMessage } from './held-message.js';
import { pause } from './pause.js';

/** What the poller drives. */
export interface PollerHooks {
  /** One long poll; empty when `signal` aborts. */
  receive(signal: AbortSignal): Promise<ReceivedMessage[]>;
  /** Hands over what a poll received. */
  onMessages(messages: ReceivedMessage[]): void;
  /** A poll failed (it is retried after a backoff). */
  onError(error: unknown): void;
  /** False while too many messages are in hand: polling waits. */
  hasRoom(): boolean;
}

/** How often a poller waiting for room looks again, ms. */
const ROOM_CHECK_MS = 20;

/**
 * Long-polls the queue with one loop when quiet and up to MAX_POLLERS when busy: a poll that comes
 * back full starts another loop, a poll that comes back empty ends its loop (the last one stays).
 * `stop` aborts the polls in flight, so that a stop never waits for a 20 s long poll.
 */
export class QueuePoller {
  private readonly abort = new AbortController();
  private readonly loops = new Set<Promise<void>>();

  constructor(
    private readonly hooks: PollerHooks,
    private readonly maxPollers = MAX_POLLERS,
  ) {}

  /** Polls in flight now. */
  get pollers(): number {
    return this.loops.size;
  }

  start(): void {
    this.spawn();
  }

  /** Aborts pending polls and waits for the loops to end (messages already received are handed over). */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.loops]);
  }

  private spawn(): void {
    const loop = this.run().finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    let backoff = RECEIVE_BACKOFF_MS;
    while (!signal.aborted) {
      if (!this.hooks.hasRoom()) {
        await pause(ROOM_CHECK_MS, signal);
        continue;
      }
      let messages: ReceivedMessage[];
      try {
        messages = await this.hooks.receive(signal);
        backoff = RECEIVE_BACKOFF_MS;
      } catch (error) {
        if (signal.aborted) return;
        this.hooks.onError(error);
        await pause(backoff, signal);
        backoff = Math.min(backoff * 2, RECEIVE_BACKOFF_MAX_MS);
        continue;
      }
      if (messages.length > 0) this.hooks.onMessages(messages);
      if (messages.length >= MAX_MESSAGES_PER_RECEIVE && this.loops.size < this.maxPollers) this.spawn();
      else if (messages.length === 0 && this.loops.size > 1) return;
    }
  }
}
