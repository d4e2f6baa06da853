import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeldMessage } from '../../src/watch/held-message.js';

const message = { id: 'm', receiptHandle: 'h', body: '{}', sentAtMs: 0, receiveCount: 1 };

describe('HeldMessage', () => {
  it('settles applied only when every resource was applied (or unreadable)', () => {
    const held = new HeldMessage(message, 3);
    assert.equal(held.record('applied'), undefined);
    assert.equal(held.record('unreadable'), undefined);
    assert.equal(held.record('applied'), 'applied');
  });

  it('settles failed when any resource failed, so that the message stays in the queue', () => {
    const held = new HeldMessage(message, 2);
    held.record('failed');
    assert.equal(held.record('applied'), 'failed');
  });

  it('settles poison when a resource could not be mapped, even beside a failure, so that it ends in the dead-letter queue', () => {
    const held = new HeldMessage(message, 3);
    held.record('applied');
    held.record('unmappable');
    assert.equal(held.record('failed'), 'poison');
  });

  it('settles unreadable when no resource could be read at all', () => {
    assert.equal(new HeldMessage(message, 1).record('unreadable'), 'unreadable');
  });
});
