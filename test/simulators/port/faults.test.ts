import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, startWithApi } from './sim-api.js';

const BULK = '/v1/blueprints/awsAccount/entities/bulk?upsert=true';

describe('Port simulator: faults', () => {
  it('answers nextStatuses in order, then behaves normally', async (t) => {
    const { sim, api } = await startWithApi(t);
    sim.faults.nextStatuses.push(429, 500, 502, 503, 504, 413);

    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api('POST', BULK, { entities: [account('1')] })).status);

    assert.deepEqual(statuses, [429, 500, 502, 503, 504, 413, 200]);
    assert.deepEqual(sim.faults.nextStatuses, []);
  });

  it('gives a forced 429 the rate-limit headers even when rate limits are off', async (t) => {
    const { sim, api } = await startWithApi(t, { faults: { nextStatuses: [429], retryAfterSeconds: 2 } });

    const answer = await api('POST', BULK, { entities: [account('1')] });

    assert.equal(answer.status, 429);
    assert.equal(answer.body.error, 'too_many_requests');
    assert.equal(answer.headers['x-ratelimit-remaining'], '0');
    assert.equal(answer.headers['x-ratelimit-reset'], '2');
    assert.equal(answer.headers['retry-after'], '2');
    assert.equal(answer.headers['x-ratelimit-limit'], '3500');
    assert.deepEqual(sim.entities('awsAccount'), [], 'a faulted request writes nothing');
  });

  it('does not spend a fault on the token request', async (t) => {
    const { sim, api } = await startWithApi(t, { faults: { nextStatuses: [503] } });

    const answer = await api('GET', '/v1/blueprints');

    assert.equal(answer.status, 503);
    assert.equal(sim.faults.nextStatuses.length, 0);
  });

  it('fails a single upsert of a failEntities identifier with its status', async (t) => {
    const { sim, api } = await startWithApi(t);
    sim.faults.failEntities.set('1', { statusCode: 404, error: 'not_found', message: 'injected' });

    const answer = await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1'));

    assert.equal(answer.status, 404);
    assert.deepEqual(answer.body, { ok: false, error: 'not_found', message: 'injected' });
    assert.equal(sim.entity('awsAccount', '1'), undefined);
  });

  it('delays every answer by latencyMs', async (t) => {
    const { sim, api } = await startWithApi(t);
    sim.faults.latencyMs = 120;

    const started = performance.now();
    await api('GET', '/v1/blueprints');
    const elapsed = performance.now() - started;

    assert.ok(elapsed >= 110, `elapsed ${elapsed} ms`);
  });
});
