import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Aws2PortError } from '../src/errors/index.js';
import type { StateDatabase } from './open-state.js';

/** The meta key holding the installation (and shard) the state belongs to: `prod-estate` or `prod-estate/2`. */
const INSTALLATION_KEY = 'installation';

/**
 * Checks that the state belongs to `installation` (the installation id, with `/{shard}` under
 * `--shard`). A state that records none (made before installations were named, or without an
 * `installationId`) is adopted when `isAdopting` (a command about to write), else left as it is.
 * A state of another installation is refused with StateOfAnotherInstallation, naming both.
 */
export function checkStateInstallation(db: StateDatabase, installation: string, isAdopting: boolean): void {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(INSTALLATION_KEY) as { value: string } | undefined;
  if (row === undefined) {
    if (isAdopting) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(INSTALLATION_KEY, installation);
    return;
  }
  if (row.value === installation) return;
  throw new Aws2PortError('StateOfAnotherInstallation', `The state belongs to installation "${row.value}", not to "${installation}".`, {
    detail:
      'Each installation (installationId, and the shard under --shard) keeps its own state file. Point --state (or AWS2PORT_STATE) at this ' +
      "installation's state, or correct installationId / --shard in the config or command line if this state is really its own.",
  });
}

/**
 * The installation id a state file records (without its shard), read before the command opens the
 * state, leaving the file as it was; undefined when the file is missing, records none, or cannot be read (opening it for the
 * command then says why).
 */
export function recordedInstallationId(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    // Not read-only: a read-only connection cannot remove the -shm file it makes, and this one must leave no trace.
    db = new Database(file, { fileMustExist: true });
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(INSTALLATION_KEY) as { value: string } | undefined;
    return row?.value.split('/')[0];
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}
