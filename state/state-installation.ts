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
