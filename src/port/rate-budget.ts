import { AimdRateLimiter, concurrencyFor, type AimdSettings } from '../concurrency/index.js';

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

/** A request allowed to leave; hand it back to `settle` with its answer. */
export interface Permit {
  routeClass: RouteClass;
  /** Its place among the class's requests, for the rate limiter. */
  callNumber: number;
  /** When it left, ms of the budget's clock. */
  sentAt: number;
}

/**
 * How a class's rate moves: 10 requests/s at first (5 at once), doubling while requests wait and
 * Port accepts them, then growing by 1 request/s per second; cut by 15% on a 429 (once per round
 * trip). A gentle cut: each 429 costs a pause too, and the rate climbs back from 85% in a few seconds.
 */
export const PORT_AIMD_SETTINGS: AimdSettings = { initialRate: 10, initialBurstSeconds: 0.5, minRate: 0.5, maxRate: 1000, increasePerSecond: 1, decreaseFactor: 0.85 };

/** How long a class pauses after a 429 that says nothing of when to come back, ms. */
const DEFAULT_PAUSE_MS = 1000;
/** The latency a class assumes before its first answer, ms. */
const INITIAL_LATENCY_MS = 1000;
/** Requests a class keeps in flight, as a multiple of rate x latency. */
const LATENCY_HEADROOM = 2;
/** The fewest requests a class may keep in flight. */
const MIN_CONCURRENCY = 2;
/** Weight of the newest answer in a class's smoothed latency. */
const LATENCY_SMOOTHING = 0.2;

/** What an answer's rate-limit headers say is left of its class's quota, and when it is whole again. */
export interface QuotaHint {
  remaining: number;
  /** ms until the reset; undefined when Port does not say. */
  resetMs: number | undefined;
}

interface ClassPace {
  limiter: AimdRateLimiter;
  /** No request leaves before this time (after a 429, or when the quota is spent), ms. */
  pausedUntil: number;
  inFlight: number;
  latencyMs: number | undefined;
  /** Whether requests waited for the rate since the last one left. */
  isHeldBack: boolean;
  /** The previous acquirer's turn: requests of a class leave in arrival order, one deciding at a time. */
  turn: Promise<void>;
  /** Wakes the acquirer waiting for a request in flight to end. */
  onSlotFreed: (() => void) | undefined;
}

/**
 * Keeps aws2port at Port's rate limits, whatever model Port's limiter follows (a window that resets,
 * or a refilling token bucket): each route class learns its rate from Port's 429s themselves, as the
 * AWS side does (additive increase, multiplicative decrease), instead of reading one model into the
 * rate-limit headers. A 429 also pauses the class until the time Port names (Retry-After, else the
 * reset), so that the requests behind it do not draw 429s of their own. Where Port's headers count
 * what is left (`x-ratelimit-remaining`), the class also holds as soon as the requests in flight
 * would spend it, one round trip before a 429 would say so (both models report what is left alike),
 * and the class slows down and pauses until the reset as on a 429. Each class keeps as many
 * requests in flight as its rate needs at the latency it observes (Little's law, with headroom).
 */
export class RateBudget {
  private readonly classes = new Map<RouteClass, ClassPace>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly settings: AimdSettings = PORT_AIMD_SETTINGS,
  ) {}

  /** Waits until a request of this class may leave, in arrival order, and counts it as sent. */
  async acquire(routeClass: RouteClass): Promise<Permit> {
    const pace = this.paceOf(routeClass);
    const previous = pace.turn;
    let endTurn!: () => void;
    pace.turn = new Promise((resolve) => (endTurn = resolve));
    await previous;
    try {
      // Each wait is slept once and then counts as served (a 429 meanwhile starts a new pause).
      for (;;) {
        const pausedUntil = pace.pausedUntil;
        if (pausedUntil > this.now()) {
          await this.sleep(Math.ceil(pausedUntil - this.now()));
          if (pace.pausedUntil === pausedUntil) pace.pausedUntil = 0;
          continue;
        }
        while (pace.inFlight >= this.concurrencyOf(pace)) await new Promise<void>((resolve) => (pace.onSlotFreed = resolve));
        const waitMs = pace.limiter.waitMs(this.now());
        if (waitMs > 0) {
          pace.isHeldBack = true;
          await this.sleep(Math.max(1, Math.ceil(waitMs)));
        }
        if (pace.pausedUntil > this.now()) continue;
        pace.inFlight++;
        return { routeClass, callNumber: pace.limiter.take(this.now()), sentAt: this.now() };
      }
    } finally {
      endTurn();
    }
  }

  /**
   * The answer to a permitted request came: `status` 429 cuts the class's rate and pauses the class
   * for `pauseMs` (the retry's wait: Port's, when it names one); any other answer from Port lets the
   * rate grow, unless its `quota` says the requests in flight spend what is left: then the class
   * holds until the reset and cuts its rate as a 429 would, since any request sent now would draw
   * one (Port's window or bucket is empty, whichever its limiter is). Status 0 (Port not reached)
   * only frees the slot.
   */
  settle(permit: Permit, status: number, pauseMs: number | undefined, quota?: QuotaHint): void {
    const pace = this.paceOf(permit.routeClass);
    pace.inFlight--;
    const latency = this.now() - permit.sentAt;
    pace.latencyMs = pace.latencyMs === undefined ? latency : pace.latencyMs + LATENCY_SMOOTHING * (latency - pace.latencyMs);
    if (status === 429) this.throttle(pace, permit, pauseMs);
    else if (quota && quota.remaining <= pace.inFlight) this.throttle(pace, permit, quota.resetMs);
    else if (status !== 0) {
      pace.limiter.onSuccess(pace.isHeldBack);
      pace.isHeldBack = false;
    }
    const wake = pace.onSlotFreed;
    pace.onSlotFreed = undefined;
    wake?.();
  }

  /** Cuts the class's rate (once per round trip) and pauses it for `pauseMs`, else a second. */
  private throttle(pace: ClassPace, permit: Permit, pauseMs: number | undefined): void {
    pace.limiter.onThrottle(permit.callNumber);
    pace.pausedUntil = Math.max(pace.pausedUntil, this.now() + (pauseMs ?? DEFAULT_PAUSE_MS));
  }

  /** The class's rate now, requests per second. */
  rateOf(routeClass: RouteClass): number {
    return this.paceOf(routeClass).limiter.rate;
  }

  private concurrencyOf(pace: ClassPace): number {
    return concurrencyFor(pace.limiter.rate, pace.latencyMs ?? INITIAL_LATENCY_MS, LATENCY_HEADROOM, MIN_CONCURRENCY);
  }

  private paceOf(routeClass: RouteClass): ClassPace {
    let pace = this.classes.get(routeClass);
    if (!pace) {
      pace = { limiter: new AimdRateLimiter(this.settings, this.now()), pausedUntil: 0, inFlight: 0, latencyMs: undefined, isHeldBack: false, turn: Promise.resolve(), onSlotFreed: undefined };
      this.classes.set(routeClass, pace);
    }
    return pace;
  }
}
