import { createHash } from 'node:crypto';
import type { SeededRandom } from './seeded-random.js';

const HEX = '0123456789abcdef';
const HANDLE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** One message as a queue holds it. */
export interface QueuedMessage {
  id: string;
  body: string;
  /** MD5 hex of the UTF-8 body. */
  md5: string;
  sentAtMs: number;
  /** How many times it was received (ApproximateReceiveCount). */
  receiveCount: number;
  firstReceiveAtMs?: number;
  /** Hidden until then (delayed or in flight); visible once this is not in the future. */
  visibleAtMs: number;
  /** The handle of the latest receive; only it deletes the message. */
  receiptHandle?: string;
}

/** Message counts of a queue at one moment. */
export interface QueueDepth {
  /** Ready to be received (ApproximateNumberOfMessages). */
  visible: number;
  /** Received and not yet deleted nor visible again (ApproximateNumberOfMessagesNotVisible). */
  inFlight: number;
  /** Sent with a delay that has not passed (ApproximateNumberOfMessagesDelayed). */
  delayed: number;
}

/** What a receipt handle is worth for deleting or changing visibility. */
export type HandleStanding = 'current' | 'outdated' | 'invalid';

/** Settings of a queue, fixed when it is made. */
export interface QueueSettings {
  account: string;
  name: string;
  url: string;
  /** Default visibility timeout of received messages, seconds. */
  visibilityTimeoutSeconds: number;
  /** With `deadLetter`: a message received this many times without being deleted moves there on its next receive. */
  maxReceiveCount?: number;
  deadLetter?: SqsQueue;
}

/**
 * A standard SQS queue: messages in send order, visibility timeouts, redrive to a dead-letter queue,
 * and change notification for long polls.
 */
export class SqsQueue {
  readonly #messages = new Map<string, QueuedMessage>();
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly settings: QueueSettings,
    /** Makes message ids and receipt handles. */
    private readonly random: SeededRandom,
  ) {}

  /** Adds a message, visible after `delaySeconds`. */
  add(body: string, nowMs: number, delaySeconds = 0): QueuedMessage {
    const hex = this.random.chars(32, HEX);
    const message: QueuedMessage = {
      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`,
      body,
      md5: createHash('md5').update(body, 'utf8').digest('hex'),
      sentAtMs: nowMs,
      receiveCount: 0,
      visibleAtMs: nowMs + delaySeconds * 1000,
    };
    this.#messages.set(message.id, message);
    this.#changed();
    return message;
  }

  /**
   * Receives up to `max` visible messages, hiding each for `visibilitySeconds` under a new receipt
   * handle. Messages that reached maxReceiveCount move to the dead-letter queue instead.
   */
  receive(max: number, visibilitySeconds: number, nowMs: number): QueuedMessage[] {
    const received: QueuedMessage[] = [];
    const { maxReceiveCount, deadLetter } = this.settings;
    for (const message of this.#messages.values()) {
      if (received.length >= max) break;
      if (message.visibleAtMs > nowMs) continue;
      if (deadLetter && maxReceiveCount !== undefined && message.receiveCount >= maxReceiveCount) {
        this.#messages.delete(message.id);
        deadLetter.#adopt(message, nowMs);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceiveAtMs ??= nowMs;
      message.visibleAtMs = nowMs + visibilitySeconds * 1000;
      // The handle names its message, so that an outdated handle can be told from one never issued.
      message.receiptHandle = `${Buffer.from(message.id).toString('base64url')}.${this.random.chars(48, HANDLE_ALPHABET)}`;
      received.push(message);
    }
    return received;
  }

  /** How a receipt handle stands: the latest handle of a message still here, an older handle of one, or neither. */
  standing(handle: string): HandleStanding {
    const message = this.#messageOf(handle);
    if (!message) return 'invalid';
    return message.receiptHandle === handle ? 'current' : 'outdated';
  }

  /** Deletes the message of a `current` handle; false (nothing done) for any other handle. */
  delete(handle: string): boolean {
    const message = this.#messageOf(handle);
    if (message?.receiptHandle !== handle) return false;
    this.#messages.delete(message.id);
    return true;
  }

  /** Whether the message of `handle` is received and still hidden. */
  isInFlight(handle: string, nowMs: number): boolean {
    const message = this.#messageOf(handle);
    return message !== undefined && message.receiveCount > 0 && message.visibleAtMs > nowMs;
  }

  /** Makes the message of `handle` visible again `seconds` from now. */
  setVisibility(handle: string, seconds: number, nowMs: number): void {
    const message = this.#messageOf(handle);
    if (!message) return;
    message.visibleAtMs = nowMs + seconds * 1000;
    this.#changed();
  }

  /** Message counts at `nowMs`. */
  depth(nowMs: number): QueueDepth {
    const depth: QueueDepth = { visible: 0, inFlight: 0, delayed: 0 };
    for (const message of this.#messages.values()) {
      if (message.visibleAtMs <= nowMs) depth.visible += 1;
      else if (message.receiveCount > 0) depth.inFlight += 1;
      else depth.delayed += 1;
    }
    return depth;
  }

  /**
   * Resolves after `ms`, or sooner when a message is added, made visible on purpose, or will
   * become visible by itself (its timeout or delay ends), or when `signal` aborts.
   */
  waitForChange(ms: number, nowMs: number, signal: AbortSignal): Promise<void> {
    let untilVisible = Infinity;
    for (const message of this.#messages.values()) {
      if (message.visibleAtMs > nowMs) untilVisible = Math.min(untilVisible, message.visibleAtMs - nowMs);
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, Math.min(ms, untilVisible)));
      this.#listeners.add(done);
      signal.addEventListener('abort', done);
      if (signal.aborted) done();
    });
  }

  #messageOf(handle: string): QueuedMessage | undefined {
    const [encoded, nonce, extra] = handle.split('.');
    if (!encoded || !nonce || extra !== undefined) return undefined;
    const message = this.#messages.get(Buffer.from(encoded, 'base64url').toString('utf8'));
    return message?.receiptHandle === undefined ? undefined : message;
  }

  #adopt(message: QueuedMessage, nowMs: number): void {
    message.visibleAtMs = nowMs;
    delete message.receiptHandle;
    this.#messages.set(message.id, message);
    this.#changed();
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
