import { Aws2PortError } from '../../src/errors/index.js';
import { installationName, PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { acquireStateLock } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow } from '../load-config-or-throw.js';
import { openStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';
import { discardCreatedState, rebuildFromPort, stateFileBefore } from '../rebuild-missing-state.js';

/**
 * `aws2port state rebuild`: records in the state what Port holds as this installation's (and shard's)
 * entities, creating the state file when it is missing. Needs config `installationId`
 * (RebuildNeedsInstallation otherwise, before anything is opened). Holds the state lock; a failed
 * rebuild of a missing state leaves no file.
 */
export async function runStateRebuild(args: Extract<Args, { command: 'state rebuild' }>, output: Output): Promise<number> {
  const config = loadConfigOrThrow(args, output);
  const writer = portWriterOf(config, args);
  const installation = installationName(writer);
  if (installation === undefined) {
    throw new Aws2PortError('RebuildNeedsInstallation', 'The state can be rebuilt from Port only for a named installation, and the config names none.', {
      detail: 'Set installationId in the config (the one the lost state was written with): Port records it in every entity aws2port wrote ($datasource).',
      subject: args.config,
    });
  }
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
