import { LATENCY_BUCKETS_SECONDS } from './constants.js';
import { EVENT_OUTCOMES, POISON_REASONS } from './event-outcome.js';
import { PrometheusRegistry, type Counter, type Gauge, type Histogram } from './prometheus-registry.js';

/**
 * The metrics `--metrics-port` serves (docs/watch.md lists them), then the process's own (CPU, memory,
 * event-loop lag, GC, handles). Counters start at 0 for every label value they can take, so that rates
 * and alerts work before the first event.
 */
export class WatchMetrics {
  readonly registry = new PrometheusRegistry();
  /** Messages received, by what became of them (EventOutcome); one message counts once per receive. */
  readonly events: Counter = this.registry.counter('aws2port_watch_events_total', 'SQS messages received, by outcome (applied, failed, poison, dropped, test_event, failed_call, read_only, unknown_event, unmapped_kind, out_of_scope, unreadable).', ['outcome']);
  /** Receives of poison messages (left for the dead-letter queue), by PoisonReason. */
  readonly poison: Counter = this.registry.counter('aws2port_watch_poison_messages_total', 'Receives of messages that cannot be parsed or name a resource that cannot be mapped, by reason (unparseable, unmappable); each is left in the queue until its redrive policy moves it to the dead-letter queue.', ['reason']);
  /** Entity writes Port confirmed (and the state recorded), by action, from events and resyncs. */
  readonly applied: Counter = this.registry.counter('aws2port_watch_resources_applied_total', 'Entity writes Port confirmed and the state recorded, by action (create, update, delete) and trigger (event, resync).', ['action', 'trigger']);
  /** Cloud Control re-reads of single resources, by result. */
  readonly reads: Counter = this.registry.counter('aws2port_watch_resource_reads_total', 'Resources re-read with GetResource after an event, by result (found, gone, failed, unreadable).', ['result']);
  /** Seconds from SentTimestamp to the message being settled with its writes confirmed. */
  readonly latency: Histogram = this.registry.histogram('aws2port_watch_event_to_port_seconds', 'Seconds from the event entering the queue (SentTimestamp) to its writes confirmed by Port and recorded.', LATENCY_BUCKETS_SECONDS);
  /** Age of the oldest message of the latest receive. */
  readonly queueLag: Gauge = this.registry.gauge('aws2port_watch_queue_lag_seconds', 'Age (now - SentTimestamp) of the oldest message in the latest ReceiveMessage answer, seconds.');
  /** Messages received and not yet settled. */
  readonly inHand: Gauge = this.registry.gauge('aws2port_watch_messages_in_hand', 'Messages received and not yet deleted or released.');
  /** Errors, by stage. */
  readonly errors: Counter = this.registry.counter('aws2port_watch_errors_total', 'Errors, by stage (receive, read, plan, apply, delete, resync, discover).', ['stage']);
  /** Full resyncs, by outcome. */
  readonly resyncs: Counter = this.registry.counter('aws2port_watch_resyncs_total', 'Full plan+apply runs, by outcome (succeeded, failed).', ['outcome']);
  /** When the latest resync succeeded, epoch seconds. */
  readonly lastResync: Gauge = this.registry.gauge('aws2port_watch_last_resync_success_timestamp_seconds', 'When the latest full resync succeeded, Unix epoch seconds (0: none yet).');

  constructor() {
    this.registry.collectProcessMetrics();
    for (const outcome of EVENT_OUTCOMES) this.events.declare({ outcome });
    for (const reason of POISON_REASONS) this.poison.declare({ reason });
    for (const trigger of ['event', 'resync']) for (const action of ['create', 'update', 'delete']) this.applied.declare({ action, trigger });
    for (const result of ['found', 'gone', 'failed', 'unreadable']) this.reads.declare({ result });
    for (const stage of ['receive', 'read', 'plan', 'apply', 'delete', 'resync', 'discover']) this.errors.declare({ stage });
    for (const outcome of ['succeeded', 'failed']) this.resyncs.declare({ outcome });
    this.queueLag.set(0);
    this.inHand.set(0);
    this.lastResync.set(0);
  }
}
