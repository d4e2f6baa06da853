import { applyPlan, type ApplyResult } from '../../src/apply/index.js';
import type { ResolvedConfig } from '../../src/config/index.js';
import { Aws2PortError } from '../../src/errors/index.js';
import { assertPlanApplicable, hasChanges, loadPlanFile, makePlan, renderPlanText, type PlanDocument } from '../../src/plan/index.js';
import { PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { acquireStateLock, type StateStore } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { confirmActions } from '../confirm.js';
import { loadConfigOrThrow, openStore } from '../context.js';
import type { Output } from '../output.js';

type ApplyArgs = Extract<Args, { command: 'apply' }>;

/**
 * `aws2port apply [PLANFILE]`: with a plan file, exactly that plan after the stale check; without,
 * a fresh plan, confirmed unless --auto-approve. Holds the state lock throughout. Exit 1 when any
 * change failed.
 */
export async function runApply(args: ApplyArgs, output: Output): Promise<number> {
  const config = loadConfigOrThrow(args, output);
  const connection = portConnectionFromEnv(process.env, args.parallelism);
  const store = openStore(args);
  const lock = acquireStateLock(store.db, 'apply');
  const port = new PortClient(connection);
  try {
    const plan = args.planFile ? loadCheckedPlan(args.planFile, store, config.hash) : await planForApply(args, config, store, output);
    if (!plan) return 0;
    const result = await applyPlan({
      plan,
      port,
      store,
      config,
      parallelism: args.parallelism,
      onProgress: (p) => {
        if (args.json) output.json({ type: 'apply_progress', ...p });
        else if (p.outcome === 'failed') output.log(`${output.style.destroy('Error:')} ${p.address}: ${p.action} failed: ${p.error}`);
      },
    });
    reportResult(result, args, output);
    if (result.failed > 0) throw applyIncomplete(result);
    return 0;
  } finally {
    lock.release();
    store.db.close();
    await port.close();
  }
}

function loadCheckedPlan(file: string, store: StateStore, configHash: string): PlanDocument {
  const plan = loadPlanFile(file);
  assertPlanApplicable(plan, { lineage: store.lineage, serial: store.serial, configHash });
  return plan;
}

/** Plans, shows the plan, and asks; undefined when there is nothing to do. */
async function planForApply(args: ApplyArgs, config: ResolvedConfig, store: StateStore, output: Output): Promise<PlanDocument | undefined> {
  const plan = await makePlan({ config, store, targets: args.targets, parallelism: args.parallelism, log: output.log });
  if (!args.json) renderPlanText(plan, output.stdout, output.style);
  if (!hasChanges(plan)) {
    if (args.json) output.json({ type: 'apply_complete', added: 0, changed: 0, destroyed: 0, failed: 0 });
    else output.stdout.write(`\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n`);
    return undefined;
  }
  if (!args.isAutoApprove) await confirmActions(output);
  return plan;
}

function reportResult(result: ApplyResult, args: ApplyArgs, output: Output): void {
  if (args.json) {
    output.json({ type: 'apply_complete', added: result.added, changed: result.changed, destroyed: result.destroyed, failed: result.failed });
    return;
  }
  if (result.failures.length > 0) {
    output.stdout.write(`\n${output.style.destroy(`${result.failures.length} change${result.failures.length === 1 ? '' : 's'} failed:`)}\n`);
    for (const f of result.failures) output.stdout.write(`  ! ${f.address} (${f.action}): HTTP ${f.statusCode} ${f.error}: ${f.message}\n`);
  }
  output.stdout.write(`\n${output.style.bold(`Apply complete! Resources: ${result.added} added, ${result.changed} changed, ${result.destroyed} destroyed.`)}\n`);
}

function applyIncomplete(result: ApplyResult): Aws2PortError {
  return new Aws2PortError('ApplyIncomplete', `${result.failed} change${result.failed === 1 ? '' : 's'} failed; everything else was applied and recorded.`, {
    detail: 'Fix the cause Port gave above, then run `aws2port apply` again: it retries only what is still different.',
  });
}
