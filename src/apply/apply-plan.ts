import { Semaphore } from '../aws/semaphore.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PlanDocument, ResourceChange } from '../plan/plan-document.js';
import { jsonBytes, splitIntoBatches, type EntityWriteResult, type PortClient } from '../port/index.js';
import type { StateStore } from '../../state/index.js';
import type { ApplyFailure, ApplyProgress, ApplyResult, ChangeOutcome } from './apply-types.js';
import { orderBlueprintsByRelations } from './blueprint-order.js';

/** Port's bulk delete takes at most this many identifiers a request. */
const DELETE_CHUNK = 100;

export interface ApplyOptions {
  plan: PlanDocument;
  port: PortClient;
  store: StateStore;
  config: Pick<ResolvedConfig, 'enableMergeEntity' | 'createMissingRelatedEntities' | 'deleteDependentEntities'>;
  /** Port requests in flight at once. */
  parallelism: number;
  onProgress?: (progress: ApplyProgress) => void;
}

/**
 * Executes exactly the plan's changes against Port: upserts by blueprint with relation targets first,
 * then deletes in reverse order. Each batch Port confirms is recorded in the state at once, entity by
 * entity (invariant 4); a refused entity is a failure in the result, never a thrown error, and the
 * apply goes on.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  const { plan, port, store, config } = options;
  const result: ApplyResult = { added: 0, changed: 0, destroyed: 0, failed: 0, failures: [] };
  const total = plan.resource_changes.length;
  let done = 0;
  const report = (change: ResourceChange, write: EntityWriteResult) => {
    done++;
    const outcome: ChangeOutcome = !write.ok ? 'failed' : change.action === 'create' ? 'created' : change.action === 'update' ? 'updated' : 'deleted';
    if (outcome === 'created') result.added++;
    else if (outcome === 'updated') result.changed++;
    else if (outcome === 'deleted') result.destroyed++;
    else {
      result.failed++;
      const failure: ApplyFailure = { address: change.address, action: change.action, statusCode: write.ok ? 0 : write.statusCode, error: write.ok ? '' : write.error, message: write.ok ? '' : write.message };
      result.failures.push(failure);
    }
    options.onProgress?.({ address: change.address, action: change.action, outcome, done, total, ...(write.ok ? {} : { error: `${write.error}: ${write.message}` }) });
  };

  const order = await blueprintOrder(plan, port);
  const budget = new Semaphore(options.parallelism);
  const upsertOptions = { merge: config.enableMergeEntity, createMissingRelatedEntities: config.createMissingRelatedEntities };

  for (const blueprint of order) {
    const upserts = plan.resource_changes.filter((c) => c.blueprint === blueprint && c.action !== 'delete');
    await Promise.all(
      splitIntoBatches(upserts, (change) => jsonBytes(change.after)).map((batch) =>
        budget.run(async () => {
          const writes = await port.upsertEntities(blueprint, batch.map((c) => c.after!), upsertOptions);
          store.recordWrites((writer) => {
            writes.forEach((write, i) => {
              const change = batch[i]!;
              if (write.ok) writer.putEntity({ blueprint, identifier: change.identifier, scope: change.scope, awsIdentifier: change.aws_identifier, entity: change.after! });
            });
          });
          writes.forEach((write, i) => report(batch[i]!, write));
        }),
      ),
    );
  }

  for (const blueprint of [...order].reverse()) {
    const deletes = plan.resource_changes.filter((c) => c.blueprint === blueprint && c.action === 'delete');
    const chunks: ResourceChange[][] = [];
    for (let start = 0; start < deletes.length; start += DELETE_CHUNK) chunks.push(deletes.slice(start, start + DELETE_CHUNK));
    await Promise.all(
      chunks.map((chunk) =>
        budget.run(async () => {
          const writes = await port.deleteEntities(blueprint, chunk.map((c) => c.identifier), config.deleteDependentEntities);
          store.recordWrites((writer) => {
            writes.forEach((write, i) => {
              if (write.ok) writer.deleteEntity(blueprint, chunk[i]!.identifier);
            });
          });
          writes.forEach((write, i) => report(chunk[i]!, write));
        }),
      ),
    );
  }
  return result;
}

/** The plan's blueprints, relation targets first (as Port's blueprints say; unknown ones keep plan order). */
async function blueprintOrder(plan: PlanDocument, port: PortClient): Promise<string[]> {
  const blueprints = [...new Set(plan.resource_changes.map((c) => c.blueprint))];
  const targets = new Map<string, string[]>();
  await Promise.all(
    blueprints.map(async (id) => {
      const blueprint = await port.getBlueprint(id).catch(() => undefined);
      targets.set(id, Object.values(blueprint?.relations ?? {}).map((r) => r.target));
    }),
  );
  return orderBlueprintsByRelations(blueprints, (id) => targets.get(id) ?? []);
}
