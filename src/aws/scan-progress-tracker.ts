import type { CallEvent } from './call-scheduler.js';
import type { Clock } from './clock.js';
import type { SourceEvent } from './scan-estate.js';
import type { ScanProgress } from './scan-progress.js';
import { GLOBAL_REGION, scopeKey, type Scope } from '../model/index.js';

/** Least time between two snapshots, ms. */
const SNAPSHOT_INTERVAL_MS = 250;
/** The window of `callsPerSecond`, ms. */
const RATE_WINDOW_MS = 5000;
/** Scopes ended (as a share) and seconds elapsed before an ETA is given: earlier ones are noise. */
const ETA_MIN_SHARE = 0.05;
const ETA_MIN_SECONDS = 2;

/**
 * Keeps the counts of a read and hands out ScanProgress snapshots, at most every 250 ms (and a last
 * one when the read ends). It learns from the scheduler's call events and the source events.
 */
export class ScanProgressTracker {
  private readonly startedAt: number;
  private readonly accountsTotal: number;
  private readonly regionsTotal: number;
  private readonly scopesTotal: number;
  private lastSnapshotAt = -Infinity;
  private readonly openScopesByAccount = new Map<string, number>();
  private readonly openScopesByRegion = new Map<string, number>();
  private readonly open = new Set<string>();
  private readonly itemsByKind: Record<string, number> = {};
  private scopesDone = 0;
  private scopesSkipped = 0;
  private calls = 0;
  private throttles = 0;
  /** Attempts sent per 250 ms slot, oldest first: [slot start, count]. */
  private readonly recentCalls: Array<[number, number]> = [];

  constructor(
    /** Every scope this run set out to read, readable or not. */
    scopes: readonly Scope[],
    /** Accounts of the run, including those with no scope. */
    accounts: readonly string[],
    private readonly clock: Clock,
    private readonly emit: (progress: ScanProgress) => void,
  ) {
    this.startedAt = clock.now();
    for (const account of accounts) this.openScopesByAccount.set(account, 0);
    for (const scope of scopes) {
      this.open.add(scopeKey(scope));
      this.openScopesByAccount.set(scope.account, (this.openScopesByAccount.get(scope.account) ?? 0) + 1);
      if (scope.region !== GLOBAL_REGION) this.openScopesByRegion.set(regionKey(scope), (this.openScopesByRegion.get(regionKey(scope)) ?? 0) + 1);
    }
    this.accountsTotal = this.openScopesByAccount.size;
    this.regionsTotal = this.openScopesByRegion.size;
    this.scopesTotal = this.open.size;
  }

  /** A scope that ended before reading began (an unreachable account's). */
  skip(scope: Scope): void {
    this.end(scope, true);
  }

  onCallEvent(event: CallEvent): void {
    if (event.type === 'sent') {
      this.calls++;
      this.countCall();
    } else if ((event.type === 'retried' || event.type === 'failed') && event.errorClass === 'throttling') {
      this.throttles++;
    }
    this.maybeEmit();
  }

  onSourceEvent(event: SourceEvent): void {
    if (event.type === 'items') this.itemsByKind[event.scope.kind] = (this.itemsByKind[event.scope.kind] ?? 0) + event.items.length;
    else if (event.type !== 'item-unread') this.end(event.scope, event.type === 'scope-skipped');
    this.maybeEmit();
  }

  /** The read has ended: the last snapshot. */
  finish(): void {
    this.emit(this.snapshot(true));
  }

  /** The counts now. */
  snapshot(isDone = false): ScanProgress {
    const now = this.clock.now();
    const elapsedSeconds = (now - this.startedAt) / 1000;
    const share = this.scopesTotal > 0 ? this.scopesDone / this.scopesTotal : 1;
    const etaSeconds = !isDone && share >= ETA_MIN_SHARE && elapsedSeconds >= ETA_MIN_SECONDS ? Math.round((elapsedSeconds * (1 - share)) / share) : undefined;
    return {
      accountsTotal: this.accountsTotal,
      accountsDone: countZeros(this.openScopesByAccount),
      regionsTotal: this.regionsTotal,
      regionsDone: countZeros(this.openScopesByRegion),
      scopesTotal: this.scopesTotal,
      scopesDone: this.scopesDone,
      scopesSkipped: this.scopesSkipped,
      itemsByKind: { ...this.itemsByKind },
      calls: this.calls,
      callsPerSecond: this.callsPerSecond(now),
      throttles: this.throttles,
      elapsedSeconds,
      ...(etaSeconds === undefined ? {} : { etaSeconds }),
      isDone,
    };
  }

  private end(scope: Scope, isSkipped: boolean): void {
    if (!this.open.delete(scopeKey(scope))) return;
    this.scopesDone++;
    if (isSkipped) this.scopesSkipped++;
    this.openScopesByAccount.set(scope.account, (this.openScopesByAccount.get(scope.account) ?? 1) - 1);
    if (scope.region !== GLOBAL_REGION) this.openScopesByRegion.set(regionKey(scope), (this.openScopesByRegion.get(regionKey(scope)) ?? 1) - 1);
  }

  private countCall(): void {
    const slot = Math.floor(this.clock.now() / SNAPSHOT_INTERVAL_MS) * SNAPSHOT_INTERVAL_MS;
    const last = this.recentCalls[this.recentCalls.length - 1];
    if (last && last[0] === slot) last[1]++;
    else this.recentCalls.push([slot, 1]);
  }

  private callsPerSecond(now: number): number {
    while (this.recentCalls.length > 0 && this.recentCalls[0]![0] < now - RATE_WINDOW_MS) this.recentCalls.shift();
    const windowMs = Math.min(RATE_WINDOW_MS, Math.max(now - this.startedAt, 1));
    return Math.round((this.recentCalls.reduce((sum, [, count]) => sum + count, 0) * 1000) / windowMs);
  }

  private maybeEmit(): void {
    const now = this.clock.now();
    if (now - this.lastSnapshotAt < SNAPSHOT_INTERVAL_MS) return;
    this.lastSnapshotAt = now;
    this.emit(this.snapshot());
  }
}

function regionKey(scope: Scope): string {
  return `${scope.account}/${scope.region}`;
}

function countZeros(counts: ReadonlyMap<string, number>): number {
  let zeros = 0;
  for (const count of counts.values()) if (count <= 0) zeros++;
  return zeros;
}
