import type { StateDatabase } from './open-state.js';

/** One resource of a global kind and the region it lives in. */
export interface ResourceRegion {
  kind: string;
  account: string;
  awsIdentifier: string;
  region: string;
}

/**
 * The `resource_regions` table: where the last read found each S3 bucket. Not part of the recorded
 * entities: writing it changes neither the serial nor what a plan diffs against.
 */
export class ResourceRegions {
  constructor(private readonly db: StateDatabase) {}

  /** Every recorded resource region. */
  list(): ResourceRegion[] {
    return (this.db.prepare('SELECT kind, account, aws_identifier, region FROM resource_regions').all() as Array<{ kind: string; account: string; aws_identifier: string; region: string }>).map(
      (row) => ({ kind: row.kind, account: row.account, awsIdentifier: row.aws_identifier, region: row.region }),
    );
  }

  /** Records (or moves) these resources' regions, in one transaction. */
  record(regions: readonly ResourceRegion[]): void {
    if (regions.length === 0) return;
    const upsert = this.db.prepare(
      'INSERT INTO resource_regions (kind, account, aws_identifier, region) VALUES (?, ?, ?, ?) ON CONFLICT (kind, account, aws_identifier) DO UPDATE SET region = excluded.region',
    );
    this.db.transaction(() => {
      for (const r of regions) upsert.run(r.kind, r.account, r.awsIdentifier, r.region);
    })();
  }
}
