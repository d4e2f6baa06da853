import type { RegionHints } from '../src/aws/index.js';
import { ResourceRegions, type ResourceRegion, type StateDatabase } from '../state/index.js';

/**
 * The read's RegionHints, kept in the state: the regions the last read found S3 buckets in, loaded
 * once, and the ones this read finds that differ, saved once the command has succeeded.
 */
export class RememberedRegions implements RegionHints {
  private readonly table: ResourceRegions;
  private readonly known = new Map<string, string>();
  private readonly found: ResourceRegion[] = [];

  constructor(db: StateDatabase) {
    this.table = new ResourceRegions(db);
    for (const r of this.table.list()) this.known.set(keyOf(r.kind, r.account, r.awsIdentifier), r.region);
  }

  knownRegionOf(kind: string, account: string, identifier: string): string | undefined {
    return this.known.get(keyOf(kind, account, identifier));
  }

  onRegionFound(kind: string, account: string, awsIdentifier: string, region: string): void {
    if (this.known.get(keyOf(kind, account, awsIdentifier)) !== region) this.found.push({ kind, account, awsIdentifier, region });
  }

  /** Writes the regions this read found that the state did not know. */
  save(): void {
    this.table.record(this.found);
  }
}

function keyOf(kind: string, account: string, identifier: string): string {
  return `${kind}\u0000${account}\u0000${identifier}`;
}
