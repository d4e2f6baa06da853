import type { FailureClass } from './retry-policy.js';

/** What a retry budget holds, what each retry costs and what a success gives back, in tokens. */
export interface RetryBudgetSettings {
  capacity: number;
  costOf: Readonly<Record<FailureClass, number>>;
  refund: number;
}

/**
 * The budget of the SDK's standard retry strategy: 500 tokens, 5 per retry of a server error, 10 per
 * retry of a transient one, 1 back per success. Throttling costs nothing here: the caller's rate
 * limiter is its back-pressure. Client failures are never retried.
 */
export const STANDARD_RETRY_BUDGET: RetryBudgetSettings = { capacity: 500, costOf: { throttling: 0, transient: 10, server: 5, client: 0 }, refund: 1 };

/**
 * Tokens that retries spend and successes give back, per endpoint: an endpoint that keeps failing soon
 * stops being retried, instead of multiplying its load.
 */
export class RetryBudget {
  private tokens: number;

  constructor(private readonly settings: RetryBudgetSettings = STANDARD_RETRY_BUDGET) {
    this.tokens = settings.capacity;
  }

  /** Spends the cost of one retry of `failure`; false (nothing spent) when the budget cannot pay. */
  trySpend(failure: FailureClass): boolean {
    const cost = this.settings.costOf[failure];
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** A call succeeded. */
  refund(): void {
    this.tokens = Math.min(this.settings.capacity, this.tokens + this.settings.refund);
  }
}
