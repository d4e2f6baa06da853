import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { applyPlan, type ApplyProgress } from '../../src/apply/index.js';
import { planFromDocument } from '../../src/plan/index.js';
import { PortClient } from '../../src/port/index.js';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { startPortSimulator } from '../simulators/port/index.js';
import { aChange, aMove, anEntity, aPlan, aRecord, aScope } from '../support/builders.js';

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
  it('records an owner move in the state without writing to Port, as the plan says', async () => {
    const { port, client, store } = await setUp();
    const oldScope = aScope({ kind: 'AWS::Organizations::Account', account: '111111111111' });
    const newScope = aScope({ kind: 'AWS::Organizations::Account', account: '222222222222' });
    store.recordWrites((w) => w.putEntity(aRecord('x', { scope: oldScope })));
    const serial = store.serial;
    const plan = planFromDocument(aPlan([], { owner_moves: [aMove('x', newScope, oldScope)] }), store.db);
    const progress: ApplyProgress[] = [];

    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2, onProgress: (p) => progress.push(p) });

    assert.deepEqual([result.applied, result.unchanged, result.skipped, result.failed], [{ create: 0, update: 0, delete: 0 }, 1, 0, 0]);
    assert.deepEqual(progress.map((p) => [p.address, p.action, p.outcome]), [['cloudResource.x', 'move', 'unchanged']]);
    assert.equal(port.writes.length, 0);
    assert.deepEqual(store.getEntity('cloudResource', 'x')?.scope, newScope);
    assert.equal(store.serial, serial + 1);
  });

  it('skips a move of an entity the state no longer records, recording nothing', async () => {
    const { port, client, store } = await setUp();
    const plan = planFromDocument(aPlan([], { owner_moves: [aMove('gone', aScope({ account: '222222222222' }), aScope())] }), store.db);
    const progress: ApplyProgress[] = [];

    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2, onProgress: (p) => progress.push(p) });

    assert.deepEqual([result.unchanged, result.skipped, result.failed], [0, 1, 0]);
    assert.deepEqual(progress.map((p) => [p.action, p.outcome]), [['move', 'skipped']]);
    assert.equal(port.writes.length, 0);
    assert.equal(store.countEntities(), 0);
  });

  it("writes in Port's bulk limits, each batch recorded as Port confirms it", async () => {
    const { port, client, store } = await setUp();
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
    store.recordWrites((w) => {
      for (const id of ids('old', 250)) w.putEntity(aRecord(id));
    });
    const serial = store.serial;
    const plan = planFromDocument(aPlan([...ids('old', 250).map((id) => aChange('delete', id)), ...ids('new', 45).map((id) => aChange('create', id))]), store.db);

    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2 });

    assert.deepEqual([result.applied, result.failed], [{ create: 45, update: 0, delete: 250 }, 0]);
    const sizes = (route: string) => port.writes.filter((w) => w.route === route).map((w) => w.identifiers.length).sort((a, b) => b - a);
    assert.deepEqual(sizes('bulk-upsert'), [20, 20, 5]);
    assert.deepEqual(sizes('bulk-delete'), [100, 100, 50]);
    assert.equal(store.serial, serial + 6, 'one state transaction per confirmed batch');
    assert.deepEqual([...store.listEntities()].map((e) => e.identifier), ids('new', 45));
  });

  it('applies creates, updates and deletes, recording each in the state', async () => {
    const { port, client, store } = await setUp();
    store.recordWrites((w) => {
      for (const id of ['old', 'changed']) w.putEntity(aRecord(id));
    });
    const plan = planFromDocument(
      aPlan([aChange('delete', 'old'), aChange('create', 'new'), aChange('update', 'changed', { after: anEntity('changed', { title: 'Changed' }) })]),
      store.db,
    );
    const result = await applyPlan({ plan, port: client, store, config: CONFIG, parallelism: 2 });
    assert.deepEqual([result.applied, result.failed], [{ create: 1, update: 1, delete: 1 }, 0]);
    assert.deepEqual([...store.listEntities()].map((e) => [e.identifier, e.entity.title]), [['changed', 'Changed'], ['new', 'new']]);
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['changed', 'new']);
  });
});
