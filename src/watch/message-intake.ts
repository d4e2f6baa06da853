import { performance } from 'node:perf_hooks';
import { describeAwsError } from '../aws/index.js';
import type { ResourceRecords } from '../../state/index.js';
import { MAX_MESSAGES_IN_HAND } from './constants.js';
import type { EventOutcome, PoisonReason } from './event-outcome.js';
import type { EventQueue } from './event-queue.js';
import { HeldMessage, type HeldOutcome, type ReceivedMessage, type ResourceResult } from './held-message.js';
import { interpretMessage, type InterpretContext } from './interpret-message.js';
import { MessageDeleter } from './message-deleter.js';
import { QueuePoller } from './queue-poller.js';
import { formatRef, type ResourceRef } from './resource-ref.js';
import type { LogLevel, WatchLogger } from './watch-logger.js';
import type { WatchMetrics } from './watch-metrics.js';
import type { WatchScope } from './watch-scope.js';

/** What the intake needs. */
export interface MessageIntakeOptions {
  queue: EventQueue;
  queueUrl: string;
  /** A message received more than this many times is logged with its body and deleted. */
  maxReceives: number;
  /** The state's records: which account holds an S3 bucket (its notifications do not say). */
  records: ResourceRecords;
  /** The accounts and scopes watched now (a resync may find them again). */
  scope: () => WatchScope;
  /** Hands a resource a held message names to the cycles, to be reconciled. */
  reconcile: (ref: ResourceRef, held: HeldMessage) => void;
  log: WatchLogger;
  metrics: WatchMetrics;
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
 * Watch's message intake: long-polls the queue, reads each message for the resources it names, and
 * either drops it, acknowledges it, leaves it as poison, or holds it until the cycles reconciled its
 * resources; then deletes it, or leaves it for redelivery. A message that cannot be read never
 * stops the others.
 */
export class MessageIntake {
  private readonly poller: QueuePoller;
  private readonly deleter: MessageDeleter;
  private readonly inHand = new Set<HeldMessage>();
  private readonly interpretContext: InterpretContext;
  private lastReceiveAt = performance.now();

  constructor(private readonly options: MessageIntakeOptions) {
    const { log, metrics, queue, records } = options;
    this.interpretContext = { queueAccount: queue.account, accountOfBucket: (name) => records.listAccountsOf('AWS::S3::Bucket', name)[0] };
    this.deleter = new MessageDeleter(queue, (messages, reason) => {
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
  }

  /** Messages held until their resources are reconciled. */
  get messagesInHand(): number {
    return this.inHand.size;
  }

  /** Long polls in flight. */
  get pollers(): number {
    return this.poller.pollers;
  }

  /** Ms since a ReceiveMessage last succeeded (or since the intake was made). */
  get receiveAgeMs(): number {
    return performance.now() - this.lastReceiveAt;
  }

  /** Starts polling. */
  start(): void {
    this.poller.start();
  }

  /** No more polls; pending long polls are aborted. */
  stopPolling(): Promise<void> {
    return this.poller.stop();
  }

  /** Waits for the deletes in flight. */
  flushDeletes(): Promise<void> {
    return this.deleter.flush();
  }

  /** A resource's cycle ended: each message waiting on it learns its result, and settles on its last one. */
  resourceDone(waiters: readonly HeldMessage[], result: ResourceResult): void {
    for (const held of waiters) {
      const outcome = held.record(result);
      if (outcome) this.settle(held, outcome);
    }
    this.options.metrics.inHand.set(this.inHand.size);
  }

  /** One long poll; a successful one, empty or not, proves the queue reachable (health) and sets the lag. */
  private async receive(signal: AbortSignal): Promise<ReceivedMessage[]> {
    const messages = await this.options.queue.receive(signal);
    if (signal.aborted) return messages;
    this.lastReceiveAt = performance.now();
    const now = Date.now();
    const ages = messages.flatMap((m) => (m.sentAtMs === undefined ? [] : [now - m.sentAtMs]));
    this.options.metrics.queueLag.set(ages.length > 0 ? Math.max(...ages) / 1000 : 0);
    return messages;
  }

  /** Takes in what a poll received. */
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
    const scope = this.options.scope();
    const admissions = interpretation.refs.map((ref) => ({ ref, admission: scope.admit(ref) }));
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
    for (const ref of admitted) this.options.reconcile(ref, held);
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
}
