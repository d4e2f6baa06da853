import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { guardThenApply } from '../../src/apply/index.js';
import { planFromDocument } from '../../src/plan/index.js';
import { PortClient } from '../../src/port/index.js';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { startPortSimulator } from '../simulators/port/index.js';
import { aChange, anEntity, aPlan } from '../support/builders.js';

const CONFIG = { enableMergeEntity: true, createMissingRelatedEntities: true, deleteDependentEntities: true };
const OVER_THRESHOLD = { blueprint: 'cloudResource', deleting: 2, managed: 2, threshold: 0.9 };

/** A Port simulator holding `a` and `b`, and a state recording them. */
async function setUp() {
  const port = await startPortSimulator();
  const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/test', connections: 2 });
  const store = new StateStore(openStateDatabase(':memory:'));
  after(async () => {
    await client.close();
    await port.close();
  });
  const plan = planFromDocument(aPlan([aChange('create', 'a'), aChange('create', 'b')]), store.db);
  await guardThenApply({ plan, port: client, store, config: CONFIG, isMassDeleteAllowed: false });
  plan.changes.close();
  return { port, client, store, writesBefore: port.writes.length };
}

/** A plan that deletes both entities, over the threshold, and creates `c`. */
function massDeletingPlan(store: StateStore) {
  return planFromDocument(aPlan([aChange('delete', 'a'), aChange('delete', 'b'), aChange('create', 'c')], { mass_deletions: [OVER_THRESHOLD] }), store.db);
}

describe('guardThenApply', () => {
  it('refuses a plan over the deletion threshold with the guard reason, writing nothing to Port or the state', async () => {
    const { port, client, store, writesBefore } = await setUp();
    const serial = store.serial;

    const outcome = await guardThenApply({ plan: massDeletingPlan(store), port: client, store, config: CONFIG, isMassDeleteAllowed: false });

    assert.deepEqual(outcome, { outcome: 'refused', massDeletions: [OVER_THRESHOLD] });
    assert.equal(port.writes.length, writesBefore);
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['a', 'b']);
    assert.equal(store.serial, serial);
    assert.deepEqual([...store.listEntities()].map((e) => e.identifier), ['a', 'b']);
  });

  it('applies the same plan when mass deletion is allowed, with its counts', async () => {
    const { port, client, store } = await setUp();

    const outcome = await guardThenApply({ plan: massDeletingPlan(store), port: client, store, config: CONFIG, isMassDeleteAllowed: true });

    assert.equal(outcome.outcome, 'applied');
    assert.deepEqual(outcome.outcome === 'applied' && [outcome.result.applied.create, outcome.result.applied.update, outcome.result.applied.delete, outcome.result.failed], [1, 0, 2, 0]);
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['c']);
    assert.deepEqual([...store.listEntities()].map((e) => e.identifier), ['c']);
  });

  it('applies a plan within the threshold', async () => {
    const { port, client, store } = await setUp();
    const plan = planFromDocument(aPlan([aChange('delete', 'a'), aChange('update', 'b', { after: anEntity('b', { title: 'B' }) })]), store.db);

    const outcome = await guardThenApply({ plan, port: client, store, config: CONFIG, isMassDeleteAllowed: false });

    assert.deepEqual(outcome, { outcome: 'applied', result: { applied: { create: 0, update: 1, delete: 1 }, unchanged: 0, skipped: 0, failed: 0, failures: [] } });
    assert.deepEqual(port.entities('cloudResource').map((e) => [e.identifier, e.title]), [['b', 'B']]);
    assert.deepEqual([...store.listEntities()].map((e) => [e.identifier, e.entity.title]), [['b', 'B']]);
  });

  it('applies a plan without changes by writing nothing', async () => {
    const { port, client, store, writesBefore } = await setUp();
    const serial = store.serial;

    const outcome = await guardThenApply({ plan: planFromDocument(aPlan([]), store.db), port: client, store, config: CONFIG, isMassDeleteAllowed: false });

    assert.deepEqual(outcome, { outcome: 'applied', result: { applied: { create: 0, update: 0, delete: 0 }, unchanged: 0, skipped: 0, failed: 0, failures: [] } });
    assert.equal(port.writes.length, writesBefore);
    assert.equal(store.serial, serial);
  });
});
