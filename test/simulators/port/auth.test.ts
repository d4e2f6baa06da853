import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startPortSimulator } from './port-simulator.js';
import { call, fetchToken } from './sim-api.js';

describe('Port simulator: auth', () => {
  it('issues a bearer token for the right credentials and accepts it', async (t) => {
    const sim = await startPortSimulator();
    t.after(() => sim.close());

    const answer = await call(sim, 'POST', '/v1/auth/access_token', {
      body: { clientId: 'sim-client-id', clientSecret: 'sim-client-secret' },
    });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.ok, true);
    assert.equal(answer.body.tokenType, 'Bearer');
    assert.equal(answer.body.expiresIn, 10800);
    assert.equal(typeof answer.body.accessToken, 'string');
    const blueprints = await call(sim, 'GET', '/v1/blueprints', { token: answer.body.accessToken });
    assert.equal(blueprints.status, 200);
  });

  it('refuses a wrong secret with 401 invalid_credentials', async (t) => {
    const sim = await startPortSimulator();
    t.after(() => sim.close());

    const answer = await call(sim, 'POST', '/v1/auth/access_token', {
      body: { clientId: 'sim-client-id', clientSecret: 'wrong' },
    });

    assert.equal(answer.status, 401);
    assert.deepEqual({ ok: answer.body.ok, error: answer.body.error }, { ok: false, error: 'invalid_credentials' });
    assert.equal(typeof answer.body.message, 'string');
    assert.doesNotMatch(answer.body.message, /wrong/);
  });

  it('answers the forced nextTokenStatuses to token requests, then issues tokens again', async (t) => {
    const sim = await startPortSimulator({ faults: { nextTokenStatuses: [503] } });
    t.after(() => sim.close());
    const credentials = { body: { clientId: 'sim-client-id', clientSecret: 'sim-client-secret' } };

    const failed = await call(sim, 'POST', '/v1/auth/access_token', credentials);
    const issued = await call(sim, 'POST', '/v1/auth/access_token', credentials);

    assert.equal(failed.status, 503);
    assert.equal(failed.body.ok, false);
    assert.equal(issued.status, 200);
    assert.equal(typeof issued.body.accessToken, 'string');
  });

  it('refuses API calls without a token or with an unknown one', async (t) => {
    const sim = await startPortSimulator();
    t.after(() => sim.close());

    const missing = await call(sim, 'GET', '/v1/blueprints/awsAccount');
    const unknown = await call(sim, 'GET', '/v1/blueprints/awsAccount', { token: 'made-up' });

    assert.equal(missing.status, 401);
    assert.equal(missing.body.error, 'unauthorized');
    assert.equal(unknown.status, 401);
  });

  it('refuses a token superseded by a newer one for the same credential', async (t) => {
    const sim = await startPortSimulator();
    t.after(() => sim.close());

    const first = await fetchToken(sim);
    const second = await fetchToken(sim);

    assert.equal((await call(sim, 'GET', '/v1/blueprints', { token: first })).status, 401);
    assert.equal((await call(sim, 'GET', '/v1/blueprints', { token: second })).status, 200);
  });

  it('refuses a token once its lifetime has passed', async (t) => {
    let clock = Date.parse('2024-05-01T00:00:00Z');
    const sim = await startPortSimulator({ tokenTtlSeconds: 60, now: () => clock });
    t.after(() => sim.close());
    const token = await fetchToken(sim);

    // Given a token 59 s old, then 60 s old
    clock += 59_000;
    const before = await call(sim, 'GET', '/v1/blueprints', { token });
    clock += 1_000;
    const after = await call(sim, 'GET', '/v1/blueprints', { token });

    assert.equal(before.status, 200);
    assert.equal(after.status, 401);
    assert.match(after.body.message, /expired/);
  });

  it('accepts other credentials when configured, and names them in env()', async (t) => {
    const sim = await startPortSimulator({ clientId: 'id-2', clientSecret: 'secret-2' });
    t.after(() => sim.close());

    assert.deepEqual(sim.env(), { PORT_BASE_URL: sim.url, PORT_CLIENT_ID: 'id-2', PORT_CLIENT_SECRET: 'secret-2' });
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(typeof (await fetchToken(sim)), 'string');
  });
});
