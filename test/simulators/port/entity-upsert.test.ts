import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, resource, startWithApi, TEST_USER_AGENT } from './sim-api.js';

const UPSERT = '/v1/blueprints/awsAccount/entities?upsert=true';

describe('Port simulator: upsert one entity', () => {
  it('creates with 201 and keeps the meta: times, client id, User-Agent as $datasource', async (t) => {
    const { sim, api } = await startWithApi(t, { now: () => Date.parse('2024-05-01T12:00:00Z') });

    const answer = await api('POST', `${UPSERT}&merge=true`, account('111111111111', { email: 'a@example.com' }));

    assert.equal(answer.status, 201);
    assert.equal(answer.body.ok, true);
    assert.equal(answer.body.entity.identifier, '111111111111');
    const stored = sim.entity('awsAccount', '111111111111');
    assert.deepEqual(stored, {
      identifier: '111111111111',
      blueprint: 'awsAccount',
      title: 'Account 111111111111',
      icon: null,
      team: [],
      properties: { arn: 'arn:aws:::111111111111', email: 'a@example.com' },
      relations: {},
      $createdAt: '2024-05-01T12:00:00.000Z',
      $updatedAt: '2024-05-01T12:00:00.000Z',
      $createdBy: 'sim-client-id',
      $updatedBy: 'sim-client-id',
      $datasource: TEST_USER_AGENT,
    });
  });

  it('with merge=true changes only the fields sent, properties key by key', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', UPSERT, { ...account('1', { email: 'old@example.com' }), icon: 'AWS', team: 'platform' });

    await api('POST', `${UPSERT}&merge=true`, { identifier: '1', properties: { email: 'new@example.com' } });

    const stored = sim.entity('awsAccount', '1')!;
    assert.equal(stored.title, 'Account 1');
    assert.equal(stored.icon, 'AWS');
    assert.deepEqual(stored.team, ['platform']);
    assert.deepEqual(stored.properties, { arn: 'arn:aws:::1', email: 'new@example.com' });
  });

  it('with merge=false replaces the entity: fields not sent are gone', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', UPSERT, { ...account('1', { email: 'old@example.com' }), team: ['a', 'b'] });

    await api('POST', `${UPSERT}&merge=false`, { identifier: '1', properties: { status: 'ACTIVE' } });

    const stored = sim.entity('awsAccount', '1')!;
    assert.equal(stored.title, null);
    assert.deepEqual(stored.team, []);
    assert.deepEqual(stored.properties, { status: 'ACTIVE' });
  });

  it('keeps $createdAt and moves $updatedAt and $datasource on an update', async (t) => {
    let clock = Date.parse('2024-05-01T00:00:00Z');
    const { sim, api } = await startWithApi(t, { now: () => clock });
    await api('POST', UPSERT, account('1'));

    clock += 60_000;
    await api('POST', UPSERT, account('1'), { userAgent: 'someone-else/1.0' });

    const stored = sim.entity('awsAccount', '1')!;
    assert.equal(stored.$createdAt, '2024-05-01T00:00:00.000Z');
    assert.equal(stored.$updatedAt, '2024-05-01T00:01:00.000Z');
    assert.equal(stored.$datasource, 'someone-else/1.0');
  });

  it('refuses an existing identifier with 409 when upsert=false, and leaves it unchanged', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', UPSERT, account('1'));

    const answer = await api('POST', '/v1/blueprints/awsAccount/entities?upsert=false', {
      identifier: '1',
      title: 'changed',
    });

    assert.equal(answer.status, 409);
    assert.equal(answer.body.error, 'identifier_taken');
    assert.equal(sim.entity('awsAccount', '1')!.title, 'Account 1');
  });

  it('checks each property against the blueprint: type, enum, date-time and url formats', async (t) => {
    const { sim, api } = await startWithApi(t);
    const cases: [string, string, Record<string, unknown>][] = [
      ['awsAccount', 'undeclared property', { identifier: 'a', properties: { colour: 'red' } }],
      ['awsAccount', 'wrong type', { identifier: 'a', properties: { email: 42 } }],
      ['awsAccount', 'value outside the enum', { identifier: 'a', properties: { joined_method: 'STOLEN' } }],
      ['awsAccount', 'not a date-time', { identifier: 'a', properties: { joined_timestamp: '2024-05-01' } }],
      ['cloudResource', 'not a url', { ...resource('r', 'a'), properties: { link: 'console/s3' } }],
      ['cloudResource', 'not an array', { ...resource('r', 'a'), properties: { tags: 'a=b' } }],
    ];
    await api('POST', UPSERT, account('a'));

    for (const [blueprint, why, entity] of cases) {
      const answer = await api('POST', `/v1/blueprints/${blueprint}/entities?upsert=true`, entity);
      assert.equal(answer.status, 422, why);
      assert.equal(answer.body.error, 'schema_mismatch', why);
    }
    assert.deepEqual(sim.entity('awsAccount', 'a')!.properties, { arn: 'arn:aws:::a' });
    assert.equal(sim.entity('cloudResource', 'r'), undefined);
  });

  it('accepts null for any property, valid formats, and a team given as a string', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', UPSERT, account('a'));

    const answer = await api('POST', '/v1/blueprints/cloudResource/entities?upsert=true', {
      ...resource('r', 'a', { region: null, link: 'https://console.aws.amazon.com/s3', tags: [{ Key: 'a' }] }),
      team: 'platform',
    });
    const dated = await api('POST', `${UPSERT}&merge=true`, {
      identifier: 'a',
      properties: { joined_timestamp: '2024-05-01T10:00:00.123+02:00', status: 'ACTIVE' },
    });

    assert.equal(answer.status, 201);
    assert.equal(dated.status, 201);
    assert.deepEqual(sim.entity('cloudResource', 'r')!.team, ['platform']);
    assert.equal(sim.entity('cloudResource', 'r')!.properties['region'], null);
  });

  it('checks identifier, title, team and unknown keys as Port does', async (t) => {
    const { api } = await startWithApi(t);
    const cases: [string, unknown][] = [
      ['identifier with a space', { identifier: 'a b' }],
      ['identifier ".."', { identifier: '..' }],
      ['identifier too long', { identifier: 'x'.repeat(1001) }],
      ['no identifier', { title: 'x' }],
      ['title not a string', { identifier: 'a', title: 5 }],
      ['team of numbers', { identifier: 'a', team: [1] }],
      ['unknown key', { identifier: 'a', owner: 'me' }],
    ];

    for (const [why, entity] of cases) {
      const answer = await api('POST', UPSERT, entity);
      assert.equal(answer.status, 422, why);
      assert.equal(answer.body.error, 'invalid_request', why);
    }
    for (const identifier of ['x'.repeat(1000), 'arn:aws:s3:::bucket/key=v+w@x', 'Ünïcödé_名前', '.a']) {
      assert.equal((await api('POST', UPSERT, { identifier })).status, 201, identifier);
    }
  });

  it('answers 404 for an unknown blueprint and 400 for a body that is not JSON', async (t) => {
    const { api } = await startWithApi(t);

    const unknown = await api('POST', '/v1/blueprints/ghost/entities?upsert=true', { identifier: 'a' });
    const garbled = await api('POST', UPSERT, undefined, { rawBody: '{"identifier":' });

    assert.equal(unknown.status, 404);
    assert.equal(garbled.status, 400);
    assert.equal(garbled.body.error, 'invalid_json');
  });

  it('reads one entity back by identifier, encoded in the path', async (t) => {
    const { api } = await startWithApi(t);
    await api('POST', UPSERT, { identifier: 'org/unit:1' });

    const found = await api('GET', `/v1/blueprints/awsAccount/entities/${encodeURIComponent('org/unit:1')}`);
    const missing = await api('GET', '/v1/blueprints/awsAccount/entities/nope');

    assert.equal(found.status, 200);
    assert.equal(found.body.entity.identifier, 'org/unit:1');
    assert.equal(missing.status, 404);
  });
});
