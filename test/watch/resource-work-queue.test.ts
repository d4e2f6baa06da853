import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceWorkQueue, type ResourceRef } from '../../src/watch/index.js';

const ref = (identifier: string, region = 'eu-west-1'): ResourceRef => ({ kind: 'AWS::EC2::Instance', account: '111111111111', region, identifier });

/** A queue on a hand-moved clock; `ready` counts onReady calls. */
function queueOnClock(windowMs = 100) {
  let now = 0;
  const state = { ready: 0 };
  const queue = new ResourceWorkQueue<string>(windowMs, () => state.ready++, () => now);
  return { queue, state, advance: (ms: number) => (now += ms) };
}

describe('ResourceWorkQueue', () => {
  it('holds a resource for the coalescing window, then hands it out once with every waiter', () => {
    const { queue, advance } = queueOnClock();
    queue.add(ref('i-1'), 'm1');
    advance(50);
    queue.add(ref('i-1'), 'm2');
    assert.deepEqual(queue.take(10), [], 'not ready within the window');
    advance(60);
    const [item, ...rest] = queue.take(10);
    assert.deepEqual(rest, []);
    assert.deepEqual(item?.waiters, ['m1', 'm2']);
    queue.close();
  });

  it('never hands out a resource twice at once; events during processing queue one more read', () => {
    const { queue, advance } = queueOnClock();
    queue.add(ref('i-1'), 'm1');
    advance(100);
    const [first] = queue.take(10);
    queue.add(ref('i-1'), 'm2');
    advance(100);
    assert.deepEqual(queue.take(10), [], 'still in process');
    queue.done(first!.key);
    assert.deepEqual(queue.take(10).map((i) => i.waiters), [['m2']]);
    queue.close();
  });

  it('keeps resources with one identifier in two regions apart, but a global kind once', () => {
    const { queue, advance } = queueOnClock();
    queue.add(ref('same', 'eu-west-1'), 'a');
    queue.add(ref('same', 'us-east-1'), 'b');
    queue.add({ kind: 'AWS::S3::Bucket', account: '111111111111', region: 'eu-west-1', identifier: 'logs' }, 'c');
    queue.add({ kind: 'AWS::S3::Bucket', account: '111111111111', region: 'us-east-1', identifier: 'logs' }, 'd');
    advance(100);
    assert.deepEqual(queue.take(10).map((i) => i.waiters), [['a'], ['b'], ['c', 'd']]);
    queue.close();
  });

  it('hands out at most `max`, oldest first', () => {
    const { queue, advance } = queueOnClock();
    for (const id of ['i-1', 'i-2', 'i-3']) queue.add(ref(id));
    advance(100);
    assert.deepEqual(queue.take(2).map((i) => i.ref.identifier), ['i-1', 'i-2']);
    assert.deepEqual(queue.take(2).map((i) => i.ref.identifier), ['i-3']);
    queue.close();
  });

  it('ends every window at once on flush', () => {
    const { queue } = queueOnClock(60_000);
    queue.add(ref('i-1'), 'm');
    queue.flush();
    assert.equal(queue.take(10).length, 1);
    queue.close();
  });

  it('calls onReady when the first window ends (real timers)', async () => {
    let calls = 0;
    const queue = new ResourceWorkQueue<string>(20, () => calls++);
    queue.add(ref('i-1'));
    queue.add(ref('i-2'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(calls, 1);
    assert.equal(queue.take(10).length, 2);
    queue.close();
  });
});
