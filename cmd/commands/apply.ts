import { guardThenApply, massDeletionsRefused, type ApplyResult } from '../../src/apply/index.js';
import type { BlueprintDefinition, ResolvedConfig } from '../../src/config/index.js';
import { Aws2PortError } from '../../src/errors/index.js';
import type { Mapper } from '../../src/mapping/index.js';
import {
  assertPlanApplicable,
  describeMassDeletion,
  leaveForeignEntities,
  planHasChanges,
  readPlanFile,
  renderPlanText,
  type MassDeletionEntry,
  type Plan,
  type PortOwnership,
} from '../../src/plan/index.js';
import { PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { acquireStateLock, type StateStore } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { confirmActions } from '../confirm.js';
import { compilePlannedMappers } from '../compile-planned-mappers.js';
import { loadConfigOrThrow, loadConfiguredBlueprints } from '../load-config-or-throw.js';
import { withNamedInstallation } from '../named-installation.js';
import { openStore, openTargetedStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';
import { planWithProgress } from '../plan-with-progress.js';
import { discardCreatedState, rebuildMissingState, stateFileBefore, type StateFileBefore } from '../rebuild-missing-state.js';
import { ApplyProgressView } from '../views/apply-progress-view.js';
import { applyCompleteJson, applyCompleteLine } from '../views/apply-words.js';

type ApplyArgs = Extract<Args, { command: 'apply' }>;

/**
 * `aws2port apply [PLANFILE]`: with a plan file, exactly that plan after the stale check; without,
 * a fresh plan, confirmed unless --auto-approve. Holds the state lock throughout. Without a state
 * file, first rebuilds it from Port (a failed rebuild leaves no file). Exit 1 when any change failed.
 */
export async function runApply(args: ApplyArgs, output: Output): Promise<number> {
  const config = await withNamedInstallation(loadConfigOrThrow(args, output), args);
  const definitions = loadConfiguredBlueprints(config);
  const connection = portConnectionFromEnv(process.env, args.parallelism, portWriterOf(config, args));
  // A saved plan names the state it was made from: with no state file, it is refused as stale (its
  // lineage cannot match), and no state is created for it.
  const mappers = args.planFile ? undefined : await compilePlannedMappers(config, args);
  const before = stateFileBefore(args);
  const store = mappers ? openTargetedStore(args, config, 'create') : openStore(args, 'empty');
  const lock = acquireStateLock(store.db, 'apply');
  const port = new PortClient(connection);
  let isRebuildFailed = false;
  try {
    checkStoreInstallation(store, config, args, true);
    if (mappers && before.isMissing) {
      await rebuildMissingState(store, config, args, port, output).catch((error: unknown) => {
        isRebuildFailed = true;
        throw error;
      });
    }
    const ownership = { port, writer: portWriterOf(config, args) };
    const plan = args.planFile ? await loadCheckedPlan(args.planFile, store, config.hash, ownership) : await planForApply(args, config, mappers!, store, ownership, definitions, output, before);
    if (!plan) return 0;
    const progress = new ApplyProgressView(output, args);
    const applied = await guardThenApply({
      plan,
      port,
      store,
      config,
      parallelism: args.parallelism,
      isMassDeleteAllowed: args.isMassDeleteAllowed,
      ...(definitions ? { blueprints: definitions } : {}),
      onProgress: (p) => progress.update(p),
    });
    if (applied.outcome === 'refused') throw deletionThresholdExceeded(applied.massDeletions);
    const { result } = applied;
    progress.finish();
    await reportResult(result, args, output);
    plan.changes.close();
    if (result.failed > 0) throw applyIncomplete(result);
    return 0;
  } finally {
    lock.release();
    store.db.close();
    await port.close();
    if (isRebuildFailed) discardCreatedState(before);
  }
}

/** The saved plan, refused when it no longer fits the state or config, or writes what another writer owns in Port. */
async function loadCheckedPlan(file: string, store: StateStore, configHash: string, ownership: PortOwnership): Promise<Plan> {
  const plan = await readPlanFile(file, store.db);
  assertPlanApplicable(plan.header, { lineage: store.lineage, serial: store.serial, configHash });
  const foreign = await leaveForeignEntities(plan.changes, ownership);
  if (foreign.length > 0) {
    throw new Aws2PortError('PlanWritesForeignEntities', `The saved plan changes ${foreign.length} entities that Port holds as another writer's, e.g. ${foreign[0]!.address} (written by ${foreign[0]!.datasource || 'an unknown writer'}).`, {
      detail: 'aws2port never changes what another writer owns. Run `aws2port plan` again with Port credentials set: it leaves those changes out and lists them.',
      subject: file,
    });
  }
  return plan;
}

/** Plans, shows the plan, and asks; undefined when there is nothing to do. */
async function planForApply(
  args: ApplyArgs,
  config: ResolvedConfig,
  mappers: readonly Mapper[],
  store: StateStore,
  ownership: PortOwnership,
  definitions: BlueprintDefinition[] | undefined,
  output: Output,
  before: StateFileBefore,
): Promise<Plan | undefined> {
  const plan = await planWithProgress(args, config, mappers, store, output, ownership, definitions ? { definitions, port: ownership.port } : undefined);
  if (!args.json) await renderPlanText(plan, output.stdout, output.style);
  if (!planHasChanges(plan.header)) {
    plan.changes.close();
    if (args.json) await output.json({ type: 'apply_complete', added: 0, changed: 0, destroyed: 0, failed: 0 });
    else await output.stdout.write(`\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n`);
    return undefined;
  }
  if (!args.isAutoApprove) {
    // refused before the question, so that nobody confirms a plan apply would refuse
    const refused = massDeletionsRefused(plan.header, args.isMassDeleteAllowed);
    if (refused.length > 0) throw deletionThresholdExceeded(refused);
    await confirmActions(output);
  }
  return plan;
}

/** The deletion guard's refusal: the plan deletes more of a blueprint than entityDeletionThreshold allows. */
function deletionThresholdExceeded(massDeletions: readonly MassDeletionEntry[]): Aws2PortError {
  return new Aws2PortError('DeletionThresholdExceeded', 'The plan deletes more entities than entityDeletionThreshold allows; nothing was written.', {
    detail: `${massDeletions.map(describeMassDeletion).join('\n')}\nIf AWS really lost them, run again with --allow-mass-delete (or raise entityDeletionThreshold).`,
  });
}

async function reportResult(result: ApplyResult, args: ApplyArgs, output: Output): Promise<void> {
  if (args.json) {
    await output.json(applyCompleteJson(result));
    return;
  }
  if (result.failures.length > 0) {
    await output.stdout.write(`\n${output.style.destroy(`${result.failures.length} change${result.failures.length === 1 ? '' : 's'} failed:`)}\n`);
    for (const f of result.failures) await output.stdout.write(`  ! ${f.address} (${f.action}): HTTP ${f.statusCode} ${f.error}: ${f.message}\n`);
  }
  await output.stdout.write(`\n${output.style.bold(applyCompleteLine(result))}\n`);
}

function applyIncomplete(result: ApplyResult): Aws2PortError {
  return new Aws2PortError('ApplyIncomplete', `${result.failed} change${result.failed === 1 ? '' : 's'} failed; everything else was applied and recorded.`, {
    detail: 'Fix the cause Port gave above, then run `aws2port apply` again: it retries only what is still different.',
  });
}
