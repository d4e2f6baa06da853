import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, resource, startWithApi } from './sim-api.js';

const RESOURCES = '/v1/blueprints/cloudResource/entities?upsert=true&merge=true';

describe('Port simulator: relations', () => {
  it('fails an upsert whose relation target does not exist with 404, storing nothing', async (t) => {
    const { sim, api } = await startWithApi(t);

    const answer = await api('POST', RESOURCES, resource('bucket-1', '999999999999'));

    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'not_found');
    assert.match(answer.body.message, /999999999999/);
    assert.equal(sim.entity('cloudResource', 'bucket-1'), undefined);
    assert.equal(sim.entity('awsAccount', '999999999999'), undefined);
  });

  it('creates a bare target entity with create_missing_related_entities=true', async (t) => {
    const { sim, api } = await startWithApi(t);

    const answer = await api(
      'POST',
      `${RESOURCES}&create_missing_related_entities=true`,
      resource('bucket-1', '999999999999'),
    );

    assert.equal(answer.status, 201);
    const target = sim.entity('awsAccount', '999999999999')!;
    assert.deepEqual(
      { title: target.title, properties: target.properties, relations: target.relations },
      { title: null, properties: {}, relations: {} },
    );
    assert.equal(sim.entity('cloudResource', 'bucket-1')!.relations['account'], '999999999999');
    assert.deepEqual(sim.writes.at(-1)!.createdRelated, [{ blueprint: 'awsAccount', identifier: '999999999999' }]);
  });

  it('resolves a target created earlier in the same batch', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', '/v1/blueprints', {
      identifier: 'node',
      title: 'Node',
      schema: { properties: {} },
      relations: { parent: { target: 'node', required: false, many: false } },
    });

    const answer = await api('POST', '/v1/blueprints/node/entities/bulk?upsert=true', {
      entities: [
        { identifier: 'root' },
        { identifier: 'leaf', relations: { parent: 'root' } },
        { identifier: 'orphan', relations: { parent: 'missing' } },
      ],
    });

    assert.equal(answer.status, 207);
    assert.deepEqual(
      answer.body.errors.map((e: { identifier: string; statusCode: number }) => [e.identifier, e.statusCode]),
      [['orphan', 404]],
    );
    assert.equal(sim.entity('node', 'leaf')!.relations['parent'], 'root');
  });

  it('refuses a missing required relation with 422, also when merging keeps none', async (t) => {
    const { api } = await startWithApi(t);
    await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1'));

    const absent = await api('POST', RESOURCES, { identifier: 'bucket-1', properties: {} });
    const nulled = await api('POST', RESOURCES, { identifier: 'bucket-1', relations: { account: null } });
    const present = await api('POST', RESOURCES, resource('bucket-1', '1'));
    const merged = await api('POST', RESOURCES, { identifier: 'bucket-1', properties: { region: 'eu-west-1' } });

    assert.equal(absent.status, 422);
    assert.equal(absent.body.error, 'required_relation_missing');
    assert.equal(nulled.status, 422);
    assert.equal(present.status, 201);
    assert.equal(merged.status, 201, 'a merge that does not touch the relation keeps it');
  });

  it('accepts only declared relations, a single one as an identifier, a many one as a list', async (t) => {
    const { api } = await startWithApi(t);
    await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1'));
    await api('PATCH', '/v1/blueprints/cloudResource', {
      relations: { peers: { target: 'cloudResource', required: false, many: true } },
    });
    await api('POST', RESOURCES, resource('peer-1', '1'));

    const withRelations = (relations: unknown) => api('POST', RESOURCES, { ...resource('r', '1'), relations });
    const undeclared = await withRelations({ account: '1', owner: 'x' });
    const listForSingle = await withRelations({ account: ['1'] });
    const stringForMany = await withRelations({ account: '1', peers: 'peer-1' });
    const valid = await withRelations({ account: '1', peers: ['peer-1'] });

    for (const answer of [undeclared, listForSingle, stringForMany]) {
      assert.equal(answer.status, 422);
      assert.equal(answer.body.error, 'schema_mismatch');
    }
    assert.equal(valid.status, 201);
  });
});
