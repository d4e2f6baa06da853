import type { DesiredSet } from './desired-set.js';
import type { StateDatabase } from './open-state.js';
import { planTableName } from './plan-table-name.js';
import type { Entity, Scope } from '../src/model/index.js';

/** One planned change as stored: bodies as JSON text. `ord` orders actions: 0 delete, 1 create, 2 update. */
export interface PlannedChangeRow {
  seq: number;
  action: 'create' | 'update' | 'delete';
  blueprint: string;
  identifier: string;
  kind: string;
  account: string;
  region: string;
  aws_identifier: string | null;
  before_body: string | null;
  after_body: string | null;
  reason: string | null;
}

/** A planned change with its bodies parsed, and their JSON texts as stored (reused, never made again). */
export interface PlannedChange {
  seq: number;
  action: 'create' | 'update' | 'delete';
  blueprint: string;
  identifier: string;
  scope: Scope;
  awsIdentifier: string | null;
  before: Entity | null;
  after: Entity | null;
  beforeBody: string | null;
  afterBody: string | null;
  reason: string | null;
}

/**
 * An entity whose body is unchanged but whose owner (scope or AWS identifier) moved: the state learns
 * its new owner (invariant 1 reasons by owner), and nothing is written to Port.
 */
export interface PlannedMove {
  blueprint: string;
  identifier: string;
  /** The new owner. */
  scope: Scope;
  awsIdentifier: string | null;
  /** The owner the state records. */
  from: { scope: Scope; awsIdentifier: string | null };
}

/** How many changes of each action the entities of one blueprint from one AWS kind have. */
export interface ChangeCount {
  blueprint: string;
  kind: string;
  create: number;
  update: number;
  delete: number;
}

/** Which changes of a blueprint apply reads together. */
export type ChangeGroup = 'upserts' | 'deletes';

/**
 * The changes of one plan, in a temporary table beside the state (so a plan of a million entities is
 * never a million JS objects). `seq` is the plan order: deletes, then creates, then updates, each by
 * address. Filled by SQL from the diff, or row by row from a saved plan file. The table is named for
 * this plan alone (planTableName), so several plans can live on one connection at once.
 */
export class PlannedChanges {
  /** The temporary table of changes, schema-qualified. */
  private readonly table = `temp.${planTableName('planned_changes')}`;
  private readonly insertStatement;

  constructor(private readonly db: StateDatabase) {
    db.exec(`
      CREATE TABLE ${this.table} (
        seq INTEGER PRIMARY KEY,
        action TEXT NOT NULL, blueprint TEXT NOT NULL, identifier TEXT NOT NULL,
        kind TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, aws_identifier TEXT,
        before_body TEXT, after_body TEXT, reason TEXT
      );
    `);
    this.insertStatement = db.prepare(
      `INSERT INTO ${this.table} (action, blueprint, identifier, kind, account, region, aws_identifier, before_body, after_body, reason)
       VALUES (@action, @blueprint, @identifier, @kind, @account, @region, @aws_identifier, @before_body, @after_body, @reason)`,
    );
  }

  /**
   * Fills the table from the diff of the desired set's table against the state, in plan order.
   * Deletions are state rows of the set's vouched scopes that no desired entity has. An entity whose
   * body is unchanged but whose owner moved is not a change to Port: it is a move (`listMoves`).
   */
  fillFromDiff(desired: DesiredSet): void {
    const { desiredTable, vouchedTable } = desired;
    this.db.exec(`
      INSERT INTO ${this.table} (action, blueprint, identifier, kind, account, region, aws_identifier, before_body, after_body, reason)
      SELECT action, blueprint, identifier, kind, account, region, aws_identifier, before_body, after_body, reason FROM (
        SELECT 0 AS ord, 'delete' AS action, e.blueprint, e.identifier, e.kind, e.account, e.region, e.aws_identifier,
               e.body AS before_body, NULL AS after_body, v.reason
        FROM main.entities e
        JOIN ${vouchedTable} v ON v.kind = e.kind AND v.account = e.account AND v.region = e.region
        WHERE NOT EXISTS (SELECT 1 FROM ${desiredTable} d WHERE d.blueprint = e.blueprint AND d.identifier = e.identifier)
        UNION ALL
        SELECT 1, 'create', d.blueprint, d.identifier, d.kind, d.account, d.region, d.aws_identifier, NULL, d.body, NULL
        FROM ${desiredTable} d
        WHERE NOT EXISTS (SELECT 1 FROM main.entities e WHERE e.blueprint = d.blueprint AND e.identifier = d.identifier)
        UNION ALL
        SELECT 2, 'update', d.blueprint, d.identifier, d.kind, d.account, d.region, d.aws_identifier, e.body, d.body, NULL
        FROM ${desiredTable} d JOIN main.entities e ON e.blueprint = d.blueprint AND e.identifier = d.identifier
        WHERE e.hash <> d.hash
      ) ORDER BY ord, blueprint, identifier;
    `);
  }

  /**
   * The owner moves of the diff of the desired set against the state, by address: entities whose body
   * is the recorded one but whose scope or AWS identifier is not.
   */
  listMoves(desired: DesiredSet): PlannedMove[] {
    const rows = this.db
      .prepare(
        `SELECT d.blueprint, d.identifier, d.kind, d.account, d.region, d.aws_identifier,
                e.kind AS from_kind, e.account AS from_account, e.region AS from_region, e.aws_identifier AS from_aws_identifier
         FROM ${desired.desiredTable} d JOIN main.entities e ON e.blueprint = d.blueprint AND e.identifier = d.identifier
         WHERE e.hash = d.hash AND (e.kind <> d.kind OR e.account <> d.account OR e.region <> d.region OR e.aws_identifier IS NOT d.aws_identifier)
         ORDER BY d.blueprint, d.identifier`,
      )
      .all() as Array<{ blueprint: string; identifier: string; kind: string; account: string; region: string; aws_identifier: string | null; from_kind: string; from_account: string; from_region: string; from_aws_identifier: string | null }>;
    return rows.map((r) => ({
      blueprint: r.blueprint,
      identifier: r.identifier,
      scope: { kind: r.kind, account: r.account, region: r.region },
      awsIdentifier: r.aws_identifier,
      from: { scope: { kind: r.from_kind, account: r.from_account, region: r.from_region }, awsIdentifier: r.from_aws_identifier },
    }));
  }

  /** Appends rows as given (from a saved plan file); call inside a transaction for speed. */
  insert(rows: readonly Omit<PlannedChangeRow, 'seq'>[]): void {
    this.db.transaction(() => {
      for (const row of rows) this.insertStatement.run(row);
    })();
  }

  /** How many changes of each action. */
  counts(): { create: number; update: number; delete: number } {
    const counts = { create: 0, update: 0, delete: 0 };
    for (const row of this.db.prepare(`SELECT action, count(*) AS n FROM ${this.table} GROUP BY action`).all() as Array<{ action: keyof typeof counts; n: number }>) {
      counts[row.action] = row.n;
    }
    return counts;
  }

  /** The blueprints with changes. */
  blueprints(): string[] {
    return (this.db.prepare(`SELECT DISTINCT blueprint FROM ${this.table} ORDER BY blueprint`).all() as Array<{ blueprint: string }>).map((r) => r.blueprint);
  }

  /** Changes per blueprint and AWS kind, ordered by blueprint then kind. */
  countsByBlueprintAndKind(): ChangeCount[] {
    return this.db
      .prepare(
        `SELECT blueprint, kind, sum(action = 'create') AS "create", sum(action = 'update') AS "update", sum(action = 'delete') AS "delete"
         FROM ${this.table} GROUP BY blueprint, kind ORDER BY blueprint, kind`,
      )
      .all() as ChangeCount[];
  }

  /** Deletions per blueprint (for the deletion guard). */
  deletionsByBlueprint(): Map<string, number> {
    const rows = this.db.prepare(`SELECT blueprint, count(*) AS n FROM ${this.table} WHERE action = 'delete' GROUP BY blueprint`).all() as Array<{ blueprint: string; n: number }>;
    return new Map(rows.map((r) => [r.blueprint, r.n]));
  }

  /**
   * Every change in plan order, streamed. Do not write to this database while iterating (SQLite
   * cursors): use `page` for work that writes.
   */
  *all(): IterableIterator<PlannedChange> {
    for (const row of this.db.prepare(`SELECT * FROM ${this.table} ORDER BY seq`).iterate() as IterableIterator<PlannedChangeRow>) yield changeFromRow(row);
  }

  /** Up to `limit` changes of one blueprint and group after `afterSeq`, in plan order. */
  page(blueprint: string, group: ChangeGroup, afterSeq: number, limit: number): PlannedChange[] {
    const actions = group === 'deletes' ? "action = 'delete'" : "action <> 'delete'";
    const rows = this.db
      .prepare(`SELECT * FROM ${this.table} WHERE blueprint = ? AND ${actions} AND seq > ? ORDER BY seq LIMIT ?`)
      .all(blueprint, afterSeq, limit) as PlannedChangeRow[];
    return rows.map(changeFromRow);
  }

  /** Up to `limit` changes of one blueprint after `afterSeq`, in plan order: their place, action and identifier only. */
  addressPage(blueprint: string, afterSeq: number, limit: number): Array<{ seq: number; action: PlannedChange['action']; identifier: string }> {
    return this.db.prepare(`SELECT seq, action, identifier FROM ${this.table} WHERE blueprint = ? AND seq > ? ORDER BY seq LIMIT ?`).all(blueprint, afterSeq, limit) as Array<{
      seq: number;
      action: PlannedChange['action'];
      identifier: string;
    }>;
  }

  /** Takes the changes of these entities of one blueprint out of the plan. */
  remove(blueprint: string, identifiers: readonly string[]): void {
    const statement = this.db.prepare(`DELETE FROM ${this.table} WHERE blueprint = ? AND identifier = ?`);
    this.db.transaction(() => {
      for (const identifier of identifiers) statement.run(blueprint, identifier);
    })();
  }

  /** Drops the table. */
  close(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

function changeFromRow(row: PlannedChangeRow): PlannedChange {
  return {
    seq: row.seq,
    action: row.action,
    blueprint: row.blueprint,
    identifier: row.identifier,
    scope: { kind: row.kind, account: row.account, region: row.region },
    awsIdentifier: row.aws_identifier,
    before: row.before_body === null ? null : (JSON.parse(row.before_body) as Entity),
    after: row.after_body === null ? null : (JSON.parse(row.after_body) as Entity),
    beforeBody: row.before_body,
    afterBody: row.after_body,
    reason: row.reason,
  };
}
