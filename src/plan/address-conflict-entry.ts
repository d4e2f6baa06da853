import type { AddressConflict } from '../../state/index.js';
import { type AddressConflictEntry } from './plan-document.js';
import { entityAddress } from '../model/index.js';

/** A conflict found by the desired set, as the plan document writes it. */
export function addressConflictEntry(conflict: AddressConflict): AddressConflictEntry {
  return {
    address: entityAddress(conflict.blueprint, conflict.identifier),
    kept: { scope: conflict.kept.scope, aws_identifier: conflict.kept.awsIdentifier },
    dropped: { scope: conflict.dropped.scope, aws_identifier: conflict.dropped.awsIdentifier },
  };
}
