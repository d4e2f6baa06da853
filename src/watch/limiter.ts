/**
 * At most `limit` tasks at once, the others waiting in call order. Shared by the cycles of one
 * watcher: re-reads of every cycle count against one budget (--parallelism), and plans are applied
 * one at a time (limit 1), because a plan lives in its connection's one temporary table.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` others run; resolves or rejects as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
