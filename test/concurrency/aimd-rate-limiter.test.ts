import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AimdRateLimiter, type AimdSettings } from '../../src/concurrency/index.js';

const SETTINGS: AimdSettings = { initialRate: 10, initialBurstSeconds: 0.5, minRate: 2, maxRate: 50, increasePerSecond: 1, decreaseFactor: 0.5 };

describe(AimdRateLimiter.name, () => {
  it('starts with half a second of calls in hand, then lets calls leave evenly spaced at its rate', () => {
    const limiter = new AimdRateLimiter(SETTINGS, 0);
    for (let i = 0; i < 5; i++) {
      assert.equal(limiter.waitMs(0), 0);
      limiter.take(0);
    }
    assert.equal(limiter.waitMs(0), 100);
    assert.equal(limiter.waitMs(60), 40);
    // a long quiet spell saves up one token, no more
    assert.equal(limiter.waitMs(5000), 0);
    limiter.take(5000);
    assert.ok(limiter.waitMs(5000) > 0);
  });

  it('grows quickly before the first throttle, and only while calls wait for it', () => {
    const limiter = new AimdRateLimiter(SETTINGS, 0);
    limiter.onSuccess(false);
    assert.equal(limiter.rate, 10);
    for (let i = 0; i < 10; i++) limiter.onSuccess(true);
    assert.equal(limiter.rate, 20);
    for (let i = 0; i < 100; i++) limiter.onSuccess(true);
    assert.equal(limiter.rate, 50);
  });

  it('cuts its rate once per round trip, whatever the number of throttles of calls already sent', () => {
    const limiter = new AimdRateLimiter(SETTINGS, 0);
    const sent = [limiter.take(0), limiter.take(1000), limiter.take(2000)];
    // When the three calls sent at 10/s are all throttled
    for (const call of sent) limiter.onThrottle(call);
    // Then the rate is cut once
    assert.equal(limiter.rate, 5);
    // And a throttle of a call sent after the cut cuts again
    limiter.onThrottle(limiter.take(3000));
    assert.equal(limiter.rate, 2.5);
    limiter.onThrottle(limiter.take(4000));
    assert.equal(limiter.rate, 2, 'never below minRate');
  });

  it('recovers additively after a throttle: one call per second gained per second of full use', () => {
    const limiter = new AimdRateLimiter(SETTINGS, 0);
    limiter.onThrottle(limiter.take(0));
    assert.equal(limiter.rate, 5);
    // one second of calls at about 5/s, all successful and all waiting for the limiter
    for (let i = 0; i < 5; i++) limiter.onSuccess(true);
    assert.ok(limiter.rate > 5.9 && limiter.rate < 6.1, `rate ${limiter.rate}`);
  });

  it('climbs back fast to where the first cut left it after a burst of throttles cut deeper', () => {
    const limiter = new AimdRateLimiter({ ...SETTINGS, initialRate: 16 }, 0);
    limiter.onThrottle(limiter.take(0)); // 16 -> 8: where the series' first cut left it
    limiter.onThrottle(limiter.take(1000)); // -> 4
    limiter.onThrottle(limiter.take(2000)); // -> 2
    assert.equal(limiter.rate, 2);
    for (let i = 0; i < 6; i++) limiter.onSuccess(true);
    assert.equal(limiter.rate, 8, 'one call per second per success, up to 8');
    limiter.onSuccess(true);
    assert.ok(limiter.rate > 8 && limiter.rate < 8.2, `then slowly: ${limiter.rate}`);
  });
});
