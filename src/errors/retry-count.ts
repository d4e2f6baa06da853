/** How hard a remote call was tried before it failed for good: the error that ends it carries this. */
export interface RetryCount {
  /** Attempts sent, the first included. */
  attempts: number;
  /** ms waited between them, in all. */
  totalDelayMs: number;
}

/** `3 attempts over 1.2 s`: a RetryCount in the words every final error uses. */
export function describeRetryCount({ attempts, totalDelayMs }: RetryCount): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'} over ${(totalDelayMs / 1000).toFixed(1)} s`;
}
