import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startWorld } from '../support/world.js';

describe('when Port refuses some entities of a batch (207)', () => {
  it('lists them with Port\'s message, exits 1, records the rest, and retries only them next time', async () => {
    const world = await startWorld();
    try {
      world.port.faults.failEntities.set('acme-shared-assets', { statusCode: 422, error: 'schema_mismatch', message: 'tags: must be array' });
      const first = await world.run(['apply', '--auto-approve']);
      assert.equal(first.code, 1);
      assert.match(first.stdout, /1 change failed:\n {2}! cloudResource\.acme-shared-assets \(create\): HTTP 422 schema_mismatch: tags: must be array/);
      assert.match(first.stdout, /Apply complete! Resources: 31 added, 0 changed, 0 destroyed\./);
      assert.match(first.stderr, /ApplyIncomplete/);
      const list = await world.run(['state', 'list']);
      assert.equal(list.stdout.trim().split('\n').length, 31);
      assert.doesNotMatch(list.stdout, /acme-shared-assets/);

      world.port.faults.failEntities.clear();
      const writes = world.port.writes.length;
      const second = await world.run(['apply', '--auto-approve']);
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(world.port.writes.slice(writes).flatMap((w) => w.identifiers), ['acme-shared-assets']);
    } finally {
      await world.close();
    }
  });
});
