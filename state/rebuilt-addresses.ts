import type { StateDatabase } from './open-state.js';
import { planTableName } from './plan-table-name.js';
import type { StateStore } from './state-store.js';

/**
 * The addresses a rebuild from Port found, in a temporary table beside the state (no whole-estate JS
 * set), so that afterwards the state forgets what it recorded of a rebuilt blueprint that Port no
 * longer holds as this installation's: the state then tells the truth about Port (invariant 4).
 */
export class RebuiltAddresses {
  private readonly table = `temp.${planTableName('rebuilt_addresses')}`;
  private readonly insert;

  constructor(private readonly db: StateDatabase) {
    db.exec(`CREATE TABLE ${this.table} (blueprint TEXT NOT NULL, identifier TEXT NOT NULL, PRIMARY KEY (blueprint, identifier)) WITHOUT ROWID;`);
    this.insert = db.prepare(`INSERT OR IGNORE INTO ${this.table} (blueprint, identifier) VALUES (?, ?)`);
  }

  /** Notes that Port holds these entities of `blueprint` as ours. */
  add(blueprint: string, identifiers: readonly string[]): void {
    this.db.transaction(() => {
      for (const identifier of identifiers) this.insert.run(blueprint, identifier);
    })();
  }

  /** Forgets, in one transaction, the recorded entities of `blueprint` that the rebuild did not find; returns how many. */
  forgetUnfound(store: StateStore, blueprint: string): number {
    const unfound = this.db
      .prepare(`SELECT identifier FROM main.entities e WHERE blueprint = ? AND NOT EXISTS (SELECT 1 FROM ${this.table} r WHERE r.blueprint = e.blueprint AND r.identifier = e.identifier)`)
      .pluck()
      .all(blueprint) as string[];
    store.recordWrites((writer) => {
      for (const identifier of unfound) writer.deleteEntity(blueprint, identifier);
    });
    return unfound.length;
  }

  /** Drops the temporary table. */
  close(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table};`);
  }
}
