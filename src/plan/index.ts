/**
 * The plan stage: reads AWS through the source, maps items, and diffs the desired entities against the
 * state (SQL over the snapshot) into a PlanDocument, plain data that `--json` prints, `--out` saves and
 * apply executes. Rendering is kept apart and computes nothing.
 */
export {
  PLAN_FORMAT_VERSION,
  planSummary,
  type OwnerMoveEntry,
  type ForeignEntityEntry,
  type ChangeAction,
  type PlanDocument,
  type PlanSummary,
  type ResourceChange,
  type SkippedScopeEntry,
  type MassDeletionEntry,
  type BlueprintChange,
  type ValueRefusalEntry,
} from './plan-document.js';
export { planBlueprints, withAddedProperties, type PlannedBlueprintSchemas } from './plan-blueprints.js';
export { makePlan, type MakePlanOptions } from './make-plan.js';
export { leaveForeignEntities, type PortOwnership } from './foreign-entities.js';
export { checkTargets } from './check-targets.js';
export { renderPlanText, summaryLine } from './render-plan-text.js';
export { renderPlanMarkdown, GITHUB_COMMENT_LIMIT, PLAN_COMMENT_MARKER, type PlanMarkdownOptions } from './render-plan-markdown.js';
export { savePlanFile, assertPlanApplicable, type PlanBasis } from './plan-file.js';
export { writePlanJson, readPlanFile, planFromDocument } from './plan-json.js';
export { planHasChanges, resourceChangeJson, type Plan, type PlanHeader } from './plan.js';
export { ChunkedWriter } from './text-sink.js';
export { findMassDeletions, describeMassDeletion, describeDeletionShare } from './deletion-guard.js';
export { vouchedScopes, type ReadCoverage, type VouchedScope } from './vouched-scopes.js';
export { makeResourcePlan, type MakeResourcePlanOptions, type ResourceObservation, type ResourcePlan } from './make-resource-plan.js';
