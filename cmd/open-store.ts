import { resolve } from 'node:path';
import { openStateDatabase, StateStore } from '../state/index.js';
import type { CommonArgs } from './arguments.js';

/** Opens the state store (creating it on first use). Close its db when done. */
export function openStore(args: Pick<CommonArgs, 'state'>): StateStore {
  return new StateStore(openStateDatabase(resolve(args.state)));
}
