import type { PlannedChange, PlannedChanges } from '../../state/index.js';
import type { OwnerMoveEntry, PlanDocument } from './plan-document.js';
import { entityAddress } from '../model/index.js';

/** Everything of a plan document but its changes; the owner moves always listed (empty when none). */
export type PlanHeader = Omit<PlanDocument, 'resource_changes' | 'owner_moves'> & { owner_moves: OwnerMoveEntry[] };

/**
 * A plan as aws2port holds it: the header as plain data and the changes in a table beside the state
 * (streamed, never all in memory). `PlanDocument` is the same plan as JSON.
 */
export interface Plan {
  header: PlanHeader;
  changes: PlannedChanges;
}

/**
 * A change as the plan document writes it (a `ResourceChange`'s JSON text), its bodies spliced in as
 * the texts the table holds rather than serialized again.
 */
export function resourceChangeJson(change: PlannedChange): string {
  const head = JSON.stringify({ address: entityAddress(change.blueprint, change.identifier), blueprint: change.blueprint, identifier: change.identifier, action: change.action });
  const tail = JSON.stringify({ scope: change.scope, aws_identifier: change.awsIdentifier, ...(change.reason ? { reason: change.reason } : {}) });
  return `${head.slice(0, -1)},"before":${change.beforeBody ?? 'null'},"after":${change.afterBody ?? 'null'},${tail.slice(1)}`;
}

/** True when applying the plan would write anything, to Port or (an owner move) to the state. */
export function planHasChanges(header: PlanHeader): boolean {
  const { add, change, destroy } = header.summary;
  return add + change + destroy > 0 || header.blueprint_changes.length > 0 || header.owner_moves.length > 0;
}
