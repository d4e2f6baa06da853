import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { request } from 'undici';
import { STANDARD_RETRY_BUDGET } from '../../src/concurrency/index.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { PortClient, type PortConnection } from '../../src/port/index.js';
import { startPortSimulator, type PortSimulator, type PortSimulatorOptions } from '../simulators/port/index.js';
import { aSerialized } from '../support/builders.js';

const UPSERT = { merge: true, createMissingRelatedEntities: true };
const accountEntity = (id: string) => aSerialized(id, { properties: {}, relations: {} });

/** A client on a fresh simulator that records the waits it asks for instead of sleeping. */
async function clientOn(options: PortSimulatorOptions = {}, connectionOptions: Partial<PortConnection> = {}): Promise<{ port: PortSimulator; client: PortClient; waits: number[] }> {
  const port = await startPortSimulator(options);
  const waits: number[] = [];
  const connection: PortConnection = {
    baseUrl: port.url,
    clientId: 'sim-client-id',
    clientSecret: 'sim-client-secret',
    userAgent: 'aws2port/test',
    connections: 4,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...connectionOptions,
  };
  const client = new PortClient(connection);
  after(async () => {
    await client.close();
    await port.close();
  });
  return { port, client, waits };
}

describe('PortClient', () => {
  it('reports each entity of a 207 partial result on its own', async () => {
    const { port, client } = await clientOn();
    port.faults.failEntities.set('b', { statusCode: 422, error: 'schema_mismatch', message: 'tags must be an array' });
    await client.upsertEntities('awsAccount', [accountEntity('111111111111')], UPSERT);
    const results = await client.upsertEntities('cloudResource', ['a', 'b', 'c'].map((id) => aSerialized(id)), UPSERT);
    assert.deepEqual(results.map((r) => [r.identifier, r.ok]), [['a', true], ['b', false], ['c', true]]);
    const failed = results[1]!;
    assert.ok(!failed.ok && failed.error === 'schema_mismatch');
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['a', 'c']);
  });

  it('splits a batch that Port answers with 413 and writes every entity', async () => {
    const { port, client } = await clientOn({ faults: { nextStatuses: [413] } });
    const results = await client.upsertEntities('cloudResource', ['a', 'b', 'c', 'd'].map((id) => aSerialized(id)), UPSERT);
    assert.ok(results.every((r) => r.ok));
    assert.equal(port.entities('cloudResource').length, 4);
    assert.deepEqual(port.writes.filter((w) => w.route === 'bulk-upsert').map((w) => w.status), [413, 200, 200]);
  });

  for (const form of ['seconds', 'epoch'] as const) {
    it(`waits as x-ratelimit-reset says (${form} form) after a 429, then succeeds`, async () => {
      const { port, client, waits } = await clientOn({ rateLimitResetForm: form, sendRetryAfter: false, faults: { nextStatuses: [429], retryAfterSeconds: 7 } });
      const results = await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
      assert.ok(results[0]!.ok);
      // one wait for the reset (the pacing of the retry itself is a matter of ms)
      const resetWaits = waits.filter((ms) => ms >= 1000);
      assert.equal(resetWaits.length, 1);
      // epoch seconds are whole: the reset may be up to a second later than 7 s from now
      assert.ok(resetWaits[0]! >= 5_900 && resetWaits[0]! <= 8_200, `waited ${resetWaits[0]} ms`);
      assert.equal(port.entities('cloudResource').length, 1);
    });
  }

  it('honours Retry-After when Port sends it', async () => {
    const { client, waits } = await clientOn({ faults: { nextStatuses: [429], retryAfterSeconds: 3 } });
    await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    assert.ok(waits[0]! >= 3_000 && waits[0]! < 3_200, `waited ${waits[0]} ms`);
  });

  it('retries 5xx answers with growing backoff until one succeeds', async () => {
    const { port, client, waits } = await clientOn({ faults: { nextStatuses: [500, 502, 503, 504] } });
    const results = await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    assert.ok(results[0]!.ok);
    assert.equal(waits.length, 4);
    assert.ok(waits[3]! > waits[0]!);
    assert.equal(port.entities('cloudResource').length, 1);
  });

  it('tries a 500 three times in all, not ten, and says so in the failure', async () => {
    const { port, client, waits } = await clientOn({ faults: { nextStatuses: Array.from({ length: 10 }, () => 500) } });
    const [result] = await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    assert.ok(result && !result.ok);
    assert.equal(result.statusCode, 500);
    assert.equal(port.writes.length, 3);
    assert.equal(waits.length, 2);
    const waited = (waits[0]! + waits[1]!) / 1000;
    assert.ok(result.message.endsWith(`(3 attempts over ${waited.toFixed(1)} s)`), result.message);
  });

  it('gives up on a read after 10 attempts of a 503, naming the attempts and the time waited', async () => {
    // The fake sleep also records the rate budget's pacing waits: the retries' own are at least 9.
    const { port, client, waits } = await clientOn({ faults: { nextStatuses: Array.from({ length: 10 }, () => 503) } });
    await assert.rejects(client.getBlueprint('cloudResource'), (error: unknown) => {
      assert.ok(isAws2PortError(error, 'PortRequestFailed'), String(error));
      const waitedAtMost = waits.reduce((sum, ms) => sum + ms, 0);
      assert.equal(error.retries?.attempts, 10);
      assert.ok(waits.length >= 9 && error.retries.totalDelayMs > 0 && error.retries.totalDelayMs <= waitedAtMost, `waited ${error.retries.totalDelayMs} ms`);
      assert.equal(error.detail, `Gave up after 10 attempts over ${(error.retries.totalDelayMs / 1000).toFixed(1)} s.`);
      return true;
    });
    assert.equal(port.faults.nextStatuses.length, 0, 'every forced 503 was answered');
  });

  it('stops retrying when the retry budget is spent, and gives up at the first failure until answers come back', async () => {
    // A budget for three retries of a 503 (10 tokens each) of the standard strategy's costs.
    const retryBudget = { ...STANDARD_RETRY_BUDGET, capacity: 30 };
    const { port, client } = await clientOn({ faults: { nextStatuses: Array.from({ length: 20 }, () => 503) } }, { retryBudget });
    const givenUp = async () => {
      try {
        await client.getBlueprint('cloudResource');
      } catch (error) {
        assert.ok(isAws2PortError(error, 'PortRequestFailed'), String(error));
        return error.retries?.attempts;
      }
      assert.fail('the read succeeded');
    };
    assert.equal(await givenUp(), 4);
    assert.equal(await givenUp(), 1);
    assert.equal(port.faults.nextStatuses.length, 15, 'five requests reached Port');
  });

  it('gets a new token once when Port answers 401, then succeeds', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    // Another token for the same credential: Port invalidates the client's.
    await request(`${port.url}/v1/auth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'sim-client-id', clientSecret: 'sim-client-secret' }) }).then((r) => r.body.text());
    const results = await client.upsertEntities('cloudResource', [aSerialized('b')], UPSERT);
    assert.ok(results[0]!.ok);
  });

  it('fails with PortAuthFailed on wrong credentials, naming the variables to check', async () => {
    const port = await startPortSimulator();
    after(() => port.close());
    const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'wrong', userAgent: 'aws2port/test', connections: 1 });
    await assert.rejects(client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT), (error: Error & { code?: string; detail?: string }) => error.code === 'PortAuthFailed' && /PORT_CLIENT_SECRET/.test(error.detail ?? ''));
    await client.close();
  });

  it('fails with PortRequestFailed, not an auth failure, when Port cannot be reached or cannot issue a token', async () => {
    const noWait = async () => undefined;
    const unreachable = new PortClient({ baseUrl: 'http://127.0.0.1:9', clientId: 'id', clientSecret: 'secret', userAgent: 'aws2port/test', connections: 1, sleep: noWait });
    await assert.rejects(unreachable.upsertEntities('cloudResource', [aSerialized('a')], UPSERT), (error: Error & { code?: string }) => error.code === 'PortRequestFailed' && error.message.startsWith('Cannot reach Port at http://127.0.0.1:9'));
    await unreachable.close();

    const { client } = await clientOn({ faults: { nextTokenStatuses: Array.from({ length: 10 }, () => 503) } });
    await assert.rejects(client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT), (error: Error & { code?: string }) => error.code === 'PortRequestFailed' && /HTTP 503/.test(error.message));
  });

  it('deletes a batch with one request on Port\'s bulk delete route', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('cloudResource', ['a', 'b', 'c'].map((id) => aSerialized(id)), UPSERT);
    const results = await client.deleteEntities('cloudResource', ['a', 'b', 'c'], false);
    assert.ok(results.every((r) => r.ok));
    assert.deepEqual(port.writes.filter((w) => w.route.includes('delete')).map((w) => [w.method, w.route, w.status]), [['POST', 'bulk-delete', 200]]);
    assert.equal(port.entities('cloudResource').length, 0);
  });

  it('counts only the entities Port names as deleted when it deletes a batch in part; the other fails with Port\'s reason', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('cloudResource', ['a', 'b', 'c'].map((id) => aSerialized(id)), UPSERT);
    port.faults.failDeletes.set('b', { statusCode: 403, error: 'forbidden', message: 'not yours' });
    const results = await client.deleteEntities('cloudResource', ['a', 'b', 'c'], false);
    assert.deepEqual(results.map((r) => [r.identifier, r.ok]), [['a', true], ['b', false], ['c', true]]);
    const kept = results[1]!;
    assert.ok(!kept.ok && kept.statusCode === 403 && kept.error === 'forbidden');
    assert.deepEqual(port.entities('cloudResource').map((e) => e.identifier), ['b']);
  });

  it('deletes one by one what Port refuses in bulk for dependents: the others go, the one with dependents fails', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('awsAccount', ['111111111111', '222222222222'].map(accountEntity), UPSERT);
    await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    const results = await client.deleteEntities('awsAccount', ['111111111111', '222222222222'], false);
    assert.deepEqual(results.map((r) => [r.identifier, r.ok]), [['111111111111', false], ['222222222222', true]]);
    const kept = results[0]!;
    assert.ok(!kept.ok && kept.statusCode === 422 && kept.error === 'has_dependents');
    assert.deepEqual(port.entities('awsAccount').map((e) => e.identifier), ['111111111111']);
  });

  it('counts a delete of an entity already gone as done', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    const results = await client.deleteEntities('cloudResource', ['a', 'never-existed'], true);
    assert.deepEqual(results.map((r) => [r.identifier, r.ok]), [['a', true], ['never-existed', true]]);
    assert.equal(port.entities('cloudResource').length, 0);
  });

  it('asks a search for $identifier and the fields named, and Port answers only those', async () => {
    const { client } = await clientOn();
    await client.upsertEntities('cloudResource', [aSerialized('a', { properties: { kind: 'AWS::S3::Bucket', region: 'us-east-1' } })], UPSERT);
    const query = { combinator: 'and' as const, rules: [{ property: '$identifier', operator: 'in', value: ['a'] }] };
    const pages = [];
    for await (const page of client.searchEntities('cloudResource', query, ['$title', 'region', 'account'])) pages.push(...page);
    assert.deepEqual(pages, [{ identifier: 'a', title: 'a', properties: { region: 'us-east-1' }, relations: { account: '111111111111' } }]);
  });

  it('leaves null title, icon and team out of an upsert, as Port\'s contract has no null for them', async () => {
    const { port, client } = await clientOn();
    const [result] = await client.upsertEntities('cloudResource', [aSerialized('a', { title: null, icon: null, team: null })], { merge: false, createMissingRelatedEntities: true });
    assert.ok(result!.ok);
    assert.deepEqual([port.entity('cloudResource', 'a')!.title, port.entity('cloudResource', 'a')!.icon, port.entity('cloudResource', 'a')!.team], [null, null, []]);
  });

  it('sends its User-Agent, which Port records as the datasource', async () => {
    const { port, client } = await clientOn();
    await client.upsertEntities('cloudResource', [aSerialized('a')], UPSERT);
    assert.equal(port.entity('cloudResource', 'a')?.$datasource, 'aws2port/test');
  });
});

/**
 * 40 bulk requests at once (800 entities) through a client on a Port limited to 10 requests/s: a bucket
 * of `bucketBurst` refilled at 10/s, or 20 requests per 2-second window. Returns Port's answers' statuses.
 */
async function writeUnderLimit(model: 'bucket' | 'window', bucketBurst: number, faults: PortSimulatorOptions['faults'] = {}): Promise<number[]> {
  const limits = model === 'bucket' ? { bulkUpsert: { limit: 3000, burst: bucketBurst } } : { bulkUpsert: { limit: 20, burst: 20 } };
  const port = await startPortSimulator({ rateLimits: limits, rateLimitModel: model, rateLimitWindowSeconds: model === 'bucket' ? 300 : 2, faults });
  const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/test', connections: 64 });
  after(async () => {
    await client.close();
    await port.close();
  });
  const results = await client.upsertEntities('cloudResource', Array.from({ length: 800 }, (_, i) => aSerialized(`e${i}`)), UPSERT);
  assert.ok(results.every((r) => r.ok));
  return port.writes.filter((w) => w.route === 'bulk-upsert').map((w) => w.status);
}

describe('PortClient under Port\'s rate limits', () => {
  for (const model of ['bucket', 'window'] as const) {
    it(`learns the rate from the 429s (${model} model): the requests behind a 429 wait with it instead of drawing their own`, async () => {
      const answers = await writeUnderLimit(model, 3);
      const throttled = answers.filter((status) => status === 429).length;
      assert.ok(throttled <= 6, `${throttled} requests of ${answers.length} answered 429`);
    });

    it(`stops before Port's quota is spent when its headers say so (${model} model): no request draws a 429`, async () => {
      const answers = await writeUnderLimit(model, 10, { latencyMs: 20 });
      assert.deepEqual([answers.length, answers.filter((status) => status === 429).length], [40, 0]);
    });
  }
});
