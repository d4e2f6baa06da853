import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DesiredSet, openStateDatabase, PlannedChanges, StateStore } from '../../state/index.js';
import { aRecord, anEntity, aScope } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

const BUCKETS = aScope();
const INSTANCES = aScope({ kind: 'AWS::EC2::Instance', region: 'eu-west-1' });

/** A state recording `a`, `b` (buckets) and `i-1` (an instance). */
function storeWithRecords(): StateStore {
  const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
  store.recordWrites((w) => {
    for (const id of ['a', 'b']) w.putEntity(aRecord(id, { blueprint: 'cloudResource', scope: BUCKETS, awsIdentifier: id, entity: anEntity(id) }));
    w.putEntity(aRecord('i-1', { blueprint: 'cloudResource', scope: INSTANCES, awsIdentifier: 'i-1', entity: anEntity('i-1') }));
  });
  return store;
}

/** The planned changes of the desired set against the state, as [action, identifier, ...]. */
function diff(store: StateStore, desired: DesiredSet): Array<[string, string, string | null]> {
  const changes = new PlannedChanges(store.db);
  changes.fillFromDiff(desired);
  const rows = [...changes.all()].map((c): [string, string, string | null] => [c.action, c.identifier, c.reason ?? c.after?.title ?? null]);
  changes.close();
  return rows;
}

describe('DesiredSet and PlannedChanges', () => {
  it('plans deletes first, then creates, then updates, each by address', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('z-new'), aRecord('a', { entity: anEntity('a', { title: 'A' }) }), aRecord('c-new')]);
    desired.vouchFor([BUCKETS], 'no longer in AWS');
    assert.deepEqual(diff(store, desired).map(([action, id]) => `${action} ${id}`), ['delete b', 'create c-new', 'create z-new', 'update a']);
    desired.close();
  });

  it('finds creates, updates and unchanged entities by content hash', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('a'), aRecord('b', { entity: anEntity('b', { title: 'renamed' }) }), aRecord('c')]);
    assert.deepEqual(diff(store, desired), [['create', 'c', 'c'], ['update', 'b', 'renamed']]);
    assert.equal(desired.countUnchanged(), 1);
    desired.close();
  });

  it('deletes only entities of vouched scopes that were not produced', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('a')]);
    assert.deepEqual(diff(store, desired), [], 'nothing is vouched yet: nothing may go');
    desired.vouchFor([BUCKETS], 'no longer in AWS');
    assert.deepEqual(diff(store, desired), [['delete', 'b', 'no longer in AWS']]);
    desired.close();
  });

  it('reports two items mapping to one address as a conflict, keeping the same one whatever the read order', () => {
    for (const order of [
      [aRecord('x', { awsIdentifier: 'from-instances', scope: INSTANCES }), aRecord('x', { awsIdentifier: 'from-buckets' })],
      [aRecord('x', { awsIdentifier: 'from-buckets' }), aRecord('x', { awsIdentifier: 'from-instances', scope: INSTANCES })],
    ]) {
      const store = storeWithRecords();
      const desired = new DesiredSet(store.db);
      const conflicts = desired.add(order);
      // AWS::EC2::Instance sorts before AWS::S3::Bucket
      assert.deepEqual(conflicts.map((c) => [c.kept.awsIdentifier, c.dropped.awsIdentifier]), [['from-instances', 'from-buckets']]);
      const changes = new PlannedChanges(store.db);
      changes.fillFromDiff(desired);
      assert.deepEqual([...changes.all()].map((c) => c.awsIdentifier), ['from-instances']);
      desired.close();
    }
  });

  it('leaves the state untouched', () => {
    const store = storeWithRecords();
    const serial = store.serial;
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('z')]);
    desired.vouchFor([BUCKETS, INSTANCES], 'read');
    diff(store, desired);
    desired.close();
    assert.equal(store.serial, serial);
    assert.equal(store.countEntities(), 3);
  });
});

describe('an entity whose owner moves with the same content', () => {
  it('is planned as a move from the recorded owner to the new one, not as a change, and nothing else changes', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('a', { scope: INSTANCES }), aRecord('b'), aRecord('i-1', { scope: INSTANCES })]);
    const changes = new PlannedChanges(store.db);
    changes.fillFromDiff(desired);
    assert.deepEqual([...changes.all()], []);
    assert.deepEqual(changes.listMoves(desired), [
      { blueprint: 'cloudResource', identifier: 'a', scope: INSTANCES, awsIdentifier: 'a', from: { scope: BUCKETS, awsIdentifier: 'a' } },
    ]);
    changes.close();
    assert.equal(desired.countUnchanged(), 2);
    desired.close();
  });

  it('is a change, not a move, when its body changed too', () => {
    const store = storeWithRecords();
    const desired = new DesiredSet(store.db);
    desired.add([aRecord('a', { scope: INSTANCES, entity: anEntity('a', { title: 'A' }) }), aRecord('b'), aRecord('i-1', { scope: INSTANCES })]);
    assert.deepEqual(diff(store, desired), [['update', 'a', 'A']]);
    const changes = new PlannedChanges(store.db);
    assert.deepEqual(changes.listMoves(desired), []);
    changes.close();
    desired.close();
  });
});

describe('two plans on one connection', () => {
  it('keep their own desired sets and changes, and closing one leaves the other whole', () => {
    const store = storeWithRecords();
    const first = new DesiredSet(store.db);
    first.add([aRecord('a', { entity: anEntity('a', { title: 'A' }) }), aRecord('b')]);
    first.vouchFor([BUCKETS], 'read');
    const second = new DesiredSet(store.db);
    second.add([aRecord('new'), aRecord('a'), aRecord('b')]);
    const firstChanges = new PlannedChanges(store.db);
    firstChanges.fillFromDiff(first);
    const secondChanges = new PlannedChanges(store.db);
    secondChanges.fillFromDiff(second);
    first.close();
    firstChanges.close();

    assert.deepEqual([...secondChanges.all()].map((c) => `${c.action} ${c.identifier}`), ['create new']);
    assert.equal(second.countUnchanged(), 2);
    assert.equal(second.has('cloudResource', 'new'), true);
    secondChanges.close();
    second.close();
  });

  it('diff each against its own desired set while both are open', () => {
    const store = storeWithRecords();
    const first = new DesiredSet(store.db);
    first.add([aRecord('a', { entity: anEntity('a', { title: 'A' }) }), aRecord('b')]);
    const second = new DesiredSet(store.db);
    second.add([aRecord('a'), aRecord('b'), aRecord('c')]);
    second.vouchFor([BUCKETS], 'read');
    assert.deepEqual(diff(store, first).map(([action, id]) => `${action} ${id}`), ['update a']);
    assert.deepEqual(diff(store, second).map(([action, id]) => `${action} ${id}`), ['create c']);
    first.close();
    second.close();
  });
});
