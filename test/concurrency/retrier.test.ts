import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exponentialBackoffMs, Retrier, STANDARD_RETRY_BUDGET, type RetryPolicy } from '../../src/concurrency/index.js';

/** A policy that waits 1 ms per retry number (or the hint), with 3 attempts for every retried class. */
const POLICY: RetryPolicy = {
  maxAttempts: { throttling: 3, transient: 3, server: 3, client: 1 },
  delayMs: (_failure, retry, _random, hintMs) => hintMs ?? retry,
};

describe('Retrier', () => {
  it("retries each class as often as the policy says, and never a client failure", () => {
    const retrier = new Retrier(POLICY);
    assert.deepEqual([1, 2, 3].map((attempts) => retrier.delayBeforeRetry('server', attempts)), [1, 2, undefined]);
    assert.equal(retrier.delayBeforeRetry('client', 1), undefined);
    assert.equal(retrier.delayBeforeRetry('transient', 1, 7_000), 7_000, "the server's hint goes to the policy");
  });

  it('stops retrying when the budget is spent, whatever the policy allows, until successes refill it', () => {
    const retrier = new Retrier(POLICY, () => 0.5, { ...STANDARD_RETRY_BUDGET, capacity: 10 });
    assert.equal(retrier.delayBeforeRetry('server', 1), 1);
    assert.equal(retrier.delayBeforeRetry('server', 1), 1);
    assert.equal(retrier.delayBeforeRetry('server', 1), undefined, '10 tokens pay for two retries of a server error');
    assert.equal(retrier.delayBeforeRetry('throttling', 1), 1, 'throttling costs nothing: the rate limiter is its back-pressure');
    for (let i = 0; i < 5; i++) retrier.succeeded();
    assert.equal(retrier.delayBeforeRetry('server', 1), 1);
  });
});

describe('exponentialBackoffMs', () => {
  it('doubles its ceiling per retry up to the cap, drawing below it (full jitter) or in its upper half (equal jitter)', () => {
    const options = { baseMs: 100, capMs: 1_000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((retry) => exponentialBackoffMs(retry, 0.999, { ...options, jitter: 'full' }).toFixed(0)), ['100', '200', '400', '799', '999']);
    assert.deepEqual([1, 2, 5].map((retry) => exponentialBackoffMs(retry, 0, { ...options, jitter: 'equal' })), [50, 100, 500]);
    assert.equal(exponentialBackoffMs(3, 0, { ...options, jitter: 'full' }), 0);
  });
});
