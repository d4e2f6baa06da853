import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../src/config/index.js';
import { checkTargets } from '../src/plan/index.js';
import { openStateDatabase, StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';

/** What a command does when the state file does not exist yet. */
export type MissingState =
  /** Creates it, with its folder (first use): commands that write the state. */
  | 'create'
  /** Works on an empty state in memory, leaving nothing on disk: commands that only read it. */
  | 'empty';

/**
 * Opens the state. A command calls it only once its config and arguments were checked, so that a
 * command that fails on its input leaves nothing behind; an existing state is never created anew,
 * and a missing one is created only for `create`. Close its db when done.
 */
export function openStore(args: Pick<CommonArgs, 'state'>, ifMissing: MissingState): StateStore {
  const file = resolve(args.state);
  if (existsSync(file) || ifMissing === 'create') return new StateStore(openStateDatabase(file));
  return new StateStore(openStateDatabase(':memory:'));
}

/**
 * openStore, after checking `--target` against the config and the state's recorded kinds: a bad
 * target creates no state. Throws InvalidArgument (see checkTargets) with the state closed.
 */
export function openTargetedStore(args: Pick<CommonArgs, 'state' | 'targets'>, config: ResolvedConfig, ifMissing: MissingState): StateStore {
  const file = resolve(args.state);
  if (!existsSync(file)) checkTargets(args.targets, config, []);
  const store = openStore(args, ifMissing);
  try {
    if (args.targets.length > 0) checkTargets(args.targets, config, store.listOwningScopes().map((scope) => scope.kind));
    return store;
  } catch (error) {
    store.db.close();
    throw error;
  }
}
