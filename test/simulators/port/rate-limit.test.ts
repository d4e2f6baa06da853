import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, startWithApi } from './sim-api.js';

const BULK = '/v1/blueprints/awsAccount/entities/bulk?upsert=true';
const T0 = Date.parse('2024-05-01T00:00:00Z');

/** 3 requests of burst, refilled at 1 per second (300 per 5-minute window). */
const SMALL = { bulkUpsert: { limit: 300, burst: 3 } };

describe('Port simulator: rate limits', () => {
  it('answers 429 past the burst, with the headers and Retry-After (reset in seconds)', async (t) => {
    const { api } = await startWithApi(t, { rateLimits: SMALL, now: () => T0 });

    const admitted = [];
    for (let i = 0; i < 3; i++) admitted.push(await api('POST', BULK, { entities: [account(`${i}`)] }));
    const throttled = await api('POST', BULK, { entities: [account('x')] });

    assert.deepEqual(admitted.map((answer) => answer.status), [200, 200, 200]);
    assert.deepEqual(
      admitted.map((answer) => answer.headers['x-ratelimit-remaining']),
      ['2', '1', '0'],
    );
    assert.equal(admitted[0]!.headers['x-ratelimit-limit'], '3');
    assert.equal(admitted[0]!.headers['x-ratelimit-reset'], '1');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error, 'too_many_requests');
    assert.equal(throttled.headers['x-ratelimit-remaining'], '0');
    assert.equal(throttled.headers['x-ratelimit-reset'], '3');
    assert.equal(throttled.headers['retry-after'], '1');
  });

  it('in the window model, counts requests per window and starts again when the window ends', async (t) => {
    let clock = T0;
    const { api } = await startWithApi(t, { rateLimits: { bulkUpsert: { limit: 3, burst: 1 } }, rateLimitModel: 'window', rateLimitWindowSeconds: 10, now: () => clock });

    const admitted = [];
    for (let i = 0; i < 3; i++) admitted.push(await api('POST', BULK, { entities: [account(`${i}`)] }));
    clock += 4_000;
    const throttled = await api('POST', BULK, { entities: [account('x')] });
    clock += 6_000;
    const nextWindow = await api('POST', BULK, { entities: [account('x')] });

    assert.deepEqual(admitted.map((answer) => answer.status), [200, 200, 200]);
    assert.deepEqual(admitted.map((answer) => answer.headers['x-ratelimit-remaining']), ['2', '1', '0']);
    assert.equal(admitted[0]!.headers['x-ratelimit-limit'], '3');
    assert.equal(admitted[0]!.headers['x-ratelimit-reset'], '10');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['x-ratelimit-reset'], '6');
    assert.equal(throttled.headers['retry-after'], '6');
    assert.equal(nextWindow.status, 200);
    assert.equal(nextWindow.headers['x-ratelimit-remaining'], '2');
  });

  it('writes the reset as epoch seconds when asked', async (t) => {
    const { api } = await startWithApi(t, { rateLimits: SMALL, rateLimitResetForm: 'epoch', now: () => T0 });

    for (let i = 0; i < 3; i++) await api('POST', BULK, { entities: [account(`${i}`)] });
    const throttled = await api('POST', BULK, { entities: [account('x')] });

    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['x-ratelimit-reset'], String(T0 / 1000 + 3));
  });

  it('admits again once the bucket refills, and leaves out Retry-After when told to', async (t) => {
    let clock = T0;
    const { api } = await startWithApi(t, { rateLimits: SMALL, sendRetryAfter: false, now: () => clock });
    for (let i = 0; i < 3; i++) await api('POST', BULK, { entities: [account(`${i}`)] });

    const throttled = await api('POST', BULK, { entities: [account('x')] });
    clock += 1_000;
    const refilled = await api('POST', BULK, { entities: [account('x')] });

    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], undefined);
    assert.equal(refilled.status, 200);
  });

  it('keeps one bucket per route class', async (t) => {
    const { api } = await startWithApi(t, { rateLimits: SMALL, now: () => T0 });
    for (let i = 0; i < 4; i++) await api('POST', BULK, { entities: [account(`${i}`)] });

    const search = await api('POST', '/v1/blueprints/awsAccount/entities/search', {});

    assert.equal(search.status, 200);
    assert.equal(search.headers['x-ratelimit-limit'], '3500');
  });

  it('sends no rate-limit headers and never throttles when rate limits are off (the default)', async (t) => {
    const { api } = await startWithApi(t);

    const answer = await api('GET', '/v1/blueprints');

    assert.equal(answer.headers['x-ratelimit-limit'], undefined);
  });

  it('holds the sending rate near the refill rate under steady pressure', async (t) => {
    let clock = T0;
    const { api } = await startWithApi(t, { rateLimits: { singleUpsert: { limit: 3000, burst: 5 } }, now: () => clock });

    // Given 200 requests, one every 50 ms (20/s) against a refill of 10/s
    let admitted = 0;
    for (let i = 0; i < 200; i++) {
      const answer = await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account(`${i % 5}`));
      if (answer.status === 201) admitted++;
      clock += 50;
    }

    // Then about 10 s x 10/s + the burst of 5 got through
    assert.ok(admitted >= 100 && admitted <= 106, `admitted ${admitted}`);
  });
});
