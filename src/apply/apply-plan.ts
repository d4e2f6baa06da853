import { DEFAULT_HOST_CONCURRENCY, Semaphore } from '../concurrency/index.js';
import { type BlueprintDefinition, relationTargetsOf, type ResolvedConfig } from '../config/index.js';
import type { Plan } from '../plan/index.js';
import { jsonBytes, MAX_BULK_DELETE, splitIntoBatches, type EntityWriteResult, type PortClient } from '../port/index.js';
import type { ChangeGroup, PlannedChange, StateStore } from '../../state/index.js';
import type { ApplyProgress, ApplyResult, ChangeOutcome } from './apply-types.js';
import { orderBlueprintsByRelations } from './blueprint-order.js';
import { createBlueprints } from './create-blueprints.js';
import { entityAddress } from '../model/index.js';

/** Changes read from the plan table at a time: bounds memory whatever the plan's size. */
const PAGE_SIZE = 1000;

export interface ApplyOptions {
  plan: Plan;
  port: PortClient;
  store: StateStore;
  config: Pick<ResolvedConfig, 'enableMergeEntity' | 'createMissingRelatedEntities' | 'deleteDependentEntities'>;
  /** The user's cap on Port requests in flight at once; undefined: the host's default (Port's pacing decides the rate). */
  parallelism?: number;
  /** The config's blueprint definitions: the plan's blueprint creates come from them, and relation order. */
  blueprints?: readonly BlueprintDefinition[];
  onProgress?: (progress: ApplyProgress) => void;
}

/**
 * Executes exactly the plan's changes against Port: the planned blueprints first (from the blueprints
 * file), then upserts by blueprint with relation targets first,
 * then deletes in reverse order. Each batch Port confirms is recorded in the state at once, entity by
 * entity (invariant 4). An upsert refused because a related entity was missing is tried once more
 * after all other upserts. A delete of an entity the state does not record as ours is refused
 * (invariant 2). A refused entity is a failure in the result, never a thrown error; the apply goes on.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  if (options.plan.header.blueprint_changes.length > 0) await createBlueprints(options.plan.header.blueprint_changes, options.blueprints ?? [], options.port);
  const run = new ApplyRun(options);
  const order = await blueprintOrder(options);
  for (const blueprint of order) await run.applyGroup(blueprint, 'upserts');
  await run.retryDeferredUpserts();
  for (const blueprint of [...order].reverse()) await run.applyGroup(blueprint, 'deletes');
  return run.result;
}

/** The bookkeeping of one apply: counts, failures, progress, and upserts to try again. */
class ApplyRun {
  readonly result: ApplyResult = { added: 0, changed: 0, destroyed: 0, failed: 0, failures: [] };
  private readonly budget: Semaphore;
  private readonly total: number;
  private done = 0;
  private deferred: PlannedChange[] = [];

  constructor(private readonly options: ApplyOptions) {
    this.budget = new Semaphore(options.parallelism ?? DEFAULT_HOST_CONCURRENCY);
    const { add, change, destroy } = options.plan.header.summary;
    this.total = add + change + destroy;
  }

  /** Applies one blueprint's upserts or deletes, page by page. */
  async applyGroup(blueprint: string, group: ChangeGroup): Promise<void> {
    for (let afterSeq = 0; ; ) {
      const page = this.options.plan.changes.page(blueprint, group, afterSeq, PAGE_SIZE);
      if (page.length === 0) return;
      afterSeq = page.at(-1)!.seq;
      if (group === 'upserts') await this.upsert(blueprint, page, true);
      else await this.delete(blueprint, page);
    }
  }

  /** The upserts refused for a missing related entity, once more, now that the rest is written. */
  async retryDeferredUpserts(): Promise<void> {
    const deferred = this.deferred;
    this.deferred = [];
    for (const blueprint of new Set(deferred.map((c) => c.blueprint))) {
      await this.upsert(blueprint, deferred.filter((c) => c.blueprint === blueprint), false);
    }
  }

  private async upsert(blueprint: string, changes: PlannedChange[], isFirstTry: boolean): Promise<void> {
    const { port, store, config } = this.options;
    const upsertOptions = { merge: config.enableMergeEntity, createMissingRelatedEntities: config.createMissingRelatedEntities };
    const ownerMoves = changes.filter(isOwnerMoveOnly);
    if (ownerMoves.length > 0) {
      store.recordWrites((writer) => {
        for (const c of ownerMoves) writer.putEntity({ blueprint, identifier: c.identifier, scope: c.scope, awsIdentifier: c.awsIdentifier, entity: c.after! });
      });
      for (const c of ownerMoves) this.report(c, { identifier: c.identifier, ok: true });
    }
    const writes = changes.filter((c) => !isOwnerMoveOnly(c));
    await Promise.all(
      splitIntoBatches(writes, (c) => jsonBytes(c.after)).map((batch) =>
        this.budget.run(async () => {
          const writes = await port.upsertEntities(blueprint, batch.map((c) => c.after!), upsertOptions);
          store.recordWrites((writer) => {
            writes.forEach((write, i) => {
              const c = batch[i]!;
              if (write.ok) writer.putEntity({ blueprint, identifier: c.identifier, scope: c.scope, awsIdentifier: c.awsIdentifier, entity: c.after! });
            });
          });
          writes.forEach((write, i) => {
            if (isFirstTry && isMissingRelated(write)) this.deferred.push(batch[i]!);
            else this.report(batch[i]!, write);
          });
        }),
      ),
    );
  }

  private async delete(blueprint: string, changes: PlannedChange[]): Promise<void> {
    const { port, store, config } = this.options;
    const ours: PlannedChange[] = [];
    for (const c of changes) {
      if (store.getEntity(blueprint, c.identifier) !== undefined) ours.push(c);
      else this.report(c, { identifier: c.identifier, ok: false, statusCode: 0, error: 'not_owned', message: 'the state does not record this entity as written by aws2port; it is not deleted' });
    }
    const chunks: PlannedChange[][] = [];
    for (let start = 0; start < ours.length; start += MAX_BULK_DELETE) chunks.push(ours.slice(start, start + MAX_BULK_DELETE));
    await Promise.all(
      chunks.map((chunk) =>
        this.budget.run(async () => {
          const writes = await port.deleteEntities(blueprint, chunk.map((c) => c.identifier), config.deleteDependentEntities);
          store.recordWrites((writer) => {
            writes.forEach((write, i) => {
              if (write.ok) writer.deleteEntity(blueprint, chunk[i]!.identifier);
            });
          });
          writes.forEach((write, i) => this.report(chunk[i]!, write));
        }),
      ),
    );
  }

  private report(change: PlannedChange, write: EntityWriteResult): void {
    this.done++;
    const outcome: ChangeOutcome = !write.ok ? 'failed' : change.action === 'create' ? 'created' : change.action === 'update' ? 'updated' : 'deleted';
    const address = entityAddress(change.blueprint, change.identifier);
    if (outcome === 'created') this.result.added++;
    else if (outcome === 'updated') this.result.changed++;
    else if (outcome === 'deleted') this.result.destroyed++;
    else if (!write.ok) {
      this.result.failed++;
      this.result.failures.push({ address, action: change.action, statusCode: write.statusCode, error: write.error, message: write.message });
    }
    this.options.onProgress?.({ address, action: change.action, outcome, done: this.done, total: this.total, ...(write.ok ? {} : { error: `${write.error}: ${write.message}` }) });
  }
}

/** An update whose body is the recorded one: only its owner moved, so there is nothing to write to Port. */
function isOwnerMoveOnly(change: PlannedChange): boolean {
  return change.action === 'update' && JSON.stringify(change.before) === JSON.stringify(change.after);
}

/** Port refused the entity because an entity it relates to does not exist (yet). */
function isMissingRelated(write: EntityWriteResult): boolean {
  return !write.ok && write.statusCode === 404;
}

/** The plan's blueprints, relation targets first (from the blueprints file, else Port's blueprints). */
async function blueprintOrder(options: ApplyOptions): Promise<string[]> {
  const blueprints = options.plan.changes.blueprints();
  const targets = new Map<string, readonly string[]>(relationTargetsOf(options.blueprints ?? []));
  await Promise.all(
    blueprints.map(async (id) => {
      if (targets.has(id)) return;
      const blueprint = await options.port.getBlueprint(id).catch(() => undefined);
      targets.set(id, Object.values(blueprint?.relations ?? {}).map((r) => r.target));
    }),
  );
  return orderBlueprintsByRelations(blueprints, (id) => targets.get(id) ?? []);
}
