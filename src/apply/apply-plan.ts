import { DEFAULT_HOST_CONCURRENCY, Semaphore } from '../concurrency/index.js';
import { type BlueprintDefinition, relationTargetsOf, type ResolvedConfig } from '../config/index.js';
import type { Plan } from '../plan/index.js';
import type { EntityWriteResult, PortClient } from '../port/index.js';
import type { ChangeGroup, PlannedChange, StateStore } from '../../state/index.js';
import { emptyApplyResult, type ApplyProgress, type ApplyResult } from './apply-types.js';
import { orderBlueprintsByRelations } from './blueprint-order.js';
import { createBlueprints } from './create-blueprints.js';
import { entityAddress, type EntityRecord } from '../model/index.js';

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
 * Executes exactly the plan's actions, deciding from each action alone: the planned blueprints first
 * (from the blueprints file), then the owner moves (recorded in the state, nothing written to Port),
 * then upserts by blueprint with relation targets first, then deletes in reverse order. Port's client
 * batches the writes (the one place that knows Port's bulk limits); apply paces them. Each batch Port confirms is recorded in the state at once, entity by
 * entity (invariant 4). An upsert refused because a related entity was missing is tried once more
 * after all other upserts. A delete of an entity the state does not record as ours is refused
 * (invariant 2). A refused entity is a failure in the result, never a thrown error; the apply goes on.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  if (options.plan.header.blueprint_changes.length > 0) await createBlueprints(options.plan.header.blueprint_changes, options.blueprints ?? [], options.port);
  const run = new ApplyRun(options);
  run.recordMoves();
  const order = await blueprintOrder(options);
  for (const blueprint of order) await run.applyGroup(blueprint, 'upserts');
  await run.retryDeferredUpserts();
  for (const blueprint of [...order].reverse()) await run.applyGroup(blueprint, 'deletes');
  return run.result;
}

/** A planned upsert as the state will record it once Port confirms it: its body is the plan's text. */
type PlannedWrite = EntityRecord & { change: PlannedChange };

/** The bookkeeping of one apply: counts, failures, progress, and upserts to try again. */
class ApplyRun {
  readonly result: ApplyResult = emptyApplyResult();
  private readonly budget: Semaphore;
  private readonly total: number;
  private done = 0;
  private deferred: PlannedChange[] = [];

  constructor(private readonly options: ApplyOptions) {
    this.budget = new Semaphore(options.parallelism ?? DEFAULT_HOST_CONCURRENCY);
    const { add, change, destroy } = options.plan.header.summary;
    this.total = add + change + destroy + options.plan.header.owner_moves.length;
  }

  /** Records the plan's owner moves in the state, in one transaction: nothing is written to Port. */
  recordMoves(): void {
    const moves = this.options.plan.header.owner_moves;
    if (moves.length === 0) return;
    const isRecorded: boolean[] = [];
    this.options.store.recordWrites((writer) => {
      for (const move of moves) isRecorded.push(writer.moveEntity(move.blueprint, move.identifier, move.scope, move.aws_identifier));
    });
    moves.forEach((move, i) => {
      if (isRecorded[i]) this.result.unchanged++;
      else this.result.skipped++;
      this.progress({ address: move.address, action: move.action, outcome: isRecorded[i] ? 'unchanged' : 'skipped' });
    });
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
    const writes = changes.map((change): PlannedWrite => ({ blueprint, identifier: change.identifier, scope: change.scope, awsIdentifier: change.awsIdentifier, entity: change.after!, body: change.afterBody!, change }));
    await port.upsertEntities(blueprint, writes, upsertOptions, {
      run: (request) => this.budget.run(request),
      onBatch: (batch, results) => {
        store.recordWrites((writer) => {
          results.forEach((write, i) => {
            if (write.ok) writer.putEntity(batch[i]!);
          });
        });
        results.forEach((write, i) => {
          if (isFirstTry && isMissingRelated(write)) this.deferred.push(batch[i]!.change);
          else this.report(batch[i]!.change, write);
        });
      },
    });
  }

  private async delete(blueprint: string, changes: PlannedChange[]): Promise<void> {
    const { port, store, config } = this.options;
    const ours = new Map<string, PlannedChange>();
    for (const c of changes) {
      if (store.getEntity(blueprint, c.identifier) !== undefined) ours.set(c.identifier, c);
      else this.report(c, { identifier: c.identifier, ok: false, statusCode: 0, error: 'not_owned', message: 'the state does not record this entity as written by aws2port; it is not deleted' });
    }
    await port.deleteEntities(blueprint, [...ours.keys()], config.deleteDependentEntities, {
      run: (request) => this.budget.run(request),
      onBatch: (batch, results) => {
        store.recordWrites((writer) => {
          results.forEach((write, i) => {
            if (write.ok) writer.deleteEntity(blueprint, batch[i]!);
          });
        });
        results.forEach((write, i) => this.report(ours.get(batch[i]!)!, write));
      },
    });
  }

  private report(change: PlannedChange, write: EntityWriteResult): void {
    const address = entityAddress(change.blueprint, change.identifier);
    if (write.ok) {
      this.result.applied[change.action]++;
      this.progress({ address, action: change.action, outcome: 'applied' });
      return;
    }
    this.result.failed++;
    this.result.failures.push({ address, action: change.action, statusCode: write.statusCode, error: write.error, message: write.message });
    this.progress({ address, action: change.action, outcome: 'failed', error: `${write.error}: ${write.message}` });
  }

  private progress(progress: Omit<ApplyProgress, 'done' | 'total'>): void {
    this.done++;
    this.options.onProgress?.({ ...progress, done: this.done, total: this.total });
  }
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
