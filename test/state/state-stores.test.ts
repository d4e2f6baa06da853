import { join } from 'node:path';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { tempDir } from '../support/temp-dir.js';
import { stateStoreConformance, type OpenedState } from './state-store-conformance.js';

/** A state file: opened by `open`, and again by the same means. */
function stateFile(file: string): OpenedState {
  const open = () => new StateStore(openStateDatabase(file));
  return { store: open(), durable: { file, reopen: open } };
}

stateStoreConformance('SQLite file, created on first use', () => stateFile(join(tempDir(), 'new', 'state.db')));

stateStoreConformance('SQLite file, opened again after another run created it', () => {
  const file = join(tempDir(), 'state.db');
  new StateStore(openStateDatabase(file)).db.close();
  return stateFile(file);
});

stateStoreConformance('in memory (read-only commands run without a state file)', () => ({ store: new StateStore(openStateDatabase(':memory:')) }));
