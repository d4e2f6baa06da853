import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openStateDatabase, ResourceRecords, StateStore } from '../../state/index.js';
import { anEntity, aRecord, aScope } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

const CLUSTERS = aScope({ kind: 'AWS::ECS::Cluster', region: 'eu-west-1' });

function storeWith(): StateStore {
  const store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
  store.recordWrites((w) => {
    w.putEntity(aRecord('arn:aws:ecs:eu-west-1:111111111111:cluster/jobs', { blueprint: 'cloudResource', scope: CLUSTERS, awsIdentifier: 'jobs', entity: anEntity('arn:aws:ecs:eu-west-1:111111111111:cluster/jobs') }));
    w.putEntity(aRecord('jobs', { blueprint: 'ecsCluster', scope: CLUSTERS, awsIdentifier: 'jobs', entity: anEntity('jobs') }));
    w.putEntity(aRecord('arn:aws:ecs:us-east-1:111111111111:cluster/jobs', { blueprint: 'cloudResource', scope: { ...CLUSTERS, region: 'us-east-1' }, awsIdentifier: 'jobs', entity: anEntity('x') }));
    w.putEntity(aRecord('logs', { blueprint: 'cloudResource', scope: aScope({ account: '222222222222' }), awsIdentifier: 'logs', entity: anEntity('logs') }));
  });
  return store;
}

describe('ResourceRecords', () => {
  it('lists the entities one resource produced, by scope and Cloud Control identifier, whatever their own identifiers', () => {
    const records = new ResourceRecords(storeWith().db);
    assert.deepEqual(records.listProducedBy(CLUSTERS, 'jobs').map((e) => `${e.blueprint}.${e.identifier}`), ['cloudResource.arn:aws:ecs:eu-west-1:111111111111:cluster/jobs', 'ecsCluster.jobs']);
    assert.deepEqual(records.listProducedBy(CLUSTERS, 'other'), []);
  });

  it("finds the account that owns a bucket", () => {
    const records = new ResourceRecords(storeWith().db);
    assert.deepEqual(records.listAccountsOf('AWS::S3::Bucket', 'logs'), ['222222222222']);
    assert.deepEqual(records.listAccountsOf('AWS::S3::Bucket', 'nope'), []);
  });
});
