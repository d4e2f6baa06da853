import { performance } from 'node:perf_hooks';
import { applyPlan } from '../apply/index.js';
import { describeAwsError } from '../aws/index.js';
import type { BlueprintDefinition, ResolvedConfig } from '../config/index.js';
import type { Mapper } from '../mapping/index.js';
import { leaveForeignEntities, makeResourcePlan, planBlueprints, planHasChanges, planSummary, type ResourceObservation, type ResourcePlan } from '../plan/index.js';
import type { PortClient, PortWriter } from '../port/index.js';
import type { StateStore } from '../../state/index.js';
import type { ResourceResult } from './held-message.js';
import type { Semaphore } from '../concurrency/index.js';
import { rereadResource } from './reread-resource.js';
import { formatRef, scopeOfRef, type ResourceRef } from './resource-ref.js';
import type { WatchLogger } from './watch-logger.js';
import type { WatchMetrics } from './watch-metrics.js';
import type { WatchScope } from './watch-scope.js';
import { entityAddress, formatResource, scopeKey, type Scope } from '../model/index.js';

/** What one reconcile of resources needs. */
export interface ReconcileContext {
  scope: WatchScope;
  /** The state; a full resync may plan on it at the same time, in temporary tables of its own. */
  store: StateStore;
  port: PortClient;
  /** This watcher's installation and shard: changes to entities another writer owns are left out. */
  writer: PortWriter;
  config: ResolvedConfig;
  mappersByKind: ReadonlyMap<string, readonly Mapper[]>;
  /** The user's cap on Port requests in flight at once (per apply); undefined: the host's default. */
  parallelism?: number;
  /** The GetResource budget shared by every cycle (--parallelism calls in flight). */
  reads: Semaphore;
  /** One small plan and its apply at a time: each is planned from the state the previous one left. */
  applies: Semaphore;
  blueprints?: readonly BlueprintDefinition[];
  metrics: WatchMetrics;
  log: WatchLogger;
}

/** A resource to reconcile, by its work-queue key. */
export interface KeyedRef {
  key: string;
  ref: ResourceRef;
}

/**
 * One incremental cycle: re-reads each resource, plans exactly the entities they produce now or
 * produced before (makeResourcePlan), applies that plan, and says per resource whether everything it
 * caused was confirmed by Port and recorded (`applied`), could not be (`failed`), could never be
 * read (`unreadable`), or could not be mapped (`unmappable`). One resource whose mapping fails never
 * fails the others. Never throws.
 */
export async function reconcileResources(refs: readonly KeyedRef[], context: ReconcileContext): Promise<Map<string, ResourceResult>> {
  const { metrics, log } = context;
  const started = performance.now();
  const results = new Map<string, ResourceResult>();
  const rereads = await Promise.all(refs.map(({ ref }) => context.reads.run(() => rereadResource(ref, context.scope))));
  const observations: ResourceObservation[] = [];
  const owners = new Map<string, string>();
  refs.forEach(({ key, ref }, i) => {
    const reread = rereads[i]!;
    metrics.reads.inc({ result: reread.status });
    if (reread.status === 'failed' || reread.status === 'unreadable') {
      results.set(key, reread.status);
      if (reread.status === 'failed') metrics.errors.inc({ stage: 'read' });
      log.log('warn', reread.status === 'failed' ? 'read_failed' : 'resource_unreadable', `${formatRef(ref)}: ${reread.error}`, { kind: ref.kind, account: ref.account, region: ref.region, identifier: ref.identifier });
      return;
    }
    const observation = { scope: scopeOfRef(ref), awsIdentifier: ref.identifier, item: reread.status === 'found' ? reread.item : undefined };
    observations.push(observation);
    owners.set(ownerKey(observation.scope, ref.identifier), key);
    if (observation.item?.Identifier) owners.set(ownerKey(observation.scope, observation.item.Identifier), key);
  });
  if (observations.length === 0) return results;

  const readMs = performance.now() - started;
  await context.applies.run(() => planAndApply(observations, owners, readMs, context, results));
  return results;
}

/**
 * Plans the observed resources and applies the plan, recording each resource's result. When planning
 * them together throws, each is planned alone, so that only a resource whose mapping throws by itself
 * is `unmappable`.
 */
async function planAndApply(
  observations: readonly ResourceObservation[],
  owners: ReadonlyMap<string, string>,
  readMs: number,
  context: ReconcileContext,
  results: Map<string, ResourceResult>,
): Promise<void> {
  const { metrics, log } = context;
  const started = performance.now();
  const observed = [...new Set(observations.map((o) => owners.get(ownerKey(o.scope, o.awsIdentifier))!))];
  let plan: ResourcePlan;
  try {
    // the blueprints are read through the watch's caching client: no Port request once read
    const blueprintSchemas = context.blueprints ? (await planBlueprints(context.blueprints, context.port)).schemas : undefined;
    plan = makeResourcePlan({ configHash: context.config.hash, store: context.store, mappersByKind: context.mappersByKind, observations, ...(blueprintSchemas ? { blueprintSchemas } : {}) });
  } catch (error) {
    metrics.errors.inc({ stage: 'plan' });
    if (observations.length > 1) {
      log.log('warn', 'plan_failed', `planning ${observations.length} resources together failed (${describeAwsError(error)}): planning each alone`);
      for (const observation of observations) await planAndApply([observation], owners, readMs, context, results);
      return;
    }
    log.log('error', 'resource_unmappable', `${describeObservation(observations[0]!)}: planning it failed: ${describeAwsError(error)}`);
    for (const key of observed) results.set(key, 'unmappable');
    return;
  }
  const unmapped = new Set(plan.unmapped.map((o) => owners.get(ownerKey(o.scope, o.awsIdentifier))));
  const planMs = performance.now() - started;
  try {
    // Port unreachable here fails the resources like a failed write: their messages come back.
    await leaveForeignChanges(plan, context);
    reportPlanProblems(plan, log);
    const keyOfAddress = new Map<string, string>();
    for (const change of plan.changes.all()) {
      const key = owners.get(ownerKey(change.scope, change.awsIdentifier ?? ''));
      if (key) keyOfAddress.set(entityAddress(change.blueprint, change.identifier), key);
    }
    const failedKeys = new Set<string>();
    if (planHasChanges(plan.header)) {
      const result = await applyPlan({
        plan,
        port: context.port,
        store: context.store,
        config: context.config,
        parallelism: context.parallelism,
        ...(context.blueprints ? { blueprints: context.blueprints } : {}),
        onProgress: (progress) => {
          if (progress.outcome === 'failed') {
            // A write no resource claims (cannot happen) fails them all rather than ack a loss.
            const key = keyOfAddress.get(progress.address);
            for (const failed of key ? [key] : observed) failedKeys.add(failed);
            metrics.errors.inc({ stage: 'apply' });
            log.log('warn', 'write_failed', `${progress.address}: ${progress.action} failed: ${progress.error ?? ''}`, { address: progress.address, action: progress.action });
          } else if (progress.outcome === 'applied') {
            metrics.applied.inc({ action: progress.action, trigger: 'event' });
          }
        },
      });
      log.log('info', 'resources_applied', `${observations.length} resources re-read: ${result.applied.create} added, ${result.applied.update} changed, ${result.applied.delete} destroyed, ${result.failed} failed`, {
        resources: observations.length,
        added: result.applied.create,
        changed: result.applied.update,
        destroyed: result.applied.delete,
        failed: result.failed,
        read_ms: Math.round(readMs),
        plan_ms: Math.round(planMs),
        apply_ms: Math.round(performance.now() - started - planMs),
      });
    } else {
      log.log('debug', 'resources_unchanged', `${observations.length} resources re-read: no changes`, { resources: observations.length });
    }
    for (const key of observed) results.set(key, unmapped.has(key) ? 'unmappable' : failedKeys.has(key) ? 'failed' : 'applied');
  } catch (error) {
    metrics.errors.inc({ stage: 'apply' });
    log.log('error', 'apply_failed', `applying the changes of ${observations.length} resources failed: ${describeAwsError(error)}`);
    for (const key of observed) results.set(key, 'failed');
  } finally {
    plan.changes.close();
  }
}

/** Leaves out of the small plan the changes to entities another writer owns in Port, each logged. */
async function leaveForeignChanges(plan: ResourcePlan, context: ReconcileContext): Promise<void> {
  const foreign = await leaveForeignEntities(plan.changes, { port: context.port, writer: context.writer });
  if (foreign.length === 0) return;
  plan.header.summary = planSummary(plan.changes.counts());
  for (const entry of foreign) {
    context.log.log('warn', 'foreign_entity', `${entry.address}: written by ${entry.datasource || 'an unknown writer'} in Port; ${entry.action} left out`, { address: entry.address, action: entry.action, datasource: entry.datasource });
  }
}

function reportPlanProblems(plan: ResourcePlan, log: WatchLogger): void {
  for (const issue of plan.header.mapping_issues) {
    log.log('warn', 'mapping_issue', `${issue.path} (line ${issue.line}) failed on ${issue.examples.join(', ')}: ${issue.message}`, { kind: issue.kind, field: issue.field, item_skipped: issue.item_skipped });
  }
  for (const conflict of plan.header.address_conflicts) {
    log.log('warn', 'address_conflict', `${conflict.address}: two resources map to it; kept ${conflict.kept.aws_identifier ?? '?'}, dropped ${conflict.dropped.aws_identifier ?? '?'}`);
  }
}

function describeObservation(observation: ResourceObservation): string {
  return formatResource(observation.scope, observation.awsIdentifier);
}

function ownerKey(scope: Scope, awsIdentifier: string): string {
  return `${scopeKey(scope)}\u0000${awsIdentifier}`;
}
