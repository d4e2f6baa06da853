/** Limits how many async tasks run at once; waiters are served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  /** @param capacity how many tasks may hold a permit at once (at least 1). */
  constructor(private readonly capacity: number) {
    // A caller's bug, not a user's input (--parallelism is refused when the flags are read): a plain error.
    if (!(capacity >= 1)) throw new RangeError(`Semaphore capacity must be at least 1, got ${capacity}`);
  }

  /** Runs `task` once a permit is free, and frees it when the task settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiters.shift();
      if (next) next();
      else this.active--;
    }
  }
}
