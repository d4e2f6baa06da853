import type { Mapper } from '../mapping/index.js';
import { DEFAULT_HOST_CONCURRENCY, Semaphore } from '../concurrency/index.js';
import { COALESCE_WINDOW_MS, MAX_CONCURRENT_CYCLES, MAX_RESOURCES_PER_CYCLE } from './constants.js';
import type { HeldMessage, ResourceResult } from './held-message.js';
import { reconcileResources, type ReconcileContext } from './reconcile-resources.js';
import type { ResourceRef } from './resource-ref.js';
import { ResourceWorkQueue, type WorkItem } from './resource-work-queue.js';
import { watchWriter, type WatcherOptions } from './watcher-options.js';
import type { WatchScope } from './watch-scope.js';

/** What the cycles need. */
export interface CycleSchedulerOptions {
  watch: WatcherOptions;
  mappersByKind: ReadonlyMap<string, readonly Mapper[]>;
  /** The accounts and scopes watched now (a resync may find them again). */
  scope: () => WatchScope;
  /** A resource's cycle ended with this result; `waiters` are the messages that named it. */
  onResourceDone: (waiters: readonly HeldMessage[], result: ResourceResult) => void;
}

/**
 * Watch's incremental cycles: resources wait in a coalescing work queue, and up to
 * MAX_CONCURRENT_CYCLES cycles of up to MAX_RESOURCES_PER_CYCLE resources each run at once
 * (reconcileResources). The re-reads of one cycle overlap the small plan and apply of another; those
 * run one at a time, so each small plan is made from the state the previous one left (two plans made
 * side by side could both act on an entity whose owner moves between their resources).
 */
export class CycleScheduler {
  private readonly work: ResourceWorkQueue<HeldMessage>;
  /** Cycles in progress (reading, or waiting to apply, or applying). */
  private running = 0;
  /** The GetResource budget shared by every cycle. */
  private readonly reads: Semaphore;
  /** One small plan and its apply at a time. */
  private readonly applies = new Semaphore(1);
  /** Resources reconciled since noteTouched; undefined when not noting. */
  private touched: Map<string, ResourceRef> | undefined;

  constructor(private readonly options: CycleSchedulerOptions) {
    this.reads = new Semaphore(options.watch.parallelism ?? DEFAULT_HOST_CONCURRENCY);
    this.work = new ResourceWorkQueue(options.watch.coalesceWindowMs ?? COALESCE_WINDOW_MS, () => this.pump());
  }

  /** True while a cycle runs. */
  get isBusy(): boolean {
    return this.running > 0;
  }

  /** Resources waiting for a cycle. */
  get queued(): number {
    return this.work.size.queued;
  }

  /** Queues a reconcile of `ref`, for a message (or for no one: a re-check). */
  add(ref: ResourceRef, held?: HeldMessage): void {
    this.work.add(ref, held);
  }

  /** Ends every coalescing window now (on stop). */
  flush(): void {
    this.work.flush();
  }

  /** Takes no more work. */
  close(): void {
    this.work.close();
  }

  /** Notes from now on each resource a cycle takes (while a full resync runs). */
  noteTouched(): void {
    this.touched = new Map();
  }

  /**
   * Stops noting, and, unless `isStopping`, queues a re-check of each resource noted: the resync's
   * older read must never win over a newer event.
   */
  recheckTouched(isStopping: boolean): void {
    const touched = this.touched;
    this.touched = undefined;
    if (!isStopping) for (const ref of touched?.values() ?? []) this.work.add(ref);
  }

  /** Starts cycles over the ready resources, up to MAX_CONCURRENT_CYCLES. */
  private pump(): void {
    while (this.running < MAX_CONCURRENT_CYCLES) {
      const items = this.work.take(MAX_RESOURCES_PER_CYCLE);
      if (items.length === 0) return;
      this.running++;
      for (const item of items) this.touched?.set(item.key, item.ref);
      void reconcileResources(items, this.reconcileContext()).then(
        (results) => this.finishCycle(items, (key) => results.get(key) ?? 'failed'),
        () => this.finishCycle(items, () => 'failed'),
      );
    }
  }

  private finishCycle(items: readonly WorkItem<HeldMessage>[], resultOf: (key: string) => ResourceResult): void {
    for (const item of items) {
      this.work.done(item.key);
      this.options.onResourceDone(item.waiters, resultOf(item.key));
    }
    this.running--;
    this.pump();
  }

  private reconcileContext(): ReconcileContext {
    const { watch } = this.options;
    return {
      scope: this.options.scope(),
      store: watch.store,
      port: watch.port,
      writer: watchWriter(watch),
      config: watch.config,
      mappersByKind: this.options.mappersByKind,
      parallelism: watch.parallelism,
      reads: this.reads,
      applies: this.applies,
      ...(watch.blueprints ? { blueprints: watch.blueprints } : {}),
      metrics: watch.metrics,
      log: watch.log,
    };
  }
}
