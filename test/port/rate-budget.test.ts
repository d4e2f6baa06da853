import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PORT_AIMD_SETTINGS, RateBudget, routeClassOf } from '../../src/port/rate-budget.js';

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
  it('sends its first requests at once, then paces them evenly at its rate', async () => {
    const { budget, slept } = fakeBudget();
    // 10 requests/s, 5 at once at first
    for (let i = 0; i < 5; i++) budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    assert.deepEqual(slept, []);
    budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    assert.equal(slept.length, 2);
    assert.ok(slept.every((ms) => ms >= 40 && ms <= 100), `slept ${slept}`);
  });

  it('goes faster while Port accepts everything and requests wait', async () => {
    const { budget } = fakeBudget();
    const before = budget.rateOf('bulkUpsert');
    for (let i = 0; i < 100; i++) budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    assert.ok(budget.rateOf('bulkUpsert') > 2 * before, `rate ${before} -> ${budget.rateOf('bulkUpsert')}`);
  });

  it('after a 429, slows down and pauses the class for the wait Port names', async () => {
    const { budget, slept, clock } = fakeBudget();
    for (let i = 0; i < 50; i++) budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    const before = budget.rateOf('bulkUpsert');
    budget.settle(await budget.acquire('bulkUpsert'), 429, 3000);
    slept.length = 0;
    const pausedAt = clock.now;
    const next = await budget.acquire('bulkUpsert');
    assert.ok(next.sentAt >= pausedAt + 3000, 'no request before the wait is over');
    assert.ok(budget.rateOf('bulkUpsert') < before, `rate ${before} -> ${budget.rateOf('bulkUpsert')}`);
  });

  it('cuts the rate once for the 429s of requests that were in flight together', async () => {
    const { budget } = fakeBudget();
    for (let i = 0; i < 50; i++) budget.settle(await budget.acquire('bulkUpsert'), 200, undefined);
    const together = [await budget.acquire('bulkUpsert'), await budget.acquire('bulkUpsert')];
    const before = budget.rateOf('bulkUpsert');
    for (const permit of together) budget.settle(permit, 429, 1000);
    assert.equal(budget.rateOf('bulkUpsert'), before * PORT_AIMD_SETTINGS.decreaseFactor);
  });

  it('holds until the reset, and slows down, when Port says the requests in flight spend what is left', async () => {
    const { budget, clock } = fakeBudget();
    const [first, second, third] = [await budget.acquire('bulkUpsert'), await budget.acquire('bulkUpsert'), await budget.acquire('bulkUpsert')];
    const before = budget.rateOf('bulkUpsert');
    // 3 left and 2 others in flight: a request sent now would still be admitted
    budget.settle(first!, 200, undefined, { remaining: 3, resetMs: 4000 });
    assert.ok(budget.rateOf('bulkUpsert') >= before);
    // 1 left and 1 other in flight: the next one would draw a 429
    budget.settle(second!, 200, undefined, { remaining: 1, resetMs: 4000 });
    const heldAt = clock.now;
    const next = await budget.acquire('bulkUpsert');
    assert.ok(next.sentAt >= heldAt + 4000, 'no request before the reset');
    assert.equal(budget.rateOf('bulkUpsert'), before * PORT_AIMD_SETTINGS.decreaseFactor);
    budget.settle(third!, 200, undefined, { remaining: 0, resetMs: 4000 });
  });

  it('keeps route classes apart', async () => {
    const { budget, slept } = fakeBudget();
    budget.settle(await budget.acquire('bulkUpsert'), 429, 10_000);
    budget.settle(await budget.acquire('search'), 200, undefined);
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
