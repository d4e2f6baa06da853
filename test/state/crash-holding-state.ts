import { acquireStateLock, openStateDatabase, StateStore } from '../../state/index.js';
import { aRecord } from '../support/builders.js';

/** Where the process dies: holding the writer lock, or inside a write being recorded. */
export type CrashPoint = 'holding-lock' | 'recording';

/**
 * A run that dies without cleaning up, as a crashed or killed aws2port would: `node
 * crash-holding-state.js STATE_FILE CRASH_POINT` opens the state and is killed by SIGKILL there.
 */
function crash(file: string, point: CrashPoint): void {
  const store = new StateStore(openStateDatabase(file));
  if (point === 'holding-lock') {
    acquireStateLock(store.db, 'apply');
    process.kill(process.pid, 'SIGKILL');
  }
  store.recordWrites((writer) => {
    writer.deleteEntity('cloudResource', 'a');
    writer.putEntity(aRecord('c'));
    process.kill(process.pid, 'SIGKILL');
  });
}

const [file, point] = process.argv.slice(2);
if (file && (point === 'holding-lock' || point === 'recording')) crash(file, point);
