import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OrderedResults } from '../../src/concurrency/index.js';

/** A promise with its resolve and reject at hand. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe(OrderedResults.name, () => {
  it('hands results back in the order they were added, however they complete', async () => {
    const results = new OrderedResults<string>();
    const first = deferred<string>();
    const third = deferred<string>();
    results.add(first.promise);
    results.add('second');
    results.add(third.promise);

    third.resolve('third');
    await third.promise;
    assert.deepEqual(results.takeReady(), [], 'nothing is ready while the first is pending');

    first.resolve('first');
    await first.promise;
    assert.deepEqual(results.takeReady(), ['first', 'second', 'third']);
    assert.equal(await results.takeNext(), undefined);
  });

  it('waits for the next result with takeNext', async () => {
    const results = new OrderedResults<number>();
    const pending = deferred<number>();
    results.add(pending.promise);
    setTimeout(() => pending.resolve(7), 5);

    assert.equal(await results.takeNext(), 7);
  });

  it('throws a failure at its turn, after the results before it, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const results = new OrderedResults<string>();
      const failing = deferred<string>();
      results.add('before');
      results.add(failing.promise);
      results.add('after');
      failing.reject(new Error('worker crashed'));
      await new Promise((resolve) => setImmediate(resolve));

      assert.equal(await results.takeNext(), 'before');
      assert.throws(() => results.takeReady(), /worker crashed/);
      assert.deepEqual(results.takeReady(), ['after']);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
