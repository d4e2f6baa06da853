import { planHasChanges, type MassDeletionEntry, type PlanHeader } from '../plan/index.js';
import { applyPlan, type ApplyOptions } from './apply-plan.js';
import { emptyApplyResult, type ApplyResult } from './apply-types.js';

/** What the guarded apply did: refused the plan for the guard's reason, or applied it. */
export type GuardedApplyOutcome =
  /** Nothing was written: the plan deletes more of these blueprints than entityDeletionThreshold allows. */
  | { outcome: 'refused'; massDeletions: readonly MassDeletionEntry[] }
  /** The plan was applied (a plan without changes is applied with nothing to write). */
  | { outcome: 'applied'; result: ApplyResult };

export interface GuardThenApplyOptions extends ApplyOptions {
  /** `--allow-mass-delete`: apply even the deletions over entityDeletionThreshold. */
  isMassDeleteAllowed: boolean;
}

/**
 * The deletion guard's objections to a plan: the blueprints it deletes more of than
 * entityDeletionThreshold allows; empty when within bounds or when mass deletion is allowed.
 */
export function massDeletionsRefused(header: Pick<PlanHeader, 'mass_deletions'>, isMassDeleteAllowed: boolean): readonly MassDeletionEntry[] {
  return isMassDeleteAllowed ? [] : header.mass_deletions;
}

/**
 * The one way a plan reaches Port (`aws2port apply` and watch's full resync): the deletion guard
 * first, which refuses the whole plan before anything is written, then applyPlan.
 */
export async function guardThenApply(options: GuardThenApplyOptions): Promise<GuardedApplyOutcome> {
  const { header } = options.plan;
  const refused = massDeletionsRefused(header, options.isMassDeleteAllowed);
  if (refused.length > 0) return { outcome: 'refused', massDeletions: refused };
  const result = planHasChanges(header) ? await applyPlan(options) : emptyApplyResult();
  return { outcome: 'applied', result };
}
