import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { applyPlan } from '../../src/apply/index.js';
import { planFromDocument } from '../../src/plan/index.js';
import { PortClient } from '../../src/port/index.js';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { startPortSimulator } from '../simulators/port/index.js';
import { aChange, anEntity, aPlan, aScope } from '../support/builders.js';

const CONFIG = { enableMergeEntity: true, createMissingRelatedEntities: true, deleteDependentEntities: true };

async function setUp() {
  const port = await startPortSimulator();
  const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/test', connections: 2 });
  const store = new StateStore(openStateDatabase(':memory:'));
  after(async () => {
    await client.close();
    await port.close();
  });
  return { port, client, store };
}

describe('applyPlan', () => {
  it('records an owner move in the state without writing to Port', async () => {
    const { port, client, store } = await setUp();
    const oldScope = aScope({ kind: 'AWS::Organizations::Account', account: '111111111111' });
    const newScope = aScope({ kind: 'AWS::Organizations::Account', account: '222222222222' });
    store.recordWrites((w) => w.putEntity({ blueprint: 'cloudResource', identifier: 'x', scope: oldScope, awsIdentifier: 'x', entity: anEntity('x') }));
    const plan = planFromDocument(aPlan([aChange('update', 'x', { scope: newScope, reason: 'now produced by ...' })]), store.db);

    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2 });

    assert.deepEqual([result.changed, result.failed], [1, 0]);
    assert.equal(port.writes.length, 0);
    assert.deepEqual(store.getEntity('cloudResource', 'x')?.scope, newScope);
  });

  it('applies creates, updates and deletes, recording each in the state', async () => {
    const { port, client, store } = await setUp();
    store.recordWrites((w) => {
      for (const id of ['old', 'changed']) w.putEntity({ blueprint: 'cloudResource', identifier: id, scope: aScope(), awsIdentifier: id, entity: anEntity(id) });
    });
    const plan = planFromDocument(
      aPlan([aChange('delete', 'old'), aChange('create', 'new'), aChange('update', 'changed', { after: anEntity('changed', { title: 'Changed' }) })]),
      store.db,
    );
    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2 });
    assert.deepEqual([result.added, result.changed, result.destroyed, result.failed], [1, 1, 1, 0]);
    assert.deepEqual([...store.listEntities()].map((e) => [e.identifier, e.entity.title]), [['changed', 'Changed'], ['new', 'new']]);
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['changed', 'new']);
  });
});
