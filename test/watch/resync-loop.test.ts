import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextResyncDelay } from '../../src/watch/index.js';

const HOUR = 3_600_000;

describe('nextResyncDelay', () => {
  it('waits the interval moved by at most 10% either way', () => {
    assert.equal(nextResyncDelay(HOUR, true, () => 0), HOUR * 0.9);
    assert.equal(nextResyncDelay(HOUR, true, () => 0.5), HOUR);
    assert.equal(nextResyncDelay(HOUR, true, () => 0.999999), Math.round(HOUR * 1.0999998));
  });

  it('schedules nothing after a success with the interval off (only the resync at start)', () => {
    assert.equal(nextResyncDelay(0, true, () => 0.5), undefined);
  });

  it('retries a failed resync within a minute, even with the interval off', () => {
    assert.equal(nextResyncDelay(HOUR, false, () => 0.5), 60_000);
    assert.equal(nextResyncDelay(0, false, () => 0.5), 60_000);
    assert.equal(nextResyncDelay(10_000, false, () => 0.5), 10_000);
  });
});
