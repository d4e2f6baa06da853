/** Port's rate-limit classes (its published table has one row each). */
export type RouteClass = 'bulkUpsert' | 'singleUpsert' | 'search' | 'entities' | 'blueprints' | 'other';

/** The class of a request, from its method and path under /v1. */
export function routeClassOf(method: string, path: string): RouteClass {
  if (path.endsWith('/entities/bulk')) return 'bulkUpsert';
  if (path.endsWith('/entities/search')) return 'search';
  if (/^\/blueprints\/[^/]+\/(entities|bulk)/.test(path)) return method === 'POST' ? 'singleUpsert' : 'entities';
  if (path.startsWith('/blueprints')) return 'blueprints';
  return 'other';
}

interface ClassBudget {
  /** Requests Port said are left, minus those sent since; undefined until Port has said. */
  remaining: number | undefined;
  /** Epoch ms when Port said the budget is whole again. */
  resetAt: number;
}

/**
 * Keeps aws2port under Port's rate limits without hitting them: Port's `x-ratelimit-remaining` and
 * `x-ratelimit-reset` on every answer say how many requests of a class are left; when none are left,
 * requests of that class wait for the reset instead of drawing 429s. (429s that happen anyway are
 * retried with Port's wait by the retry policy.)
 */
export class RateBudget {
  private readonly budgets = new Map<RouteClass, ClassBudget>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Waits until a request of this class may be sent, and counts it. */
  async acquire(routeClass: RouteClass): Promise<void> {
    const budget = this.budgets.get(routeClass);
    if (!budget || budget.remaining === undefined) return;
    while (budget.remaining !== undefined && budget.remaining <= 0) {
      const wait = budget.resetAt - this.now();
      if (wait <= 0) {
        budget.remaining = undefined;
        break;
      }
      await this.sleep(wait);
    }
    if (budget.remaining !== undefined) budget.remaining--;
  }

  /** Forgets what is known of a class's budget (its next answer will say). */
  forget(routeClass: RouteClass): void {
    this.budgets.delete(routeClass);
  }

  /** Takes in what an answer's headers say of its class's budget. */
  observe(routeClass: RouteClass, remaining: number | undefined, resetInMs: number | undefined): void {
    if (remaining === undefined || resetInMs === undefined) return;
    this.budgets.set(routeClass, { remaining, resetAt: this.now() + resetInMs });
  }
}
