import type { ErrorClass } from './classify-aws-error.js';
import { RETRY_BUDGET_CAPACITY, RETRY_COST, RETRY_REFUND, TRANSIENT_RETRY_COST } from './constants.js';

/**
 * Tokens that retries of server and transient failures spend and successes give back, as in the
 * SDK's standard strategy: an endpoint that keeps failing soon stops being retried, instead of
 * multiplying its load. Throttling costs nothing here: the rate limiter is its back-pressure.
 */
export class RetryBudget {
  private tokens = RETRY_BUDGET_CAPACITY;

  /** Spends the cost of one retry of `errorClass`; false (nothing spent) when the budget cannot pay. */
  trySpend(errorClass: ErrorClass): boolean {
    if (errorClass === 'throttling') return true;
    const cost = errorClass === 'transient' ? TRANSIENT_RETRY_COST : RETRY_COST;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** A call succeeded. */
  refund(): void {
    this.tokens = Math.min(RETRY_BUDGET_CAPACITY, this.tokens + RETRY_REFUND);
  }
}
