import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Aws2PortError } from '../src/errors/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

/** An open state database with its schema up to date. */
export type StateDatabase = Database.Database;

/**
 * Opens (creating on first use, with its folder) the state file and brings its schema up to date.
 * A new state gets its lineage, a UUID that never changes, and serial 0.
 */
export function openStateDatabase(file: string): StateDatabase {
  mkdirSync(dirname(file), { recursive: true });
  let db: StateDatabase;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new Aws2PortError('StateUnreadable', `Cannot open the state file ${file}.`, {
      detail: 'Check that the path is a state file written by aws2port and that it is readable and writable.',
      subject: file,
      cause: error,
    });
  }
  migrate(db, file);
  return db;
}

/**
 * A database for a plan's change table alone, with no state in it (`show`): a private temporary file
 * that SQLite deletes on close, so a plan of any size is not held in memory.
 */
export function openScratchDatabase(): StateDatabase {
  return new Database('');
}

function migrate(db: StateDatabase, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Aws2PortError('StateUnreadable', `The state file ${file} has schema version ${version}, newer than this aws2port understands (${SCHEMA_VERSION}).`, {
      detail: 'Upgrade aws2port to the version that last wrote this state.',
      subject: file,
    });
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let next = version; next < SCHEMA_VERSION; next++) db.exec(MIGRATIONS[next]!);
    if (version === 0) {
      const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insert.run('lineage', randomUUID());
      insert.run('serial', '0');
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
