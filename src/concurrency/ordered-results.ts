/**
 * Results that complete out of order, handed back in the order they were added: values at once,
 * promises once settled. A rejected promise is thrown when its turn comes, never left unhandled.
 */
export class OrderedResults<T> {
  private readonly slots: Array<{ isSettled: boolean; value?: T; error?: unknown; settled: Promise<void> }> = [];

  add(result: T | Promise<T>): void {
    if (!(result instanceof Promise)) {
      this.slots.push({ isSettled: true, value: result, settled: Promise.resolve() });
      return;
    }
    const slot: (typeof this.slots)[number] = { isSettled: false, settled: Promise.resolve() };
    slot.settled = result.then(
      (value) => {
        Object.assign(slot, { isSettled: true, value });
      },
      (error: unknown) => {
        Object.assign(slot, { isSettled: true, error });
      },
    );
    this.slots.push(slot);
  }

  /** The results ready now, in order, up to the first still pending. Throws the first failure among them. */
  takeReady(): T[] {
    const ready: T[] = [];
    while (this.slots[0]?.isSettled) ready.push(this.take());
    return ready;
  }

  /** The next result, once settled; undefined when none is left. Throws it when it failed. */
  async takeNext(): Promise<T | undefined> {
    const head = this.slots[0];
    if (!head) return undefined;
    await head.settled;
    return this.take();
  }

  private take(): T {
    const slot = this.slots.shift()!;
    if ('error' in slot) throw slot.error;
    return slot.value as T;
  }
}
