/**
 * The watch stage (`aws2port watch`): AWS events from one SQS queue into Port within a second,
 * for every account of the Organization, without losing one. A message only says "look again": it is
 * read for the resources it names (EventBridge CloudTrail calls and native events, the same inside
 * SNS, S3 notifications; the tables in event-table.ts and arn-kinds.ts are data), each resource is
 * re-read with GetResource in its own account and region, and the small plan that gives
 * (makeResourcePlan: exactly the entities it produces now or produced before) is applied. A message
 * is deleted only after the writes it caused are confirmed by Port and recorded; a failure leaves it
 * for redelivery. A full plan+apply at start and every resync interval corrects what events missed.
 * Metrics and health for operators; JSON log lines for pipelines. docs/watch.md is the user's guide.
 */
export { Watcher } from './watcher.js';
export type { WatcherOptions } from './watcher-options.js';
export { WatchMetrics } from './watch-metrics.js';
export { makeWatchLogger, type WatchLogger, type WatchLoggerOptions, type LogLevel, type LogFields } from './watch-logger.js';
export { startMetricsServer, type MetricsServer, type HealthReport } from './metrics-server.js';
export { BlueprintCachingPortClient } from './blueprint-caching-port-client.js';
export { interpretMessage, type Interpretation, type InterpretContext } from './interpret-message.js';
export { EVENT_OUTCOMES, type EventOutcome } from './event-outcome.js';
export { CLOUDTRAIL_RULES, NATIVE_EVENT_RULES, cloudTrailRuleFor, type CloudTrailRule, type NativeEventRule } from './event-table.js';
export { ARN_KINDS, refOfArn, type ArnKind } from './arn-kinds.js';
export { EC2_ID_KINDS, type IdentifierForm } from './identifier-forms.js';
export { formatRef, refKey, scopeOfRef, type ResourceRef } from './resource-ref.js';
export { ResourceWorkQueue, type WorkItem } from './resource-work-queue.js';
export { EventQueue, type EventQueueOptions } from './event-queue.js';
export { nextResyncDelay } from './resync-loop.js';
export { PrometheusRegistry } from './prometheus-registry.js';
