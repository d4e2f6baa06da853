import type { Scope } from '../src/aws/scope.js';
import type { Entity } from '../src/plan/entity.js';
import { hashEntityBody } from './entity-hash.js';
import type { StateDatabase } from './open-state.js';
import { entityFromRow, type StateEntity } from './state-store.js';

/** An entity the mapping produced in this run, with where it came from. */
export interface DesiredEntity {
  blueprint: string;
  identifier: string;
  scope: Scope;
  awsIdentifier: string | null;
  entity: Entity;
}

/** Two items that map to one address: the first one kept, the second one dropped. */
export interface AddressConflict {
  blueprint: string;
  identifier: string;
  kept: { scope: Scope; awsIdentifier: string | null };
  dropped: { scope: Scope; awsIdentifier: string | null };
}

/** A desired entity whose recorded body differs. */
export interface DesiredUpdate {
  desired: DesiredEntity;
  before: StateEntity;
}

/** A recorded entity no scope produced this run, in a scope whose read vouches for its absence. */
export interface DeletionCandidate {
  before: StateEntity;
  /** Why its absence is trusted (display only). */
  reason: string;
}

interface DesiredRow {
  blueprint: string;
  identifier: string;
  kind: string;
  account: string;
  region: string;
  aws_identifier: string | null;
  body: string;
}

/**
 * The desired entities of one plan, held in a temporary SQLite table beside the state so that the diff
 * is SQL over both, with no whole-estate JS objects. Also holds the scopes whose read vouches for
 * deletions (invariant 1: only those may lose entities).
 */
export class DesiredSet {
  private readonly insert;
  private readonly findExisting;

  constructor(private readonly db: StateDatabase) {
    db.exec(`
      DROP TABLE IF EXISTS temp.desired;
      DROP TABLE IF EXISTS temp.vouched_scopes;
      CREATE TEMP TABLE desired (
        blueprint TEXT NOT NULL, identifier TEXT NOT NULL, kind TEXT NOT NULL, account TEXT NOT NULL,
        region TEXT NOT NULL, aws_identifier TEXT, body TEXT NOT NULL, hash TEXT NOT NULL,
        PRIMARY KEY (blueprint, identifier)
      ) WITHOUT ROWID;
      CREATE TEMP TABLE vouched_scopes (
        kind TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (kind, account, region)
      ) WITHOUT ROWID;
    `);
    this.insert = db.prepare(
      `INSERT INTO temp.desired (blueprint, identifier, kind, account, region, aws_identifier, body, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.findExisting = db.prepare('SELECT kind, account, region, aws_identifier FROM temp.desired WHERE blueprint = ? AND identifier = ?');
  }

  /** Adds a batch in one transaction; returns the entities whose address was already taken. */
  add(entities: readonly DesiredEntity[]): AddressConflict[] {
    const conflicts: AddressConflict[] = [];
    this.db.transaction(() => {
      for (const d of entities) {
        const body = JSON.stringify(d.entity);
        const { changes } = this.insert.run(d.blueprint, d.identifier, d.scope.kind, d.scope.account, d.scope.region, d.awsIdentifier, body, hashEntityBody(body));
        if (changes === 0) {
          const kept = this.findExisting.get(d.blueprint, d.identifier) as { kind: string; account: string; region: string; aws_identifier: string | null };
          conflicts.push({
            blueprint: d.blueprint,
            identifier: d.identifier,
            kept: { scope: { kind: kept.kind, account: kept.account, region: kept.region }, awsIdentifier: kept.aws_identifier },
            dropped: { scope: d.scope, awsIdentifier: d.awsIdentifier },
          });
        }
      }
    })();
    return conflicts;
  }

  /** Marks scopes whose read this run vouches that what they did not produce is gone. */
  vouchFor(scopes: readonly Scope[], reason: string): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO temp.vouched_scopes (kind, account, region, reason) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const s of scopes) insert.run(s.kind, s.account, s.region, reason);
    })();
  }

  /** Desired entities the state does not record, in address order. */
  *creates(): IterableIterator<DesiredEntity> {
    const rows = this.db
      .prepare(
        `SELECT d.* FROM temp.desired d
         WHERE NOT EXISTS (SELECT 1 FROM main.entities e WHERE e.blueprint = d.blueprint AND e.identifier = d.identifier)
         ORDER BY d.blueprint, d.identifier`,
      )
      .iterate() as IterableIterator<DesiredRow>;
    for (const row of rows) yield desiredFromRow(row);
  }

  /** Desired entities whose body differs from the recorded one, in address order. */
  *updates(): IterableIterator<DesiredUpdate> {
    const rows = this.db
      .prepare(
        `SELECT d.blueprint, d.identifier, d.kind, d.account, d.region, d.aws_identifier, d.body,
                e.kind AS e_kind, e.account AS e_account, e.region AS e_region, e.aws_identifier AS e_aws_identifier, e.body AS e_body
         FROM temp.desired d JOIN main.entities e ON e.blueprint = d.blueprint AND e.identifier = d.identifier
         WHERE e.hash <> d.hash
         ORDER BY d.blueprint, d.identifier`,
      )
      .iterate() as IterableIterator<DesiredRow & { e_kind: string; e_account: string; e_region: string; e_aws_identifier: string | null; e_body: string }>;
    for (const row of rows) {
      yield {
        desired: desiredFromRow(row),
        before: entityFromRow({ ...row, kind: row.e_kind, account: row.e_account, region: row.e_region, aws_identifier: row.e_aws_identifier, body: row.e_body }),
      };
    }
  }

  /** Recorded entities not desired, owned by a vouched scope, in address order. */
  *deletions(): IterableIterator<DeletionCandidate> {
    const rows = this.db
      .prepare(
        `SELECT e.*, v.reason FROM main.entities e
         JOIN temp.vouched_scopes v ON v.kind = e.kind AND v.account = e.account AND v.region = e.region
         WHERE NOT EXISTS (SELECT 1 FROM temp.desired d WHERE d.blueprint = e.blueprint AND d.identifier = e.identifier)
         ORDER BY e.blueprint, e.identifier`,
      )
      .iterate() as IterableIterator<DesiredRow & { reason: string }>;
    for (const row of rows) yield { before: entityFromRow(row), reason: row.reason };
  }

  /** How many desired entities equal their record (no write needed). */
  countUnchanged(): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM temp.desired d JOIN main.entities e ON e.blueprint = d.blueprint AND e.identifier = d.identifier WHERE e.hash = d.hash')
      .get() as { n: number };
    return row.n;
  }

  /** Drops the temporary tables. */
  close(): void {
    this.db.exec('DROP TABLE IF EXISTS temp.desired; DROP TABLE IF EXISTS temp.vouched_scopes;');
  }
}

function desiredFromRow(row: DesiredRow): DesiredEntity {
  return {
    blueprint: row.blueprint,
    identifier: row.identifier,
    scope: { kind: row.kind, account: row.account, region: row.region },
    awsIdentifier: row.aws_identifier,
    entity: JSON.parse(row.body) as Entity,
  };
}
