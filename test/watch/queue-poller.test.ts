import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pause } from '../../src/watch/pause.js';
import { QueuePoller } from '../../src/watch/queue-poller.js';
import type { ReceivedMessage } from '../../src/watch/held-message.js';

const messages = (n: number): ReceivedMessage[] => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, receiptHandle: `h${i}`, body: '{}', sentAtMs: 0, receiveCount: 1 }));

/** A queue that answers full batches while `backlog` lasts, then long-polls (until aborted). */
function backlogQueue(backlog: number) {
  let left = backlog;
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    stats: () => ({ mostInFlight, left }),
    receive: async (signal: AbortSignal): Promise<ReceivedMessage[]> => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        if (left > 0) {
          await pause(5);
          left -= 10;
          return messages(10);
        }
        await pause(200, signal);
        return [];
      } finally {
        inFlight--;
      }
    },
  };
}

describe('QueuePoller', () => {
  it('adds polls while the queue answers full batches, up to the limit, and goes back to one when quiet', async () => {
    const queue = backlogQueue(200);
    let received = 0;
    const poller = new QueuePoller({ receive: queue.receive, onMessages: (m) => (received += m.length), onError: () => {}, hasRoom: () => true }, 4);
    poller.start();
    while (queue.stats().left > 0) await pause(5);
    await pause(450);
    assert.equal(queue.stats().mostInFlight, 4);
    assert.equal(poller.pollers, 1);
    await poller.stop();
    assert.ok(received >= 200);
  });

  it('does not poll while too many messages are in hand', async () => {
    const queue = backlogQueue(1000);
    let received = 0;
    const poller = new QueuePoller({ receive: queue.receive, onMessages: (m) => (received += m.length), onError: () => {}, hasRoom: () => received < 30 }, 4);
    poller.start();
    while (received < 30) await pause(5);
    await pause(100);
    await poller.stop();
    assert.ok(received <= 70, `received ${received}`);
  });

  it('retries after a failed poll, and stops at once while a long poll is pending', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const poller = new QueuePoller({
      receive: async (signal) => {
        calls++;
        if (calls === 1) throw new Error('connection reset');
        await pause(20_000, signal);
        isEndedByStop = signal.aborted;
        return [];
      },
      onMessages: () => {},
      onError: (e) => errors.push(e),
      hasRoom: () => true,
    });
    let isEndedByStop = false;
    poller.start();
    while (calls < 2) await pause(5);
    await poller.stop();
    assert.ok(isEndedByStop, 'stop ended the pending long poll rather than waiting for its answer');
    assert.equal(errors.length, 1);
    assert.equal(calls, 2);
  });
});
