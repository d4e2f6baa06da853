/** One SQS message as received. */
export interface ReceivedMessage {
  id: string;
  /** The handle of this receive: only it deletes the message. */
  receiptHandle: string;
  body: string;
  /** When SQS got it (attribute SentTimestamp), epoch ms; undefined when SQS did not say. */
  sentAtMs: number | undefined;
  /** How many times SQS has handed it out, this time included (ApproximateReceiveCount). */
  receiveCount: number;
}

/**
 * What became of one of the resources a message names: `unmappable` when a resource config could
 * not map it (retrying may not help, but the message is kept for the dead-letter queue).
 */
export type ResourceResult = 'applied' | 'failed' | 'unreadable' | 'unmappable';

/** What a held message settles as. */
export type HeldOutcome = 'applied' | 'failed' | 'unreadable' | 'poison';

/**
 * A message whose resources are being re-read: it settles once each of them has a result. It is
 * `applied` only if every re-read and every write it caused succeeded (so it may be deleted),
 * `poison` if a resource could not be mapped, `failed` if a re-read or write failed (both stay in
 * the queue), `unreadable` if no resource could be read at all.
 */
export class HeldMessage {
  private pending: number;
  private readonly results: ResourceResult[] = [];

  constructor(
    readonly message: ReceivedMessage,
    resourceCount: number,
  ) {
    this.pending = resourceCount;
  }

  /** Records one resource's result; returns the message's outcome when it was the last one. */
  record(result: ResourceResult): HeldOutcome | undefined {
    this.results.push(result);
    this.pending--;
    if (this.pending > 0) return undefined;
    if (this.results.includes('unmappable')) return 'poison';
    if (this.results.includes('failed')) return 'failed';
    return this.results.every((r) => r === 'unreadable') ? 'unreadable' : 'applied';
  }
}
