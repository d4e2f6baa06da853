import type { PlannedChange, PlannedChanges } from '../../state/index.js';
import { type PlanDocument, type ResourceChange } from './plan-document.js';
import { entityAddress } from '../model/index.js';

/** Everything of a plan document but its changes. */
export type PlanHeader = Omit<PlanDocument, 'resource_changes'>;

/**
 * A plan as aws2port holds it: the header as plain data and the changes in a table beside the state
 * (streamed, never all in memory). `PlanDocument` is the same plan as JSON.
 */
export interface Plan {
  header: PlanHeader;
  changes: PlannedChanges;
}

/** A change as the plan document writes it. */
export function toResourceChange(change: PlannedChange): ResourceChange {
  return {
    address: entityAddress(change.blueprint, change.identifier),
    blueprint: change.blueprint,
    identifier: change.identifier,
    action: change.action,
    before: change.before,
    after: change.after,
    scope: change.scope,
    aws_identifier: change.awsIdentifier,
    ...(change.reason ? { reason: change.reason } : {}),
  };
}

/** True when applying the plan would write anything. */
export function planHasChanges(header: PlanHeader): boolean {
  const { add, change, destroy } = header.summary;
  return add + change + destroy > 0 || header.blueprint_changes.length > 0;
}
