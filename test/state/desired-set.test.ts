import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DesiredSet, openStateDatabase, StateStore } from '../../state/index.js';
import { aDesired, anEntity, aScope } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

const BUCKETS = aScope();
const INSTANCES = aScope({ kind: 'AWS::EC2::Instance', region: 'eu-west-1' });

/** A state recording `a`, `b` (buckets) and `i-1` (an instance). */
function storeWithRecords(): StateStore {
  const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
  store.recordWrites((w) => {
    for (const id of ['a', 'b']) w.putEntity({ blueprint: 'cloudResource', identifier: id, scope: BUCKETS, awsIdentifier: id, entity: anEntity(id) });
    w.putEntity({ blueprint: 'cloudResource', identifier: 'i-1', scope: INSTANCES, awsIdentifier: 'i-1', entity: anEntity('i-1') });
  });
  return store;
}

describe('DesiredSet', () => {
  it('finds creates, updates and unchanged entities by content hash', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aDesired('a'), aDesired('b', { entity: anEntity('b', { title: 'renamed' }) }), aDesired('c')]);
    assert.deepEqual([...desired.creates()].map((d) => d.identifier), ['c']);
    const updates = [...desired.updates()];
    assert.deepEqual(updates.map((u) => [u.desired.identifier, u.before.entity.title, u.desired.entity.title]), [['b', 'b', 'renamed']]);
    assert.equal(desired.countUnchanged(), 1);
    desired.close();
  });

  it('deletes only entities of vouched scopes that were not produced', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aDesired('a')]);
    assert.deepEqual([...desired.deletions()], [], 'nothing is vouched yet: nothing may go');
    desired.vouchFor([BUCKETS], 'no longer in AWS');
    assert.deepEqual([...desired.deletions()].map((d) => [d.before.identifier, d.reason]), [['b', 'no longer in AWS']]);
    desired.close();
  });

  it('reports a second item mapping to a taken address as a conflict, keeping the first', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    const conflicts = desired.add([aDesired('x', { awsIdentifier: 'first' }), aDesired('x', { awsIdentifier: 'second', scope: INSTANCES })]);
    assert.deepEqual(conflicts, [{ blueprint: 'cloudResource', identifier: 'x', kept: { scope: BUCKETS, awsIdentifier: 'first' }, dropped: { scope: INSTANCES, awsIdentifier: 'second' } }]);
    assert.deepEqual([...desired.creates()].map((d) => d.awsIdentifier), ['first']);
    desired.close();
  });

  it('leaves the state untouched', () => {
    const store = storeWithRecords();
    const serial = store.serial;
    const desired = new DesiredSet(store.db);
    desired.add([aDesired('z')]);
    desired.vouchFor([BUCKETS, INSTANCES], 'read');
    [...desired.deletions()];
    desired.close();
    assert.equal(store.serial, serial);
    assert.equal(store.countEntities(), 3);
  });
});
