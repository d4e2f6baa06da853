import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateBudget, routeClassOf } from '../../src/port/rate-budget.js';

/** A budget on a fake clock whose sleeps move the clock. */
function fakeBudget(): { budget: RateBudget; slept: number[]; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  const slept: number[] = [];
  const budget = new RateBudget(
    () => clock.now,
    async (ms) => {
      slept.push(ms);
      clock.now += ms;
    },
  );
  return { budget, slept, clock };
}

describe(RateBudget.name, () => {
  it('sends freely until Port has said anything', async () => {
    const { budget, slept } = fakeBudget();
    for (let i = 0; i < 100; i++) await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, []);
  });

  it('spends what Port says is left, then paces at the rate Port refills', async () => {
    const { budget, slept } = fakeBudget();
    const ticket = await budget.acquire('bulkUpsert');
    // 10 tokens a bucket, 8 used, full again in 2 s: one token every 250 ms
    budget.observe('bulkUpsert', ticket, { remaining: 2, resetInMs: 2000, limit: 10 });
    await budget.acquire('bulkUpsert');
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, []);
    await budget.acquire('bulkUpsert');
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, [250, 250]);
  });

  it('waits for the reset when Port does not say its limit', async () => {
    const { budget, slept } = fakeBudget();
    budget.observe('bulkUpsert', await budget.acquire('bulkUpsert'), { remaining: 0, resetInMs: 30_000 });
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, [30_000]);
  });

  it('counts the requests sent after the one answered, and ignores older answers', async () => {
    const { budget, slept } = fakeBudget();
    const first = await budget.acquire('bulkUpsert');
    const second = await budget.acquire('bulkUpsert');
    await budget.acquire('bulkUpsert');
    // the answer to the second request: 2 left then, but one more was sent since
    budget.observe('bulkUpsert', second, { remaining: 2, resetInMs: 60_000 });
    // a late answer to the first request says more were left: it is stale
    budget.observe('bulkUpsert', first, { remaining: 50, resetInMs: 60_000 });
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, []);
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, [60_000]);
  });

  it('keeps route classes apart', async () => {
    const { budget, slept } = fakeBudget();
    budget.observe('bulkUpsert', await budget.acquire('bulkUpsert'), { remaining: 0, resetInMs: 10_000 });
    await budget.acquire('search');
    assert.deepEqual(slept, []);
  });
});

describe('routeClassOf', () => {
  it('names Port\'s rate-limit classes', () => {
    assert.equal(routeClassOf('POST', '/blueprints/b/entities/bulk'), 'bulkUpsert');
    assert.equal(routeClassOf('POST', '/blueprints/b/entities/search'), 'search');
    assert.equal(routeClassOf('POST', '/blueprints/b/entities'), 'singleUpsert');
    assert.equal(routeClassOf('POST', '/blueprints/b/bulk/entities/delete'), 'entities');
    assert.equal(routeClassOf('DELETE', '/blueprints/b/entities/e'), 'entities');
    assert.equal(routeClassOf('GET', '/blueprints/b'), 'blueprints');
    assert.equal(routeClassOf('POST', '/auth/access_token'), 'other');
  });
});
