import { installationName, PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { acquireStateLock } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow } from '../load-config-or-throw.js';
import { withNamedInstallation } from '../named-installation.js';
import { openStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';
import { discardCreatedState, rebuildFromPort, stateFileBefore } from '../rebuild-missing-state.js';

/**
 * `aws2port state rebuild`: records in the state what Port holds as this installation's (and shard's)
 * entities (withNamedInstallation), creating the state file when it is missing. Holds the state lock;
 * a failed rebuild of a missing state leaves no file.
 */
export async function runStateRebuild(args: Extract<Args, { command: 'state rebuild' }>, output: Output): Promise<number> {
  const config = await withNamedInstallation(loadConfigOrThrow(args, output), args);
  const writer = portWriterOf(config, args);
  const installation = installationName(writer);
  const connection = portConnectionFromEnv(process.env, args.parallelism, writer);
  const before = stateFileBefore(args);
  const store = openStore(args, 'create');
  const lock = acquireStateLock(store.db, 'state rebuild');
  const port = new PortClient(connection);
  let isFailed = false;
  try {
    checkStoreInstallation(store, config, args, true);
    output.log(`Rebuilding the state from Port for installation ${installation}…`);
    const result = await rebuildFromPort(store, config, args, port, output);
    if (args.json) await output.json({ type: 'rebuild_complete', ...result });
    return 0;
  } catch (error) {
    isFailed = true;
    throw error;
  } finally {
    lock.release();
    store.db.close();
    await port.close();
    if (isFailed && before.isMissing) discardCreatedState(before);
  }
}
