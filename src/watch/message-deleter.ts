import type { DeleteFailure } from './event-queue.js';
import type { ReceivedMessage } from './held-message.js';

/** SQS's DeleteMessageBatch takes at most this many entries. */
const MAX_DELETE_BATCH = 10;

/** What the deleter needs of the queue. */
export interface DeletingQueue {
  deleteBatch(messages: readonly ReceivedMessage[]): Promise<DeleteFailure[]>;
}

/**
 * Deletes settled messages in batches of up to 10: messages settled in the same turn of the event
 * loop share calls. A refused or failed delete is reported, never thrown: the message then comes
 * back after its visibility timeout and is applied again, which changes nothing (level-triggered).
 */
export class MessageDeleter {
  private pending: ReceivedMessage[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private isScheduled = false;

  constructor(
    private readonly queue: DeletingQueue,
    private readonly onFailure: (messages: readonly ReceivedMessage[], reason: string) => void,
  ) {}

  /** Deletes `message` soon. */
  delete(message: ReceivedMessage): void {
    this.pending.push(message);
    if (this.pending.length >= MAX_DELETE_BATCH) this.send();
    else if (!this.isScheduled) {
      this.isScheduled = true;
      setImmediate(() => this.send());
    }
  }

  /** Sends what is pending and waits for every delete in flight. */
  async flush(): Promise<void> {
    this.send();
    await Promise.all([...this.inFlight]);
  }

  private send(): void {
    this.isScheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_DELETE_BATCH);
      const sending = this.queue.deleteBatch(batch).then(
        (failures) => {
          for (const failure of failures) this.onFailure(batch.filter((m) => m.id === failure.id), `${failure.code}: ${failure.message}`);
        },
        (error: unknown) => this.onFailure(batch, error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
      );
      const tracked = sending.finally(() => this.inFlight.delete(tracked));
      this.inFlight.add(tracked);
    }
  }
}
