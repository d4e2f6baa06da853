import type { PlannedMove } from '../../state/index.js';
import type { OwnerMoveEntry } from './plan-document.js';
import { entityAddress, formatScope, isUnknownScope, type Scope } from '../model/index.js';

/** An owner move found by the diff, as the plan document writes it. */
export function ownerMoveEntry(move: PlannedMove): OwnerMoveEntry {
  const owner = (scope: Scope, awsIdentifier: string | null) => (isUnknownScope(scope) ? 'unknown: rebuilt from Port' : `${formatScope(scope)} ${awsIdentifier ?? '?'}`);
  return {
    address: entityAddress(move.blueprint, move.identifier),
    blueprint: move.blueprint,
    identifier: move.identifier,
    action: 'move',
    scope: move.scope,
    aws_identifier: move.awsIdentifier,
    from: { scope: move.from.scope, aws_identifier: move.from.awsIdentifier },
    reason: `now produced by ${owner(move.scope, move.awsIdentifier)} (was ${owner(move.from.scope, move.from.awsIdentifier)}): recorded, nothing written`,
  };
}
