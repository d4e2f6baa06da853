import type { ResolvedConfig } from '../src/config/index.js';
import { installationName, type PortWriter } from '../src/port/index.js';
import { checkStateInstallation, type StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';

/** The installation (config `installationId`) and shard (`--shard`) this run writes to Port as. */
export function portWriterOf(config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>): PortWriter {
  return { ...(config.installationId !== undefined ? { installationId: config.installationId } : {}), ...(args.shard ? { shard: args.shard } : {}) };
}

/**
 * Refuses a state of another installation or shard (StateOfAnotherInstallation); a command about to
 * write (`isAdopting`) records this one in a state that names none. Nothing to check without `installationId`.
 */
export function checkStoreInstallation(store: StateStore, config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>, isAdopting: boolean): void {
  const installation = installationName(portWriterOf(config, args));
  if (installation !== undefined) checkStateInstallation(store.db, installation, isAdopting);
}
