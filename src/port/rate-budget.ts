/** Port's rate-limit classes (its published table has one row each). */
export type RouteClass = 'bulkUpsert' | 'singleUpsert' | 'search' | 'entities' | 'blueprints' | 'other';

/**
 * The class of a request, from its method and path under /v1: single upsert is `POST .../entities`
 * only; every other entity route (bulk delete `POST .../bulk/entities/delete` included) is `entities`.
 */
export function routeClassOf(method: string, path: string): RouteClass {
  if (path.endsWith('/entities/bulk')) return 'bulkUpsert';
  if (path.endsWith('/entities/search')) return 'search';
  if (/^\/blueprints\/[^/]+\/entities$/.test(path) && method === 'POST') return 'singleUpsert';
  if (/^\/blueprints\/[^/]+\/(entities|bulk)(\/|$)/.test(path)) return 'entities';
  if (path.startsWith('/blueprints')) return 'blueprints';
  return 'other';
}

/** What Port's headers on one answer say of its class's budget. */
export interface BudgetReport {
  /** `x-ratelimit-remaining`: requests left. */
  remaining: number;
  /** ms until `x-ratelimit-reset`. */
  resetInMs: number;
  /** `x-ratelimit-limit`, when sent. */
  limit?: number;
}

interface ClassBudget {
  /** Requests that may be sent now (Port's last word, less what was sent since). */
  tokens: number;
  /** ms for one more request to be allowed; undefined when unknown (then wait for the reset). */
  msPerToken: number | undefined;
  /** Epoch ms of Port's reset. */
  resetAt: number;
  /** When tokens were last counted, epoch ms. */
  countedAt: number;
  /** The ticket of the request whose answer this is: older answers are stale. */
  ticket: number;
}

/**
 * Keeps aws2port at Port's rate limits without hitting them. Port's `x-ratelimit-*` headers on each
 * answer say how many requests of a class are left and when the budget is whole again; from them the
 * budget paces requests at the rate Port refills, instead of spending all and waiting for a reset
 * (which wastes the refill meanwhile) or drawing 429s. Answers arrive out of order under concurrency:
 * only the newest request's answer counts, less what was sent after it. (A 429 that happens anyway is
 * retried with Port's wait by the retry policy.)
 */
export class RateBudget {
  private readonly budgets = new Map<RouteClass, ClassBudget>();
  private readonly tickets = new Map<RouteClass, number>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Waits until a request of this class may be sent, and counts it. Returns its ticket for `observe`. */
  async acquire(routeClass: RouteClass): Promise<number> {
    for (;;) {
      const budget = this.budgets.get(routeClass);
      if (!budget) break;
      this.refill(budget);
      if (budget.tokens >= 1) {
        budget.tokens -= 1;
        break;
      }
      const wait = budget.msPerToken !== undefined ? budget.msPerToken - (this.now() - budget.countedAt) : budget.resetAt - this.now();
      if (wait <= 0 && budget.msPerToken === undefined) {
        this.budgets.delete(routeClass);
        break;
      }
      await this.sleep(Math.max(1, Math.ceil(wait)));
    }
    const ticket = (this.tickets.get(routeClass) ?? 0) + 1;
    this.tickets.set(routeClass, ticket);
    return ticket;
  }

  /** Takes in what the answer to request `ticket` says of its class's budget. */
  observe(routeClass: RouteClass, ticket: number, report: BudgetReport | undefined): void {
    if (!report) return;
    const previous = this.budgets.get(routeClass);
    if (previous && previous.ticket > ticket) return;
    const sentSince = (this.tickets.get(routeClass) ?? ticket) - ticket;
    const used = report.limit !== undefined ? report.limit - report.remaining : undefined;
    this.budgets.set(routeClass, {
      tokens: report.remaining - sentSince,
      msPerToken: used !== undefined && used > 0 && report.resetInMs > 0 ? report.resetInMs / used : undefined,
      resetAt: this.now() + report.resetInMs,
      countedAt: this.now(),
      ticket,
    });
  }

  /** Forgets what is known of a class's budget (after a 429, whose wait the retry policy honours). */
  forget(routeClass: RouteClass): void {
    this.budgets.delete(routeClass);
  }

  private refill(budget: ClassBudget): void {
    if (budget.msPerToken === undefined) return;
    const earned = Math.floor((this.now() - budget.countedAt) / budget.msPerToken);
    if (earned <= 0) return;
    budget.tokens += earned;
    budget.countedAt += earned * budget.msPerToken;
  }
}
