import { performance } from 'node:perf_hooks';
import { guardThenApply } from '../apply/index.js';
import { CallScheduler, describeAwsError } from '../aws/index.js';
import type { ResourceConfig } from '../config/index.js';
import { formatScope } from '../model/index.js';
import { describeMassDeletion, makePlan } from '../plan/index.js';
import type { CycleScheduler } from './cycle-scheduler.js';
import { discoverWatchScope, type DiscoveredScope } from './discover-watch-scope.js';
import { ResyncLoop } from './resync-loop.js';
import { watchWriter, type WatcherOptions } from './watcher-options.js';
import type { WatchScope } from './watch-scope.js';

/** Finds the accounts and scopes to watch, as at start and at each resync. */
export function discoverScope(options: WatcherOptions, scheduler: CallScheduler): Promise<DiscoveredScope> {
  return discoverWatchScope(options.config.aws, watchedResources(options), {
    scheduler,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
}

/**
 * Watch's full resync: a full plan and its guarded apply at start and every resync interval
 * (ResyncLoop), correcting what events missed. Each one after the first finds the accounts again
 * (new ones join, closed ones leave); it owns the scope every other room reads. Resources the
 * cycles reconciled while it ran are checked again after it, so its older read never wins.
 */
export class FullResync {
  private readonly loop: ResyncLoop;
  /** False until the first resync: the accounts were just discovered at start. */
  private hasResynced = false;

  constructor(
    private readonly options: WatcherOptions,
    private currentScope: WatchScope,
    /** Every discovery call, and every refresh of a member's assumed role, goes through it. */
    private readonly scheduler: CallScheduler,
    private readonly cycles: CycleScheduler,
    private readonly isStopping: () => boolean,
  ) {
    this.loop = new ResyncLoop(options.resyncIntervalMs, () => this.resync(), options.random ?? Math.random);
  }

  /** The accounts and scopes watched now. */
  get scope(): WatchScope {
    return this.currentScope;
  }

  /** True while a resync runs. */
  get isRunning(): boolean {
    return this.loop.isRunning;
  }

  /** Starts the resync at start, and the ones after it. */
  start(): void {
    this.loop.start();
  }

  /** No more resyncs; one in progress is abandoned: it applies nothing more. */
  stop(): void {
    this.loop.stop();
  }

  /** One full plan and guarded apply; true when it succeeded. Never throws. */
  private async resync(): Promise<boolean> {
    const { options } = this;
    const { log, metrics } = options;
    const started = performance.now();
    this.cycles.noteTouched();
    options.port.forgetBlueprints();
    log.log('info', 'resync_started', 'full resync: planning');
    try {
      if (this.hasResynced) await this.rediscover();
      this.hasResynced = true;
      const plan = await makePlan({
        config: options.config,
        mappers: options.mappers,
        store: options.store,
        targets: options.targets,
        parallelism: options.parallelism,
        isStrict: options.isStrict ?? false,
        log: (message) => log.log('info', 'resync_progress', message.trim()),
        ...(options.shard ? { shard: options.shard } : {}),
        ...(options.blueprints ? { blueprints: { definitions: options.blueprints, port: options.port } } : {}),
        ownership: { port: options.port, writer: watchWriter(options) },
      });
      try {
        const { header } = plan;
        for (const skipped of header.skipped_scopes) log.log('warn', 'scope_skipped', `${formatScope(skipped)}: ${skipped.error} (nothing it owns is deleted)`);
        if (this.isStopping()) return false;
        const applied = await guardThenApply({
          plan,
          port: options.port,
          store: options.store,
          config: options.config,
          parallelism: options.parallelism,
          // watch never deletes en masse: that takes a person running `aws2port apply --allow-mass-delete`
          isMassDeleteAllowed: false,
          ...(options.blueprints ? { blueprints: options.blueprints } : {}),
          onProgress: (p) => {
            if (p.outcome === 'failed') log.log('warn', 'write_failed', `${p.address}: ${p.action} failed: ${p.error ?? ''}`, { address: p.address, action: p.action, trigger: 'resync' });
            else if (p.outcome === 'applied') metrics.applied.inc({ action: p.action, trigger: 'resync' });
          },
        });
        if (applied.outcome === 'refused') {
          throw new Error(`the plan deletes more than entityDeletionThreshold allows, so nothing was applied: ${applied.massDeletions.map(describeMassDeletion).join('; ')}. Check AWS access, or run aws2port apply --allow-mass-delete once.`);
        }
        const { failed } = applied.result;
        const { add, change, destroy } = header.summary;
        log.log(failed > 0 ? 'warn' : 'info', 'resync_completed', `full resync done in ${Math.round(performance.now() - started)} ms: ${add} to add, ${change} to change, ${destroy} to destroy, ${failed} failed`, {
          add,
          change,
          destroy,
          failed,
          unchanged: header.unchanged,
          skipped_scopes: header.skipped_scopes.length,
          duration_ms: Math.round(performance.now() - started),
        });
        const isSuccess = failed === 0;
        metrics.resyncs.inc({ outcome: isSuccess ? 'succeeded' : 'failed' });
        if (isSuccess) metrics.lastResync.set(Math.floor(Date.now() / 1000));
        return isSuccess;
      } finally {
        plan.changes.close();
      }
    } catch (error) {
      if (this.isStopping()) {
        log.log('info', 'resync_abandoned', 'the full resync in progress was abandoned on stop; the next run converges');
        return false;
      }
      metrics.errors.inc({ stage: 'resync' });
      metrics.resyncs.inc({ outcome: 'failed' });
      log.log('error', 'resync_failed', `full resync failed: ${describeAwsError(error)}`);
      return false;
    } finally {
      this.cycles.recheckTouched(this.isStopping());
    }
  }

  /** Finds the accounts again (new ones join, closed ones leave); keeps the old list when that fails. */
  private async rediscover(): Promise<void> {
    const { options } = this;
    try {
      const discovered = await discoverScope(options, this.scheduler);
      // The previous scope's clients are left to a cycle that may still use them; idle, they hold nothing.
      this.currentScope = discovered.scope;
    } catch (error) {
      options.metrics.errors.inc({ stage: 'discover' });
      options.log.log('warn', 'discover_failed', `account discovery failed, events keep the previous account list: ${describeAwsError(error)}`);
    }
  }
}

/** The resource configs watched: those of --target, or all. */
function watchedResources(options: WatcherOptions): ResourceConfig[] {
  const { resources } = options.config;
  return options.targets.length > 0 ? resources.filter((r) => options.targets.includes(r.kind)) : resources;
}
