/** A snapshot of a read of the estate, for a progress view. Counts only grow. */
export interface ScanProgress {
  /** Accounts of this run (this shard's), reachable or not. */
  accountsTotal: number;
  /** Accounts whose every scope has ended (complete or skipped). */
  accountsDone: number;
  /** (account, region) pairs with regional scopes to read. */
  regionsTotal: number;
  /** Pairs whose every scope has ended. */
  regionsDone: number;
  scopesTotal: number;
  /** Scopes ended, complete or skipped. */
  scopesDone: number;
  /** Of `scopesDone`, those skipped (unreadable). */
  scopesSkipped: number;
  /** Items read so far, per kind. */
  itemsByKind: Record<string, number>;
  /** AWS call attempts sent so far (retries included). */
  calls: number;
  /** Attempts per second over the last few seconds. */
  callsPerSecond: number;
  /** Throttling answers seen so far. */
  throttles: number;
  /** Seconds since the read started. */
  elapsedSeconds: number;
  /** Seconds left, once enough scopes have ended to extrapolate; undefined before. */
  etaSeconds?: number;
  /** True on the last snapshot, sent when the read has ended. */
  isDone: boolean;
}
