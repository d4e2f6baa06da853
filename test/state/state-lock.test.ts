import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { acquireStateLock, forceUnlock, openStateDatabase, readLock } from '../../state/index.js';
import { tempDir } from '../support/temp-dir.js';

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the state lock', () => {
  it('makes a second writer fail fast with the holder\'s id, operation, host, pid and time', () => {
    const file = join(tempDir(), 'state.db');
    const first = openStateDatabase(file);
    const held = acquireStateLock(first, 'apply');
    // A different holder on this host that is alive: pretend the holder is our parent process.
    first.prepare('UPDATE lock SET pid = ?').run(process.ppid);
    const second = openStateDatabase(file);
    assert.throws(
      () => acquireStateLock(second, 'apply'),
      (error) =>
        isAws2PortError(error, 'StateLocked') &&
        [held.info.id, 'Operation: apply', `PID: ${process.ppid}`, held.info.host, held.info.createdAt].every((part) => error.detail!.includes(part)),
    );
    first.close();
    second.close();
  });

  it('takes over a lock whose holder on this host has died', () => {
    const db = openStateDatabase(join(tempDir(), 'state.db'));
    acquireStateLock(db, 'apply');
    db.prepare('UPDATE lock SET pid = ?').run(deadPid());
    const taken = acquireStateLock(db, 'watch');
    assert.equal(readLock(db)?.id, taken.info.id);
    assert.equal(readLock(db)?.operation, 'watch');
    db.close();
  });

  it('keeps a lock held from another host until it is unlocked by id', () => {
    const db = openStateDatabase(join(tempDir(), 'state.db'));
    const held = acquireStateLock(db, 'apply');
    db.prepare("UPDATE lock SET host = 'build-runner-7', pid = 1").run();
    assert.throws(() => acquireStateLock(db, 'apply'), (error) => isAws2PortError(error, 'StateLocked'));
    assert.equal(forceUnlock(db, 'not-the-id'), false);
    assert.equal(forceUnlock(db, held.info.id), true);
    assert.doesNotThrow(() => acquireStateLock(db, 'apply').release());
    db.close();
  });

  it('is gone once released', () => {
    const db = openStateDatabase(join(tempDir(), 'state.db'));
    acquireStateLock(db, 'apply').release();
    assert.equal(readLock(db), undefined);
    db.close();
  });
});
