import { AimdRateLimiter, concurrencyFor, HostLoadGuard, Retrier, type AimdSettings, type FailureClass, type RetryPolicy } from '../concurrency/index.js';
import type { RetryCount } from '../errors/index.js';
import { DEFAULT_AIMD_SETTINGS } from './aimd-rate-limiter.js';
import { classifyAwsError } from './classify-aws-error.js';
import { SYSTEM_CLOCK, type Clock } from './clock.js';
import { INITIAL_LANE_LATENCY_MS, INITIAL_STS_LANE_RATE, LANE_LATENCY_HEADROOM, LANE_LATENCY_SMOOTHING, MIN_LANE_CONCURRENCY } from './constants.js';
import { SCHEDULER_RETRY_POLICY } from './retry-policy.js';

/** The AWS APIs aws2port calls, as the scheduler names them. */
export type AwsApi = 'cloudcontrol' | 'organizations' | 'sts' | 'account';

/**
 * Where a call goes, which is what AWS throttles by: one account's API in one region. Each lane has
 * its own rate limiter and retry budget.
 */
export interface CallLane {
  account: string;
  region: string;
  service: AwsApi;
}

/** What happened to a call, for progress views and benchmarks. */
export type CallEvent =
  /** An attempt left for AWS. */
  | { type: 'sent'; lane: CallLane }
  | { type: 'succeeded'; lane: CallLane }
  /** An attempt failed and will be tried again after `delayMs`. */
  | { type: 'retried'; lane: CallLane; errorClass: FailureClass; code: string; delayMs: number }
  /** The call failed for good. */
  | { type: 'failed'; lane: CallLane; errorClass: FailureClass; code: string };

/** How a scheduler runs; every setting has a default. */
export interface SchedulerSettings {
  /**
   * The user's cap on AWS calls in flight at once, across all lanes (`--parallelism`); may be
   * Infinity. Default: the host's (DEFAULT_HOST_CONCURRENCY), lowered while the event loop lags.
   */
  parallelism?: number;
  /** What keeps the host from overload; default: a guard capped at `parallelism`, watching this process's event loop. */
  hostGuard?: HostLoadGuard;
  /** False: no rate or concurrency limit per lane, no host guard (only to measure strategies that have none). Default true. */
  isPaced?: boolean;
  /** Overrides of the lanes' rate limiter settings. */
  aimd?: Partial<AimdSettings>;
  retryPolicy?: RetryPolicy;
  clock?: Clock;
  /** Numbers in [0, 1); default Math.random. */
  random?: () => number;
}

/** What a lane is doing now: its rate, the latency it sees, and the calls it keeps in flight. */
export interface LaneState {
  lane: CallLane;
  /** Calls per second (Infinity when unpaced). */
  rate: number;
  /** Smoothed time from sending an attempt to its answer, ms; undefined before the first answer. */
  latencyMs: number | undefined;
  /** Attempts of this lane in flight now. */
  inFlight: number;
  /** The most it may have in flight now (Infinity when unpaced). */
  concurrency: number;
}

/** Options of one call. */
export interface CallOptions {
  /** When aborted, a call still waiting is dropped (its promise rejects with the abort reason). */
  signal?: AbortSignal;
}

/** The attempt count and total retry delay a failed call carries, where the SDK keeps them. */
export interface AttemptRecord {
  attempts?: number;
  totalRetryDelay?: number;
}

interface PendingCall extends RetryCount {
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
}

interface Lane {
  id: CallLane;
  limiter: AimdRateLimiter | undefined;
  /** Its retry decisions, with the lane's retry budget. */
  retrier: Retrier;
  queue: PendingCall[];
  inFlight: number;
  /** Smoothed latency of its attempts, ms; undefined before the first answer. */
  latencyMs: number | undefined;
  /** Whether calls waited for this lane's own rate since its last dispatch. */
  isHeldBack: boolean;
  isActive: boolean;
}

/**
 * Runs every AWS call of a read. Calls queue per lane (account, region, API); lanes take turns
 * (round robin), so a busy API never starves the others and no API is hammered while others idle;
 * each lane sends at the rate its AIMD limiter allows, and keeps as many calls in flight as that rate
 * needs at the latency it observes (Little's law, with headroom): more when AWS answers slowly, fewer
 * once throttled, and no pile-up when a lane stalls. Across lanes, the host guard's limit holds (the
 * user's `parallelism` at most, lowered while the event loop lags).
 * Each failure is classified once: throttling lowers the lane's rate and is retried; server and
 * transient failures are retried with jittered exponential backoff while the lane's retry budget
 * lasts; client failures are not retried. A call that fails for good rejects with the original
 * error, its `$metadata` carrying the attempts and the total delay.
 */
export class CallScheduler {
  private readonly lanes = new Map<string, Lane>();
  /** Lanes with queued calls, in turn order. */
  private readonly active: Lane[] = [];
  private cursor = 0;
  private inFlight = 0;
  private timerAt = Infinity;
  private cancelTimer: (() => void) | undefined;
  private readonly listeners: Array<(event: CallEvent) => void> = [];
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly aimd: AimdSettings;
  private readonly stsAimd: AimdSettings;
  private readonly isPaced: boolean;
  private readonly hostGuard: HostLoadGuard;

  constructor(settings: SchedulerSettings = {}) {
    if (settings.parallelism !== undefined && !(settings.parallelism >= 1)) throw new RangeError(`parallelism must be at least 1, got ${settings.parallelism}`);
    this.isPaced = settings.isPaced ?? true;
    const cap = settings.parallelism === undefined ? {} : { cap: settings.parallelism };
    this.hostGuard = settings.hostGuard ?? (this.isPaced ? new HostLoadGuard(cap) : new HostLoadGuard(cap, () => ({ lagMs: 0, cpuShare: 0 })));
    this.clock = settings.clock ?? SYSTEM_CLOCK;
    this.random = settings.random ?? Math.random;
    this.policy = settings.retryPolicy ?? SCHEDULER_RETRY_POLICY;
    this.aimd = { ...DEFAULT_AIMD_SETTINGS, ...settings.aimd };
    this.stsAimd = { ...this.aimd, initialRate: settings.aimd?.initialRate ?? INITIAL_STS_LANE_RATE };
  }

  /** Runs `send` in `lane` when its turn, its rate and the budget allow, retrying as the policy says. */
  call<T>(lane: CallLane, send: () => Promise<T>, options: CallOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: PendingCall = { send, resolve: resolve as (value: unknown) => void, reject, signal: options.signal, attempts: 0, totalDelayMs: 0 };
      this.enqueue(this.laneOf(lane), pending, false);
      this.pump();
    });
  }

  /** Calls `listener` with every call event, from now on. */
  onEvent(listener: (event: CallEvent) => void): void {
    this.listeners.push(listener);
  }

  /** What every lane is doing now. */
  laneStates(): LaneState[] {
    return [...this.lanes.values()].map((l) => ({ lane: l.id, rate: l.limiter?.rate ?? Infinity, latencyMs: l.latencyMs, inFlight: l.inFlight, concurrency: this.concurrencyOf(l) }));
  }

  /** Calls in flight now, across all lanes. */
  get callsInFlight(): number {
    return this.inFlight;
  }

  /** The most calls that may be in flight now, across all lanes (the host guard's limit). */
  get globalLimit(): number {
    return this.hostGuard.limit(this.clock.now(), this.inFlight);
  }

  /** Little's law: the calls in flight that the lane's rate needs at its latency, with headroom. */
  private concurrencyOf(lane: Lane): number {
    if (!lane.limiter) return Infinity;
    return concurrencyFor(lane.limiter.rate, lane.latencyMs ?? INITIAL_LANE_LATENCY_MS, LANE_LATENCY_HEADROOM, MIN_LANE_CONCURRENCY);
  }

  private laneOf(id: CallLane): Lane {
    const key = `${id.service}\u0000${id.account}\u0000${id.region}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      const limiter = this.isPaced ? new AimdRateLimiter(id.service === 'sts' ? this.stsAimd : this.aimd, this.clock.now()) : undefined;
      lane = { id: { ...id }, limiter, retrier: new Retrier(this.policy, this.random), queue: [], inFlight: 0, latencyMs: undefined, isHeldBack: false, isActive: false };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private enqueue(lane: Lane, pending: PendingCall, isRetry: boolean): void {
    // A retry goes first: it is older work, and finishing started pages keeps memory and tails short.
    if (isRetry) lane.queue.unshift(pending);
    else lane.queue.push(pending);
    if (!lane.isActive) {
      lane.isActive = true;
      this.active.push(lane);
    }
  }

  /** Sends what may leave now, then sets a timer for when the next lane's rate allows more. */
  private pump(): void {
    let earliestWait = Infinity;
    let idleTurns = 0;
    const limit = this.globalLimit;
    while (this.active.length > 0 && idleTurns < this.active.length) {
      if (this.cursor >= this.active.length) this.cursor = 0;
      const lane = this.active[this.cursor]!;
      if (lane.queue.length === 0) {
        lane.isActive = false;
        this.active.splice(this.cursor, 1);
        continue;
      }
      // STS calls renew the credentials that calls in flight may be waiting for: the global limit never holds them back.
      if (this.inFlight >= limit && lane.id.service !== 'sts') {
        this.cursor++;
        idleTurns++;
        continue;
      }
      if (lane.inFlight >= this.concurrencyOf(lane)) {
        // Held back by its own limit as by its rate: its rate (and with it this limit) may grow.
        lane.isHeldBack = true;
        // Its next answer pumps again.
        this.cursor++;
        idleTurns++;
        continue;
      }
      const waitMs = lane.limiter?.waitMs(this.clock.now()) ?? 0;
      if (waitMs > 0) {
        lane.isHeldBack = true;
        earliestWait = Math.min(earliestWait, waitMs);
        this.cursor++;
        idleTurns++;
        continue;
      }
      const pending = lane.queue.shift()!;
      this.cursor++;
      idleTurns = 0;
      if (pending.signal?.aborted) {
        pending.reject(pending.signal.reason);
        continue;
      }
      this.dispatch(lane, pending);
    }
    if (earliestWait < Infinity) this.wakeIn(earliestWait);
  }

  private wakeIn(ms: number): void {
    const at = this.clock.now() + ms;
    if (at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    // +1 ms: timers may fire a hair early, and a token a hair short would only re-arm the timer.
    this.cancelTimer = this.clock.setTimer(ms + 1, () => {
      this.timerAt = Infinity;
      this.cancelTimer = undefined;
      this.pump();
    });
  }

  private dispatch(lane: Lane, pending: PendingCall): void {
    const callNumber = lane.limiter?.take(this.clock.now()) ?? 0;
    const wasHeldBack = lane.isHeldBack;
    lane.isHeldBack = false;
    this.inFlight++;
    lane.inFlight++;
    const sentAt = this.clock.now();
    pending.attempts++;
    this.emit({ type: 'sent', lane: lane.id });
    let attempt: Promise<unknown>;
    try {
      attempt = pending.send();
    } catch (error) {
      attempt = Promise.reject(error);
    }
    const answered = (): void => {
      this.inFlight--;
      lane.inFlight--;
      const latency = this.clock.now() - sentAt;
      lane.latencyMs = lane.latencyMs === undefined ? latency : lane.latencyMs + LANE_LATENCY_SMOOTHING * (latency - lane.latencyMs);
    };
    attempt.then(
      (value) => {
        answered();
        lane.limiter?.onSuccess(wasHeldBack);
        lane.retrier.succeeded();
        this.emit({ type: 'succeeded', lane: lane.id });
        pending.resolve(value);
        this.pump();
      },
      (error: unknown) => {
        answered();
        this.onFailure(lane, pending, error, callNumber);
        this.pump();
      },
    );
  }

  private onFailure(lane: Lane, pending: PendingCall, error: unknown, callNumber: number): void {
    const { errorClass, code, retryAfterMs } = classifyAwsError(error);
    if (errorClass === 'throttling') lane.limiter?.onThrottle(callNumber);
    const delayMs = pending.signal?.aborted ? undefined : lane.retrier.delayBeforeRetry(errorClass, pending.attempts, retryAfterMs);
    if (delayMs === undefined) {
      recordAttempts(error, pending.attempts, pending.totalDelayMs);
      this.emit({ type: 'failed', lane: lane.id, errorClass, code });
      pending.reject(error);
      return;
    }
    pending.totalDelayMs += delayMs;
    this.emit({ type: 'retried', lane: lane.id, errorClass, code, delayMs });
    this.clock.setTimer(delayMs, () => {
      this.enqueue(lane, pending, true);
      this.pump();
    });
  }

  private emit(event: CallEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Writes the attempts and total delay where the SDK keeps them on its own errors (`$metadata`). */
function recordAttempts(error: unknown, attempts: number, totalDelayMs: number): void {
  if (typeof error !== 'object' || error === null) return;
  const holder = error as { $metadata?: AttemptRecord };
  holder.$metadata = { ...holder.$metadata, attempts, totalRetryDelay: Math.round(totalDelayMs) };
}
