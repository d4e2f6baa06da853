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

  it('spends what Port says is left, then waits for the reset instead of drawing 429s', async () => {
    const { budget, slept } = fakeBudget();
    budget.observe('bulkUpsert', 2, 30_000);
    await budget.acquire('bulkUpsert');
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, []);
    await budget.acquire('bulkUpsert');
    assert.deepEqual(slept, [30_000]);
  });

  it('keeps route classes apart', async () => {
    const { budget, slept } = fakeBudget();
    budget.observe('bulkUpsert', 0, 10_000);
    await budget.acquire('search');
    assert.deepEqual(slept, []);
  });
});

describe('routeClassOf', () => {
  it('names Port\'s rate-limit classes', () => {
    assert.equal(routeClassOf('POST', '/blueprints/b/entities/bulk'), 'bulkUpsert');
    assert.equal(routeClassOf('POST', '/blueprints/b/entities/search'), 'search');
    assert.equal(routeClassOf('POST', '/blueprints/b/entities'), 'singleUpsert');
    assert.equal(routeClassOf('DELETE', '/blueprints/b/bulk/entities'), 'entities');
    assert.equal(routeClassOf('GET', '/blueprints/b'), 'blueprints');
    assert.equal(routeClassOf('POST', '/auth/access_token'), 'other');
  });
});
