import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Semaphore } from '../../src/concurrency/index.js';

describe(Semaphore.name, () => {
  it('runs at most its capacity at once, the others in arrival order', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const release: Array<() => void> = [];
    const tasks = [0, 1, 2, 3].map((i) =>
      semaphore.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      }),
    );
    while (started.length < 4) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    release.forEach((r) => r());
    await Promise.all(tasks);
    assert.equal(most, 2);
    assert.deepEqual(started, [0, 1, 2, 3]);
  });

  it('frees the permit of a task that fails', async () => {
    const semaphore = new Semaphore(1);
    await assert.rejects(semaphore.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await semaphore.run(async () => 'next'), 'next');
  });

  it('refuses a capacity below 1', () => {
    assert.throws(() => new Semaphore(0), RangeError);
  });
});
