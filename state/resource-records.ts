import type { StateDatabase } from './open-state.js';
import { entityFromRow, type EntityRow } from './state-store.js';
import type { EntityRecord, Scope } from '../src/model/index.js';

type HashedEntityRow = EntityRow & { hash: string };

/**
 * The state rows of single AWS resources, for incremental plans (watch): the rows a resource produced
 * are found by its scope and Cloud Control identifier (`aws_identifier`), whatever the mapping made of
 * its entity identifier. Read-only; uses the `entities_by_aws_identifier` index.
 */
export class ResourceRecords {
  private readonly byResource;
  private readonly accountsOf;

  constructor(db: StateDatabase) {
    this.byResource = db.prepare(
      `SELECT * FROM entities WHERE kind = ? AND account = ? AND aws_identifier = ? AND region = ? ORDER BY blueprint, identifier`,
    );
    this.accountsOf = db.prepare('SELECT DISTINCT account FROM entities WHERE kind = ? AND aws_identifier = ? ORDER BY account');
  }

  /** The recorded entities the resource `awsIdentifier` of `scope` produced, by address; empty when none. */
  listProducedBy(scope: Scope, awsIdentifier: string): EntityRecord[] {
    return (this.byResource.all(scope.kind, scope.account, awsIdentifier, scope.region) as HashedEntityRow[]).map(entityFromRow);
  }

  /** The accounts whose recorded entities came from a resource of `kind` with this identifier (e.g. who owns a bucket). */
  listAccountsOf(kind: string, awsIdentifier: string): string[] {
    return (this.accountsOf.all(kind, awsIdentifier) as Array<{ account: string }>).map((r) => r.account);
  }
}
