import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../src/config/index.js';
import { installationName, type PortClient } from '../src/port/index.js';
import { blueprintsToRebuild, rebuildState, type RebuildResult } from '../src/refresh/index.js';
import type { StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';
import type { Output } from './output.js';
import { portWriterOf } from './port-writer-of.js';

/** Where the state file would be, and whether it and its folders exist before a command opens it. */
export interface StateFileBefore {
  file: string;
  isMissing: boolean;
  /** The outermost folder of the state's path that does not exist yet (opening the state makes it); undefined when its folder exists. */
  missingFolder: string | undefined;
}

/** Looks at the state file before a command opens (and so perhaps creates) it. */
export function stateFileBefore(args: Pick<CommonArgs, 'state'>): StateFileBefore {
  const file = resolve(args.state);
  let missingFolder: string | undefined;
  for (let folder = dirname(file); !existsSync(folder); folder = dirname(folder)) missingFolder = folder;
  return { file, isMissing: !existsSync(file), missingFolder };
}

/**
 * At the start of `plan` and `apply` when the state file did not exist: rebuilds the state from Port (what Port holds as this installation's, and
 * shard's) and says so on stderr.
 */
export async function rebuildMissingState(store: StateStore, config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>, port: PortClient, output: Output): Promise<void> {
  output.log(`State file missing: rebuilding it from Port for installation ${installationName(portWriterOf(config, args))}…`);
  await rebuildFromPort(store, config, args, port, output);
}

/** Rebuilds the state from Port for the run's installation (withNamedInstallation names it) and reports the count on stderr. */
export async function rebuildFromPort(store: StateStore, config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>, port: PortClient, output: Output): Promise<RebuildResult> {
  const result = await rebuildState(store, port, portWriterOf(config, args), blueprintsToRebuild(config, store.countByBlueprint().keys()));
  output.log(`Rebuilt ${result.entities} entities of ${result.blueprints} blueprints from Port`);
  return result;
}

/**
 * Removes a state file a command created and could not fill (a rebuild that failed), with SQLite's
 * side files, and the folders the command made for it: nothing is left behind. Call with the
 * database closed.
 */
export function discardCreatedState(before: StateFileBefore): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${before.file}${suffix}`, { force: true });
  if (before.missingFolder !== undefined) rmSync(before.missingFolder, { recursive: true, force: true });
}
