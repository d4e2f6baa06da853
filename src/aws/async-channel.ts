/**
 * A bounded queue from many async producers to one async-iterating consumer. `push` waits while the
 * queue is full, so fast producers cannot run memory away from a slow consumer.
 */
export class AsyncChannel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private readonly spaceWaiters: Array<() => void> = [];
  private itemWaiter: (() => void) | undefined;
  private isClosed = false;
  private failure: { error: unknown } | undefined;

  /** @param capacity how many values may wait unconsumed. */
  constructor(private readonly capacity: number) {}

  /** Adds a value, waiting while the channel is full. */
  async push(value: T): Promise<void> {
    while (this.buffer.length >= this.capacity && !this.isClosed) await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    this.buffer.push(value);
    this.wakeConsumer();
  }

  /** No more values: the consumer ends after draining. */
  close(): void {
    this.isClosed = true;
    this.wakeConsumer();
  }

  /** Ends the consumer with an error after what is buffered. */
  fail(error: unknown): void {
    this.failure = { error };
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const value = this.buffer.shift();
      if (value !== undefined) {
        this.spaceWaiters.shift()?.();
        yield value;
        continue;
      }
      if (this.isClosed) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => (this.itemWaiter = resolve));
    }
  }

  private wakeConsumer(): void {
    const waiter = this.itemWaiter;
    this.itemWaiter = undefined;
    waiter?.();
  }
}
