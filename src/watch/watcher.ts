import { performance } from 'node:perf_hooks';
import { applyPlan } from '../apply/index.js';
import { CallScheduler, describeAwsError } from '../aws/index.js';
import type { BlueprintDefinition, ResolvedConfig, ResourceConfig } from '../config/index.js';
import type { Mapper } from '../mapping/index.js';
import { describeMassDeletion, makePlan, planHasChanges } from '../plan/index.js';
import { formatScope } from '../model/index.js';
import { ResourceRecords, type StateStore } from '../../state/index.js';
import type { BlueprintCachingPortClient } from './blueprint-caching-port-client.js';
import { discoverWatchScope, type DiscoverWatchScopeOptions } from './discover-watch-scope.js';
import { COALESCE_WINDOW_MS, HEALTHY_RECEIVE_AGE_MS, MAX_CONCURRENT_CYCLES, MAX_MESSAGES_IN_HAND, MAX_RESOURCES_PER_CYCLE, STOP_TIMEOUT_MS } from './constants.js';
import type { EventOutcome, PoisonReason } from './event-outcome.js';
import { EventQueue } from './event-queue.js';
import { HeldMessage, type HeldOutcome, type ReceivedMessage, type ResourceResult } from './held-message.js';
import { interpretMessage, type InterpretContext } from './interpret-message.js';
import type { HealthReport } from './metrics-server.js';
import { DEFAULT_HOST_CONCURRENCY, Semaphore } from '../concurrency/index.js';
import { MessageDeleter } from './message-deleter.js';
import { pause } from './pause.js';
import { QueuePoller } from './queue-poller.js';
import { reconcileResources, type ReconcileContext } from './reconcile-resources.js';
import { formatRef, type ResourceRef } from './resource-ref.js';
import { ResourceWorkQueue, type WorkItem } from './resource-work-queue.js';
import { ResyncLoop } from './resync-loop.js';
import type { LogLevel, WatchLogger } from './watch-logger.js';
import type { WatchMetrics } from './watch-metrics.js';
import type { WatchScope } from './watch-scope.js';

/** Everything a watcher needs; the command builds it from flags and environment. */
export interface WatcherOptions {
  config: ResolvedConfig;
  /** The compiled mapping of every resource config `targets` keeps (compileMappers). */
  mappers: readonly Mapper[];
  queueUrl: string;
  /** The state connection that holds the lock; full resyncs plan and apply on it. */
  store: StateStore;
  /**
   * A second connection to the same state for incremental cycles: plans live in per-connection
   * temporary tables, so a cycle and a resync on one connection would overwrite each other's plan.
   */
  cycleStore: StateStore;
  port: BlueprintCachingPortClient;
  /** --target kinds; empty for all. */
  targets: readonly string[];
  /** The user's cap on AWS calls, and Port requests, in flight at once; undefined: the host's default. */
  parallelism?: number;
  /** A message received more than this many times is logged with its body and deleted. */
  maxReceives: number;
  /** Full plan+apply every this many ms (with jitter); 0: only at start. */
  resyncIntervalMs: number;
  /** `--strict`: a jq error in a mapped field skips the item instead of nulling the field. */
  isStrict?: boolean;
  shard?: { index: number; count: number };
  /** The config's blueprints file, when it names one. */
  blueprints?: readonly BlueprintDefinition[];
  log: WatchLogger;
  metrics: WatchMetrics;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
  /** Coalescing window, ms (default COALESCE_WINDOW_MS). */
  coalesceWindowMs?: number;
}

/** Characters of a message body logged with a poison or unknown event (a full body is at most 1 MiB). */
const MAX_LOGGED_BODY_CHARS = 2000;

/** How quiet outcomes are logged: expected noise at debug, signs of a bad set-up at warn. */
const IGNORED_LOG_LEVEL: Readonly<Partial<Record<EventOutcome, LogLevel>>> = {
  unknown_event: 'warn',
  test_event: 'info',
  failed_call: 'debug',
  read_only: 'debug',
  unmapped_kind: 'debug',
  out_of_scope: 'info',
};

/**
 * The watch loop: long-polls the SQS queue, turns each message into the resources it names,
 * re-reads them (coalesced; cycles overlap their re-reads, their plans apply one at a time) and
 * applies the small plan they give, deleting a message only once everything it caused is confirmed
 * by Port and recorded. Beside it, a full
 * plan+apply at start and every resync interval; resources reconciled while a resync ran are
 * re-checked after it, so that the resync's older read never wins over a newer event.
 */
export class Watcher {
  private readonly queue: EventQueue;
  private readonly work: ResourceWorkQueue<HeldMessage>;
  private readonly deleter: MessageDeleter;
  private readonly poller: QueuePoller;
  private readonly resyncLoop: ResyncLoop;
  private readonly inHand = new Set<HeldMessage>();
  private readonly interpretContext: InterpretContext;
  private scope: WatchScope;
  /** Cycles in progress (reading, or waiting to apply, or applying). */
  private cyclesRunning = 0;
  private readonly reads: Semaphore;
  private readonly applies = new Semaphore(1);
  private stopping: Promise<void> | undefined;
  private lastReceiveAt = performance.now();
  /** False until the first resync: the accounts were just discovered by `start`. */
  private hasResynced = false;
  /** Resources reconciled while a resync runs; undefined when none runs. */
  private touchedDuringResync: Map<string, ResourceRef> | undefined;

  private constructor(
    private readonly options: WatcherOptions,
    private readonly mappersByKind: ReadonlyMap<string, readonly Mapper[]>,
    /** Every discovery call, and every refresh of a member's assumed role, goes through it. */
    private readonly scheduler: CallScheduler,
    scope: WatchScope,
    defaultRegion: string,
  ) {
    const { log, metrics } = options;
    this.scope = scope;
    this.reads = new Semaphore(options.parallelism ?? DEFAULT_HOST_CONCURRENCY);
    this.queue = new EventQueue({ queueUrl: options.queueUrl, fallbackRegion: defaultRegion, ...(options.env ? { env: options.env } : {}) });
    const records = new ResourceRecords(options.cycleStore.db);
    this.interpretContext = { queueAccount: this.queue.account, accountOfBucket: (name) => records.listAccountsOf('AWS::S3::Bucket', name)[0] };
    this.work = new ResourceWorkQueue(options.coalesceWindowMs ?? COALESCE_WINDOW_MS, () => this.pump());
    this.deleter = new MessageDeleter(this.queue, (messages, reason) => {
      metrics.errors.inc({ stage: 'delete' }, messages.length);
      for (const m of messages) log.log('warn', 'delete_failed', `message ${m.id} could not be deleted (${reason}); it will come back and be applied again`, { message_id: m.id });
    });
    this.poller = new QueuePoller({
      receive: (signal) => this.receive(signal),
      onMessages: (messages) => this.accept(messages),
      onError: (error) => {
        metrics.errors.inc({ stage: 'receive' });
        log.log('warn', 'receive_failed', `ReceiveMessage failed: ${describeAwsError(error)}`, { queue_url: options.queueUrl });
      },
      hasRoom: () => this.inHand.size < MAX_MESSAGES_IN_HAND,
    });
    this.resyncLoop = new ResyncLoop(options.resyncIntervalMs, () => this.resync(), options.random ?? Math.random);
  }

  /**
   * Discovers the accounts, and starts polling and the resync at start. Throws when no account can be
   * discovered (nothing could work).
   */
  static async start(options: WatcherOptions): Promise<Watcher> {
    const resources = watchedResources(options);
    const mappersByKind = new Map<string, Mapper[]>();
    for (const mapper of options.mappers) mappersByKind.set(mapper.resource.kind, [...(mappersByKind.get(mapper.resource.kind) ?? []), mapper]);
    const scheduler = new CallScheduler({ parallelism: options.parallelism });
    const discovered = await discoverWatchScope(options.config.aws, resources, discoveryOptions(options, scheduler));
    const { scope } = discovered;
    const watcher = new Watcher(options, mappersByKind, scheduler, scope, discovered.defaultRegion);
    for (const u of discovered.unreachable) options.log.log('warn', 'account_unreachable', `account ${u.accountId}: ${u.reason}; its events are acknowledged without changes`, { account: u.accountId });
    options.log.log('info', 'watch_started', `watching ${options.queueUrl}: ${mappersByKind.size} kinds, ${scope.scopeCount} scopes in ${scope.accountIds.length} accounts`, {
      queue_url: options.queueUrl,
      kinds: [...mappersByKind.keys()],
      accounts: scope.accountIds,
    });
    await watcher.checkRedrivePolicy();
    watcher.poller.start();
    watcher.resyncLoop.start();
    return watcher;
  }

  /**
   * Warns when poison messages would not end in a dead-letter queue: the queue has no redrive policy,
   * or its maxReceiveCount lets --max-receives drop a message before SQS moves it.
   */
  private async checkRedrivePolicy(): Promise<void> {
    const { log, maxReceives, queueUrl } = this.options;
    let policy;
    try {
      policy = await this.queue.readRedrivePolicy();
    } catch (error) {
      log.log('warn', 'redrive_policy_unknown', `could not read the queue's redrive policy (${describeAwsError(error)}): poison messages are dropped after --max-receives ${maxReceives} unless its dead-letter queue takes them first`, { queue_url: queueUrl });
      return;
    }
    if (!policy) {
      log.log('warn', 'no_dead_letter_queue', `the queue has no redrive policy: a poison message is tried ${maxReceives} times (--max-receives), then logged with its body and deleted. Give the queue a dead-letter queue to keep them.`, { queue_url: queueUrl });
    } else if (!(policy.maxReceiveCount <= maxReceives)) {
      log.log('warn', 'dead_letter_after_max_receives', `the queue moves a message to its dead-letter queue after ${policy.maxReceiveCount} receives, but --max-receives ${maxReceives} drops it first: set --max-receives to at least ${policy.maxReceiveCount}`, {
        queue_url: queueUrl,
        max_receive_count: policy.maxReceiveCount,
        dead_letter_queue: policy.deadLetterTargetArn,
      });
    }
  }

  /** For `/healthz`: healthy while running and ReceiveMessage succeeded within HEALTHY_RECEIVE_AGE_MS. */
  health(): HealthReport {
    const receiveAgeMs = performance.now() - this.lastReceiveAt;
    return {
      isHealthy: !this.stopping && receiveAgeMs < HEALTHY_RECEIVE_AGE_MS,
      detail: {
        stopping: Boolean(this.stopping),
        last_receive_age_seconds: Math.round(receiveAgeMs / 100) / 10,
        messages_in_hand: this.inHand.size,
        resources_queued: this.work.size.queued,
        pollers: this.poller.pollers,
        resync_running: this.resyncLoop.isRunning,
      },
    };
  }

  /**
   * Stops: no more polls (pending long polls are aborted) and no more resyncs; the messages in hand
   * are finished at once (coalescing windows end) and deleted, for up to STOP_TIMEOUT_MS. A resync
   * in progress is abandoned: it applies nothing more, and the next run's plan converges.
   */
  stop(reason: string): Promise<void> {
    this.stopping ??= this.shutDown(reason);
    return this.stopping;
  }

  private async shutDown(reason: string): Promise<void> {
    const { log } = this.options;
    log.log('info', 'watch_stopping', `stopping (${reason}): finishing ${this.inHand.size} messages in hand`, { reason, messages_in_hand: this.inHand.size });
    this.resyncLoop.stop();
    await this.poller.stop();
    this.work.flush();
    const deadline = performance.now() + STOP_TIMEOUT_MS;
    while ((this.inHand.size > 0 || this.cyclesRunning > 0) && performance.now() < deadline) await pause(10);
    await this.deleter.flush();
    this.work.close();
    this.queue.close();
    this.scope.close();
    log.log('info', 'watch_stopped', `stopped; ${this.inHand.size} messages left for redelivery`, { unfinished: this.inHand.size });
  }

  /** One long poll; a successful one, empty or not, proves the queue reachable (health) and sets the lag. */
  private async receive(signal: AbortSignal): Promise<ReceivedMessage[]> {
    const messages = await this.queue.receive(signal);
    if (signal.aborted) return messages;
    this.lastReceiveAt = performance.now();
    const now = Date.now();
    const ages = messages.flatMap((m) => (m.sentAtMs === undefined ? [] : [now - m.sentAtMs]));
    this.options.metrics.queueLag.set(ages.length > 0 ? Math.max(...ages) / 1000 : 0);
    return messages;
  }

  /**
   * Takes in what a poll received: each message is dropped, acknowledged, left as poison, or held
   * until its resources are reconciled. A message that cannot be read never stops the others.
   */
  private accept(messages: readonly ReceivedMessage[]): void {
    for (const message of messages) {
      try {
        this.acceptOne(message);
      } catch (error) {
        this.leavePoison(message, 'unparseable', `reading it failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.options.metrics.inHand.set(this.inHand.size);
  }

  private acceptOne(message: ReceivedMessage): void {
    const { log, maxReceives } = this.options;
    if (message.receiveCount > maxReceives) {
      log.log('error', 'message_dropped', `message ${message.id} was received ${message.receiveCount} times (more than --max-receives ${maxReceives}): deleting it; its body follows`, {
        message_id: message.id,
        receive_count: message.receiveCount,
        body: message.body,
      });
      this.acknowledge(message, 'dropped');
      return;
    }
    const interpretation = interpretMessage(message.body, this.interpretContext);
    if (interpretation.outcome === 'garbage') {
      this.leavePoison(message, 'unparseable', interpretation.description);
      return;
    }
    if (interpretation.outcome !== 'resources') {
      this.logIgnored(interpretation.outcome, message, interpretation.description);
      this.acknowledge(message, interpretation.outcome);
      return;
    }
    const admissions = interpretation.refs.map((ref) => ({ ref, admission: this.scope.admit(ref) }));
    const admitted = admissions.filter((a) => a.admission === 'admitted').map((a) => a.ref);
    if (admitted.length === 0) {
      const outcome = admissions.some((a) => a.admission === 'out_of_scope') ? 'out_of_scope' : 'unmapped_kind';
      this.logIgnored(outcome, message, `${interpretation.description}: ${interpretation.refs.map(formatRef).join(', ')}`);
      this.acknowledge(message, outcome);
      return;
    }
    const held = new HeldMessage(message, admitted.length);
    this.inHand.add(held);
    log.log('debug', 'message_received', `${interpretation.description}: ${admitted.map(formatRef).join(', ')}`, { message_id: message.id, receive_count: message.receiveCount });
    for (const ref of admitted) this.work.add(ref, held);
  }

  /**
   * Starts reconcile cycles over the ready resources, up to MAX_CONCURRENT_CYCLES: the re-reads of
   * one cycle overlap the plan and apply of another, which run one at a time.
   */
  private pump(): void {
    while (this.cyclesRunning < MAX_CONCURRENT_CYCLES) {
      const items = this.work.take(MAX_RESOURCES_PER_CYCLE);
      if (items.length === 0) return;
      this.cyclesRunning++;
      for (const item of items) this.touchedDuringResync?.set(item.key, item.ref);
      void reconcileResources(items, this.reconcileContext()).then(
        (results) => this.finishCycle(items, (key) => results.get(key) ?? 'failed'),
        () => this.finishCycle(items, () => 'failed'),
      );
    }
  }

  private finishCycle(items: readonly WorkItem<HeldMessage>[], resultOf: (key: string) => ResourceResult): void {
    for (const item of items) {
      this.work.done(item.key);
      const result = resultOf(item.key);
      for (const held of item.waiters) {
        const outcome = held.record(result);
        if (outcome) this.settle(held, outcome);
      }
    }
    this.cyclesRunning--;
    this.options.metrics.inHand.set(this.inHand.size);
    this.pump();
  }

  /** A held message's resources are all reconciled: delete it, or leave it for redelivery. */
  private settle(held: HeldMessage, outcome: HeldOutcome): void {
    const { metrics, log } = this.options;
    this.inHand.delete(held);
    const { message } = held;
    if (outcome === 'poison') {
      this.leavePoison(message, 'unmappable', 'a resource it names could not be mapped (see the mapping issue logged before)');
      return;
    }
    if (outcome === 'failed') {
      metrics.events.inc({ outcome });
      log.log('warn', 'message_failed', `message ${message.id} stays in the queue: a re-read or write it caused failed; it comes back after its visibility timeout`, { message_id: message.id, receive_count: message.receiveCount });
      return;
    }
    if (outcome === 'applied' && message.sentAtMs !== undefined) metrics.latency.observe(Math.max(0, Date.now() - message.sentAtMs) / 1000);
    this.acknowledge(message, outcome);
  }

  /**
   * Leaves a message that cannot be parsed, or names a resource that cannot be mapped, in the queue:
   * it comes back after its visibility timeout, and once it was received maxReceiveCount times SQS
   * moves it to the queue's dead-letter queue (without one, --max-receives drops it), where it can be
   * read and redriven once the cause is fixed.
   */
  private leavePoison(message: ReceivedMessage, reason: PoisonReason, description: string): void {
    const { metrics, log, maxReceives } = this.options;
    metrics.events.inc({ outcome: 'poison' });
    metrics.poison.inc({ reason });
    const next = message.receiveCount >= maxReceives ? 'this was its last try: the dead-letter queue takes it next (without one, it is dropped)' : `it comes back after its visibility timeout (try ${message.receiveCount} of ${maxReceives})`;
    log.log('warn', 'message_poison', `message ${message.id} stays in the queue (${reason}): ${description}; ${next}`, {
      message_id: message.id,
      reason,
      receive_count: message.receiveCount,
      body: message.body.slice(0, MAX_LOGGED_BODY_CHARS),
    });
  }

  private acknowledge(message: ReceivedMessage, outcome: EventOutcome): void {
    this.options.metrics.events.inc({ outcome });
    this.deleter.delete(message);
  }

  private logIgnored(outcome: EventOutcome, message: ReceivedMessage, description: string): void {
    const fields = { message_id: message.id, outcome, ...(outcome === 'unknown_event' ? { body: message.body.slice(0, MAX_LOGGED_BODY_CHARS) } : {}) };
    this.options.log.log(IGNORED_LOG_LEVEL[outcome] ?? 'info', 'message_ignored', `message ${message.id} acknowledged without changes (${outcome}): ${description}`, fields);
  }

  private reconcileContext(): ReconcileContext {
    const { options } = this;
    return {
      scope: this.scope,
      store: options.cycleStore,
      port: options.port,
      config: options.config,
      mappersByKind: this.mappersByKind,
      parallelism: options.parallelism,
      reads: this.reads,
      applies: this.applies,
      ...(options.blueprints ? { blueprints: options.blueprints } : {}),
      metrics: options.metrics,
      log: options.log,
    };
  }

  /** One full plan+apply; true when it succeeded. Never throws. */
  private async resync(): Promise<boolean> {
    const { options } = this;
    const { log, metrics } = options;
    const started = performance.now();
    this.touchedDuringResync = new Map();
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
      });
      try {
        const { header } = plan;
        for (const skipped of header.skipped_scopes) log.log('warn', 'scope_skipped', `${formatScope(skipped)}: ${skipped.error} (nothing it owns is deleted)`);
        if (this.stopping) return false;
        if (header.mass_deletions.length > 0) {
          throw new Error(`the plan deletes more than entityDeletionThreshold allows, so nothing was applied: ${header.mass_deletions.map(describeMassDeletion).join('; ')}. Check AWS access, or run aws2port apply --allow-mass-delete once.`);
        }
        let failed = 0;
        if (planHasChanges(header)) {
          const result = await applyPlan({
            plan,
            port: options.port,
            store: options.store,
            config: options.config,
            parallelism: options.parallelism,
            ...(options.blueprints ? { blueprints: options.blueprints } : {}),
            onProgress: (p) => {
              if (p.outcome === 'failed') log.log('warn', 'write_failed', `${p.address}: ${p.action} failed: ${p.error ?? ''}`, { address: p.address, action: p.action, trigger: 'resync' });
              else if (p.outcome === 'applied') metrics.applied.inc({ action: p.action, trigger: 'resync' });
            },
          });
          failed = result.failed;
        }
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
      if (this.stopping) {
        log.log('info', 'resync_abandoned', 'the full resync in progress was abandoned on stop; the next run converges');
        return false;
      }
      metrics.errors.inc({ stage: 'resync' });
      metrics.resyncs.inc({ outcome: 'failed' });
      log.log('error', 'resync_failed', `full resync failed: ${describeAwsError(error)}`);
      return false;
    } finally {
      const touched = this.touchedDuringResync;
      this.touchedDuringResync = undefined;
      if (!this.stopping) for (const ref of touched?.values() ?? []) this.work.add(ref);
    }
  }

  /** Finds the accounts again (new ones join, closed ones leave); keeps the old list when that fails. */
  private async rediscover(): Promise<void> {
    const { options } = this;
    try {
      const discovered = await discoverWatchScope(options.config.aws, watchedResources(options), discoveryOptions(options, this.scheduler));
      // The previous scope's clients are left to a cycle that may still use them; idle, they hold nothing.
      this.scope = discovered.scope;
    } catch (error) {
      options.metrics.errors.inc({ stage: 'discover' });
      options.log.log('warn', 'discover_failed', `account discovery failed, events keep the previous account list: ${describeAwsError(error)}`);
    }
  }
}

function discoveryOptions(options: WatcherOptions, scheduler: CallScheduler): DiscoverWatchScopeOptions {
  return { scheduler, ...(options.shard ? { shard: options.shard } : {}), ...(options.env ? { env: options.env } : {}) };
}

function watchedResources(options: WatcherOptions): ResourceConfig[] {
  const { resources } = options.config;
  return options.targets.length > 0 ? resources.filter((r) => options.targets.includes(r.kind)) : resources;
}
