import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startWithApi } from './sim-api.js';

const SERVICE = {
  identifier: 'service',
  title: 'Service',
  schema: { properties: { language: { type: 'string', enum: ['ts', 'go'] } }, required: [] },
  relations: { account: { target: 'awsAccount', required: false, many: false, title: 'Account' } },
};

describe('Port simulator: blueprints', () => {
  it('starts with the example blueprints and answers them one by one and as a list', async (t) => {
    const { api } = await startWithApi(t);

    const one = await api('GET', '/v1/blueprints/cloudResource');
    const list = await api('GET', '/v1/blueprints');

    assert.equal(one.status, 200);
    assert.equal(one.body.ok, true);
    assert.deepEqual(one.body.blueprint.relations.account, {
      target: 'awsAccount',
      required: true,
      many: false,
      title: 'Account',
    });
    assert.equal(one.body.blueprint.schema.properties.link.format, 'url');
    assert.deepEqual(
      list.body.blueprints.map((blueprint: { identifier: string }) => blueprint.identifier),
      ['awsAccount', 'cloudResource'],
    );
  });

  it('answers 404 not_found for a blueprint that does not exist', async (t) => {
    const { api } = await startWithApi(t);

    const answer = await api('GET', '/v1/blueprints/nope');

    assert.equal(answer.status, 404);
    assert.deepEqual({ ok: answer.body.ok, error: answer.body.error }, { ok: false, error: 'not_found' });
  });

  it('creates a blueprint once and refuses a second create with 409', async (t) => {
    const { sim, api } = await startWithApi(t);

    const created = await api('POST', '/v1/blueprints', SERVICE);
    const again = await api('POST', '/v1/blueprints', SERVICE);

    assert.equal(created.status, 201);
    assert.equal(created.body.blueprint.identifier, 'service');
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'identifier_taken');
    assert.ok(sim.blueprints().some((blueprint) => blueprint.identifier === 'service'));
  });

  it('refuses a relation whose target blueprint does not exist, and creates nothing', async (t) => {
    const { sim, api } = await startWithApi(t);

    const answer = await api('POST', '/v1/blueprints', {
      ...SERVICE,
      relations: { owner: { target: 'team', required: false, many: false } },
    });

    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'not_found');
    assert.ok(!sim.blueprints().some((blueprint) => blueprint.identifier === 'service'));
  });

  it('starts empty when given no blueprints, so bare blueprints come first and relations after', async (t) => {
    const { sim, api } = await startWithApi(t, { blueprints: [] });

    const bare = await api('POST', '/v1/blueprints', { identifier: 'awsAccount', title: 'AWS account', schema: { properties: {} } });
    const related = await api('POST', '/v1/blueprints', SERVICE);

    assert.equal(bare.status, 201);
    assert.deepEqual(bare.body.blueprint.schema, { properties: {}, required: [] });
    assert.equal(related.status, 201);
    assert.equal(sim.blueprints().length, 2);
  });

  it('patches by merging properties and relations into the existing ones', async (t) => {
    const { api } = await startWithApi(t);
    await api('POST', '/v1/blueprints', SERVICE);

    const patched = await api('PATCH', '/v1/blueprints/service', {
      title: 'Microservice',
      schema: { properties: { owner: { type: 'string' } } },
      relations: { resources: { target: 'cloudResource', required: false, many: true } },
    });

    assert.equal(patched.status, 200);
    const blueprint = (await api('GET', '/v1/blueprints/service')).body.blueprint;
    assert.equal(blueprint.title, 'Microservice');
    assert.deepEqual(Object.keys(blueprint.schema.properties).sort(), ['language', 'owner']);
    assert.deepEqual(Object.keys(blueprint.relations).sort(), ['account', 'resources']);
    assert.equal(blueprint.relations.resources.many, true);
  });

  it('replaces a blueprint whole with PUT, and 404s a PATCH of a missing one', async (t) => {
    const { api } = await startWithApi(t);
    await api('POST', '/v1/blueprints', SERVICE);

    const replaced = await api('PUT', '/v1/blueprints/service', {
      title: 'Service v2',
      schema: { properties: { tier: { type: 'number' } } },
    });
    const missing = await api('PATCH', '/v1/blueprints/ghost', { title: 'x' });

    assert.equal(replaced.status, 200);
    const blueprint = (await api('GET', '/v1/blueprints/service')).body.blueprint;
    assert.deepEqual(Object.keys(blueprint.schema.properties), ['tier']);
    assert.deepEqual(blueprint.relations, {});
    assert.equal(missing.status, 404);
  });

  it('refuses a property of an unknown type with 422', async (t) => {
    const { api } = await startWithApi(t);

    const answer = await api('POST', '/v1/blueprints', {
      identifier: 'odd',
      title: 'Odd',
      schema: { properties: { when: { type: 'timestamp' } } },
    });

    assert.equal(answer.status, 422);
    assert.equal(answer.body.error, 'invalid_request');
  });

  it('refuses, as the contract says, a blueprint without a title and identifiers past their patterns or lengths', async (t) => {
    const { sim, api } = await startWithApi(t);
    const bare = { identifier: 'fine', title: 'Fine', schema: { properties: {} } };

    const refused = [
      { identifier: 'untitled', schema: { properties: {} } },
      { ...bare, title: '' },
      { ...bare, identifier: 'has space' },
      { ...bare, identifier: 'with=equals' },
      { ...bare, identifier: 'b'.repeat(101) },
      { ...bare, schema: { properties: { 'bad.name': { type: 'string' } } } },
      { ...bare, relations: { 'bad name': { target: 'awsAccount', required: false, many: false } } },
    ];
    const answers = await Promise.all(refused.map((body) => api('POST', '/v1/blueprints', body)));
    const accepted = await api('POST', '/v1/blueprints', { ...bare, identifier: 'b'.repeat(100) });

    assert.deepEqual(answers.map((answer) => [answer.status, answer.body.error]), refused.map(() => [422, 'invalid_request']));
    assert.equal(accepted.status, 201);
    assert.deepEqual(sim.blueprints().map((blueprint) => blueprint.identifier), ['awsAccount', 'b'.repeat(100), 'cloudResource']);
  });
});
