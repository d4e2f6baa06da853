import { Aws2PortError } from '../src/errors/index.js';
import { hashEntityBody } from './entity-hash.js';
import type { StateDatabase } from './open-state.js';
import type { Entity, EntityRecord, Scope } from '../src/model/index.js';

/** A row of the entities table. */
export interface EntityRow {
  blueprint: string;
  identifier: string;
  kind: string;
  account: string;
  region: string;
  aws_identifier: string | null;
  body: string;
}

/** Turns a database row into the record it stores (its body text kept as stored). */
export function entityFromRow(row: EntityRow): EntityRecord {
  return {
    blueprint: row.blueprint,
    identifier: row.identifier,
    scope: { kind: row.kind, account: row.account, region: row.region },
    awsIdentifier: row.aws_identifier,
    entity: JSON.parse(row.body) as Entity,
    body: row.body,
  };
}

/**
 * The entities table and the lineage/serial header. Writes go through `recordWrites`, one transaction
 * that bumps the serial once when it changed anything.
 */
export class StateStore {
  constructor(readonly db: StateDatabase) {}

  /** The UUID made when this state was created; it never changes. */
  get lineage(): string {
    return this.meta('lineage');
  }

  /** Goes up by one with every transaction that changes the recorded entities. */
  get serial(): number {
    return Number(this.meta('serial'));
  }

  /** How many entities the state records. */
  countEntities(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
  }

  /** How many entities each blueprint has in the state. */
  countByBlueprint(): Map<string, number> {
    const rows = this.db.prepare('SELECT blueprint, count(*) AS n FROM entities GROUP BY blueprint').all() as Array<{ blueprint: string; n: number }>;
    return new Map(rows.map((r) => [r.blueprint, r.n]));
  }

  /** Every recorded entity, by blueprint then identifier, streamed. */
  *listEntities(): IterableIterator<EntityRecord> {
    const rows = this.db.prepare('SELECT * FROM entities ORDER BY blueprint, identifier').iterate() as IterableIterator<EntityRow>;
    for (const row of rows) yield entityFromRow(row);
  }

  /** Up to `limit` entities of a blueprint after `afterIdentifier`, by identifier (keyset paging). */
  pageEntities(blueprint: string, afterIdentifier: string, limit: number): EntityRecord[] {
    const rows = this.db.prepare('SELECT * FROM entities WHERE blueprint = ? AND identifier > ? ORDER BY identifier LIMIT ?').all(blueprint, afterIdentifier, limit) as EntityRow[];
    return rows.map(entityFromRow);
  }

  /** One recorded entity, or undefined. */
  getEntity(blueprint: string, identifier: string): EntityRecord | undefined {
    const row = this.db.prepare('SELECT * FROM entities WHERE blueprint = ? AND identifier = ?').get(blueprint, identifier) as EntityRow | undefined;
    return row && entityFromRow(row);
  }

  /** The distinct scopes that own entities. */
  listOwningScopes(): Scope[] {
    return this.db.prepare('SELECT DISTINCT kind, account, region FROM entities').all() as Scope[];
  }

  /**
   * Runs `write` in one transaction; the serial goes up by one if it changed any row. Use it for
   * each batch of writes Port confirmed, so that the state never runs ahead of Port.
   */
  recordWrites(write: (writer: StateWriter) => void): void {
    this.db.transaction(() => {
      const writer = new StateWriter(this.db);
      write(writer);
      if (writer.changes > 0) {
        this.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'serial'").run();
      }
    }).immediate();
  }

  private meta(key: string): string {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) throw new Aws2PortError('StateUnreadable', `The state file ${this.db.name} has no ${key}: it was damaged.`, { detail: 'Restore the state file from a backup, or point --state at the one aws2port wrote.', subject: this.db.name });
    return row.value;
  }
}

/** Row-level writes inside StateStore.recordWrites. */
export class StateWriter {
  changes = 0;
  constructor(private readonly db: StateDatabase) {}

  /** Records that Port now holds this entity as written; recording what is already recorded changes nothing. */
  putEntity(record: EntityRecord): void {
    this.changes += this.db
      .prepare(
        `INSERT INTO entities (blueprint, identifier, kind, account, region, aws_identifier, body, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (blueprint, identifier) DO UPDATE SET kind = excluded.kind, account = excluded.account,
           region = excluded.region, aws_identifier = excluded.aws_identifier, body = excluded.body, hash = excluded.hash
         WHERE (entities.kind, entities.account, entities.region, entities.aws_identifier, entities.hash)
           IS NOT (excluded.kind, excluded.account, excluded.region, excluded.aws_identifier, excluded.hash)`,
      )
      .run(record.blueprint, record.identifier, record.scope.kind, record.scope.account, record.scope.region, record.awsIdentifier, record.body, hashEntityBody(record.body)).changes;
  }

  /**
   * Records that the entity is now produced by another owner (scope and AWS item), its body unchanged;
   * false when the state no longer records it (nothing to move).
   */
  moveEntity(blueprint: string, identifier: string, scope: Scope, awsIdentifier: string | null): boolean {
    const { changes } = this.db
      .prepare('UPDATE entities SET kind = ?, account = ?, region = ?, aws_identifier = ? WHERE blueprint = ? AND identifier = ?')
      .run(scope.kind, scope.account, scope.region, awsIdentifier, blueprint, identifier);
    this.changes += changes;
    return changes > 0;
  }

  /** Records that Port no longer holds this entity. */
  deleteEntity(blueprint: string, identifier: string): void {
    this.changes += this.db.prepare('DELETE FROM entities WHERE blueprint = ? AND identifier = ?').run(blueprint, identifier).changes;
  }
}
