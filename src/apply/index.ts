/**
 * The apply stage: executes a PlanDocument against Port in dependency order and records each write
 * Port confirmed in the state, so the state never claims more than Port holds.
 */
export { applyPlan, type ApplyOptions } from './apply-plan.js';
export type { ApplyAction, ApplyFailure, ApplyProgress, ApplyResult, ChangeOutcome } from './apply-types.js';
export { orderBlueprintsByRelations } from './blueprint-order.js';
export { guardThenApply, massDeletionsRefused, type GuardedApplyOutcome, type GuardThenApplyOptions } from './guard-then-apply.js';
