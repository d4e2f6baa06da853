import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acquireStateLock, openStateDatabase } from '../../state/index.js';
import { startWorld } from '../support/world.js';

describe('the state lock', () => {
  it('makes a second writer fail fast naming the holder, until the lock is released with state unlock', async () => {
    const world = await startWorld();
    try {
      // GIVEN another live process on this host holds the lock (this test process)
      const db = openStateDatabase(join(world.dir, 'state.db'));
      const held = acquireStateLock(db, 'watch');
      db.close();

      const started = Date.now();
      const refused = await world.run(['apply', '--auto-approve']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /StateLocked/);
      for (const part of [`Lock ID: ${held.info.id}`, 'Operation: watch', `PID: ${process.pid}`, `Host: ${held.info.host}`]) assert.ok(refused.stderr.includes(part), part);
      assert.ok(Date.now() - started < 10_000, 'it fails fast');
      assert.equal(world.port.writes.length, 0);

      const plan = await world.run(['plan', '--detailed-exitcode']);
      assert.equal(plan.code, 2, 'plan reads while the lock is held');

      const unlock = await world.run(['state', 'unlock', held.info.id]);
      assert.equal(unlock.code, 0, unlock.stderr);
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
    } finally {
      await world.close();
    }
  });
});
