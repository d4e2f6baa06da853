import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../src/config/index.js';
import { installationName, type PortClient } from '../src/port/index.js';
import { blueprintsToRebuild, rebuildState } from '../src/refresh/index.js';
import type { StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';
import type { Output } from './output.js';
import { portWriterOf } from './port-writer-of.js';

/** Where the state file would be, and whether it and its folder exist before a command opens it. */
export interface StateFileBefore {
  file: string;
  isMissing: boolean;
  isFolderMissing: boolean;
}

/** Looks at the state file before a command opens (and so perhaps creates) it. */
export function stateFileBefore(args: Pick<CommonArgs, 'state'>): StateFileBefore {
  const file = resolve(args.state);
  return { file, isMissing: !existsSync(file), isFolderMissing: !existsSync(dirname(file)) };
}

/**
 * At the start of `plan` and `apply` when the state file did not exist: rebuilds the state from Port
 * (what Port holds as this installation's, and shard's) and says so on stderr. Without a named
 * installation nothing in Port can be told apart as ours: nothing is rebuilt, and a hint says so.
 * `port` is needed only with an installation (`needsPort`).
 */
export async function rebuildMissingState(store: StateStore, config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>, port: PortClient | undefined, output: Output): Promise<void> {
  const writer = portWriterOf(config, args);
  const installation = installationName(writer);
  if (installation === undefined) {
    output.log('State file missing, and the config names no installationId: starting from an empty state. (With installationId set, aws2port rebuilds a lost state from Port.)');
    return;
  }
  if (port === undefined) throw new Error('rebuildMissingState: a named installation needs Port (needsPort)');
  output.log(`State file missing: rebuilding it from Port for installation ${installation}…`);
  await rebuildFromPort(store, config, args, port, output);
}

/** Whether a command that finds the state file missing needs Port to rebuild it (a named installation). */
export function needsPort(before: StateFileBefore, config: ResolvedConfig): boolean {
  return before.isMissing && config.installationId !== undefined;
}

/** Rebuilds the state from Port for the run's installation (which must be named) and reports the count on stderr. */
export async function rebuildFromPort(store: StateStore, config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>, port: PortClient, output: Output): Promise<{ entities: number; blueprints: number }> {
  const result = await rebuildState(store, port, portWriterOf(config, args), blueprintsToRebuild(config, store.countByBlueprint().keys()));
  output.log(`Rebuilt ${result.entities} entities of ${result.blueprints} blueprints from Port`);
  return result;
}

/**
 * Removes a state file a command created and could not fill (a rebuild that failed), with SQLite's
 * side files, and its folder when the command made it: nothing is left behind. Call with the
 * database closed.
 */
export function discardCreatedState(before: StateFileBefore): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${before.file}${suffix}`, { force: true });
  if (before.isFolderMissing) rmdirSync(dirname(before.file));
}
