import { CallScheduler } from '../aws/index.js';
import type { Mapper } from '../mapping/index.js';
import { ResourceRecords } from '../../state/index.js';
import { CycleScheduler } from './cycle-scheduler.js';
import { EventQueue } from './event-queue.js';
import { discoverScope, FullResync } from './full-resync.js';
import { MessageIntake } from './message-intake.js';
import type { HealthReport } from './metrics-server.js';
import { WatchLifecycle } from './watch-lifecycle.js';
import type { WatcherOptions } from './watcher-options.js';

/**
 * The watch loop, composed of four rooms: the message intake (MessageIntake) long-polls the SQS
 * queue and holds each message until the resources it names are reconciled; the cycles
 * (CycleScheduler) re-read those resources, coalesced, and apply the small plans they give; the full
 * resync (FullResync) plans and applies everything at start and every resync interval; the lifecycle
 * (WatchLifecycle) starts and stops them in order and reports health. All plan and apply on the one
 * state connection that holds the lock.
 */
export class Watcher {
  private constructor(private readonly lifecycle: WatchLifecycle) {}

  /**
   * Discovers the accounts, and starts polling and the resync at start. Throws when no account can be
   * discovered (nothing could work).
   */
  static async start(options: WatcherOptions): Promise<Watcher> {
    const { log } = options;
    const mappersByKind = new Map<string, Mapper[]>();
    for (const mapper of options.mappers) mappersByKind.set(mapper.resource.kind, [...(mappersByKind.get(mapper.resource.kind) ?? []), mapper]);
    const scheduler = new CallScheduler({ parallelism: options.parallelism });
    const discovered = await discoverScope(options, scheduler);

    const queue = new EventQueue({ queueUrl: options.queueUrl, fallbackRegion: discovered.defaultRegion, ...(options.env ? { env: options.env } : {}) });
    // The rooms call each other only once started: the closures below never run before every room exists.
    const intake: MessageIntake = new MessageIntake({
      queue,
      queueUrl: options.queueUrl,
      maxReceives: options.maxReceives,
      records: new ResourceRecords(options.store.db),
      scope: () => resync.scope,
      reconcile: (ref, held) => cycles.add(ref, held),
      log,
      metrics: options.metrics,
    });
    const cycles = new CycleScheduler({ watch: options, mappersByKind, scope: () => resync.scope, onResourceDone: (waiters, result) => intake.resourceDone(waiters, result) });
    const resync: FullResync = new FullResync(options, discovered.scope, scheduler, cycles, () => lifecycle.isStopping);
    const lifecycle = new WatchLifecycle(options, { queue, intake, cycles, resync });

    for (const u of discovered.unreachable) log.log('warn', 'account_unreachable', `account ${u.accountId}: ${u.reason}; its events are acknowledged without changes`, { account: u.accountId });
    log.log('info', 'watch_started', `watching ${options.queueUrl}: ${mappersByKind.size} kinds, ${discovered.scope.scopeCount} scopes in ${discovered.scope.accountIds.length} accounts`, {
      queue_url: options.queueUrl,
      kinds: [...mappersByKind.keys()],
      accounts: discovered.scope.accountIds,
    });
    await lifecycle.start();
    return new Watcher(lifecycle);
  }

  /** For `/healthz`: see WatchLifecycle.health. */
  health(): HealthReport {
    return this.lifecycle.health();
  }

  /** Stops in order, finishing the messages in hand: see WatchLifecycle.stop. */
  stop(reason: string): Promise<void> {
    return this.lifecycle.stop(reason);
  }
}
