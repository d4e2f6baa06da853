import { hashEntityBody } from './entity-hash.js';
import type { StateDatabase } from './open-state.js';
import { planTableName } from './plan-table-name.js';
import { originOrder, takesAddress } from '../src/mapping/index.js';
import type { EntityRecord, Scope } from '../src/model/index.js';

/** Two items that map to one address: the one kept is the one the mapping's rule says (takesAddress). */
export interface AddressConflict {
  blueprint: string;
  identifier: string;
  kept: { scope: Scope; awsIdentifier: string | null };
  dropped: { scope: Scope; awsIdentifier: string | null };
}


/**
 * The desired entities of one plan, held in a temporary SQLite table beside the state so that the diff
 * is SQL over both (PlannedChanges.fillFromDiff), with no whole-estate JS objects. Also holds the
 * scopes whose read vouches for deletions (invariant 1: only those may lose entities). Its tables are
 * named for this plan alone (planTableName), so other plans on the same connection are left alone.
 */
export class DesiredSet {
  /** The temporary table of desired entities, schema-qualified. */
  readonly desiredTable = `temp.${planTableName('desired')}`;
  /** The temporary table of vouched scopes, schema-qualified. */
  readonly vouchedTable = `temp.${planTableName('vouched_scopes')}`;
  private readonly insert;
  private readonly findExisting;
  private readonly replace;

  constructor(private readonly db: StateDatabase) {
    db.exec(`
      CREATE TABLE ${this.desiredTable} (
        blueprint TEXT NOT NULL, identifier TEXT NOT NULL, kind TEXT NOT NULL, account TEXT NOT NULL,
        region TEXT NOT NULL, aws_identifier TEXT, body TEXT NOT NULL, hash TEXT NOT NULL,
        PRIMARY KEY (blueprint, identifier)
      ) WITHOUT ROWID;
      CREATE TABLE ${this.vouchedTable} (
        kind TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (kind, account, region)
      ) WITHOUT ROWID;
    `);
    this.insert = db.prepare(
      `INSERT INTO ${this.desiredTable} (blueprint, identifier, kind, account, region, aws_identifier, body, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.findExisting = db.prepare(`SELECT kind, account, region, aws_identifier FROM ${this.desiredTable} WHERE blueprint = ? AND identifier = ?`);
    this.replace = db.prepare(
      `UPDATE ${this.desiredTable} SET kind = ?, account = ?, region = ?, aws_identifier = ?, body = ?, hash = ? WHERE blueprint = ? AND identifier = ?`,
    );
  }

  /** Adds a batch in one transaction; returns the entities whose address was already taken. */
  add(entities: readonly EntityRecord[]): AddressConflict[] {
    const conflicts: AddressConflict[] = [];
    this.db.transaction(() => {
      for (const d of entities) {
        const hash = hashEntityBody(d.body);
        const { changes } = this.insert.run(d.blueprint, d.identifier, d.scope.kind, d.scope.account, d.scope.region, d.awsIdentifier, d.body, hash);
        if (changes === 0) {
          const row = this.findExisting.get(d.blueprint, d.identifier) as { kind: string; account: string; region: string; aws_identifier: string | null };
          const existing = { scope: { kind: row.kind, account: row.account, region: row.region }, awsIdentifier: row.aws_identifier };
          const incoming = { scope: d.scope, awsIdentifier: d.awsIdentifier };
          const isIncomingFirst = takesAddress(originOrder(incoming), originOrder(existing));
          if (isIncomingFirst) this.replace.run(d.scope.kind, d.scope.account, d.scope.region, d.awsIdentifier, d.body, hash, d.blueprint, d.identifier);
          conflicts.push({ blueprint: d.blueprint, identifier: d.identifier, kept: isIncomingFirst ? incoming : existing, dropped: isIncomingFirst ? existing : incoming });
        }
      }
    })();
    return conflicts;
  }

  /** True when a desired entity has this address. */
  has(blueprint: string, identifier: string): boolean {
    return this.findExisting.get(blueprint, identifier) !== undefined;
  }

  /**
   * Keeps what the state records for one AWS resource that this run listed but could not read: its
   * entities become desired exactly as recorded, so the plan neither deletes nor rewrites them while
   * its scope's other entities are planned as usual.
   */
  keepRecorded(scope: Scope, awsIdentifier: string): void {
    this.db
      .prepare(
        `INSERT INTO ${this.desiredTable} (blueprint, identifier, kind, account, region, aws_identifier, body, hash)
         SELECT blueprint, identifier, kind, account, region, aws_identifier, body, hash FROM main.entities
         WHERE kind = ? AND account = ? AND region = ? AND aws_identifier = ? ON CONFLICT DO NOTHING`,
      )
      .run(scope.kind, scope.account, scope.region, awsIdentifier);
  }

  /** Marks scopes whose read this run vouches that what they did not produce is gone. */
  vouchFor(scopes: readonly Scope[], reason: string): void {
    const insert = this.db.prepare(`INSERT OR IGNORE INTO ${this.vouchedTable} (kind, account, region, reason) VALUES (?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const s of scopes) insert.run(s.kind, s.account, s.region, reason);
    })();
  }

  /** How many desired entities equal their record (no write needed). */
  countUnchanged(): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM ${this.desiredTable} d JOIN main.entities e ON e.blueprint = d.blueprint AND e.identifier = d.identifier
         WHERE e.hash = d.hash AND e.kind = d.kind AND e.account = d.account AND e.region = d.region AND e.aws_identifier IS d.aws_identifier`,
      )
      .get() as { n: number };
    return row.n;
  }

  /** Drops the temporary tables. */
  close(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.desiredTable}; DROP TABLE IF EXISTS ${this.vouchedTable};`);
  }
}
