import { RetryBudget, STANDARD_RETRY_BUDGET, type RetryBudgetSettings } from './retry-budget.js';
import type { FailureClass, RetryPolicy } from './retry-policy.js';

/**
 * The one retry core of every remote call aws2port makes (AWS and Port): given a failure's class, the
 * attempts made and the server's wait hint, whether to try again and after how long, as the policy says
 * while the endpoint's retry budget lasts. One per endpoint (an AWS lane, a Port host): the budget is shared
 * by its calls. The caller keeps each call's RetryCount for the error that ends it.
 */
export class Retrier {
  private readonly budget: RetryBudget;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly random: () => number = Math.random,
    budget: RetryBudgetSettings = STANDARD_RETRY_BUDGET,
  ) {
    this.budget = new RetryBudget(budget);
  }

  /**
   * ms to wait before trying again after attempt number `attempts` failed with `failure`; undefined to
   * give up: the class's attempts are spent, or the budget cannot pay for another.
   */
  delayBeforeRetry(failure: FailureClass, attempts: number, hintMs?: number): number | undefined {
    if (attempts >= this.policy.maxAttempts[failure]) return undefined;
    if (!this.budget.trySpend(failure)) return undefined;
    return this.policy.delayMs(failure, attempts, this.random(), hintMs);
  }

  /** A call succeeded: the budget earns a little back. */
  succeeded(): void {
    this.budget.refund();
  }
}
