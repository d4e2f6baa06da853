import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, resource, startWithApi, type Api } from './sim-api.js';

async function seed(api: Api): Promise<void> {
  await api('POST', '/v1/blueprints/awsAccount/entities/bulk?upsert=true', {
    entities: [account('1'), account('2'), account('3')],
  });
  await api('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true', {
    entities: [resource('bucket-a', '1'), resource('bucket-b', '1'), resource('bucket-c', '2')],
  });
}

const ids = (entities: { identifier: string }[]): string[] => entities.map((entity) => entity.identifier);

describe('Port simulator: delete', () => {
  it('deletes one entity, then answers 404 for it', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const deleted = await api('DELETE', '/v1/blueprints/awsAccount/entities/3');
    const again = await api('DELETE', '/v1/blueprints/awsAccount/entities/3');

    assert.equal(deleted.status, 200);
    assert.equal(deleted.body.ok, true);
    assert.equal(again.status, 404);
    assert.deepEqual(ids(sim.entities('awsAccount')), ['1', '2']);
  });

  it('refuses to delete an entity others relate to unless delete_dependents=true', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const refused = await api('DELETE', '/v1/blueprints/awsAccount/entities/1?delete_dependents=false');
    const keptAccounts = ids(sim.entities('awsAccount'));
    const cascaded = await api('DELETE', '/v1/blueprints/awsAccount/entities/1?delete_dependents=true');

    assert.equal(refused.status, 422);
    assert.equal(refused.body.error, 'has_dependents');
    assert.deepEqual(keptAccounts, ['1', '2', '3']);
    assert.equal(cascaded.status, 200);
    assert.deepEqual(ids(sim.entities('awsAccount')), ['2', '3']);
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-c']);
  });

  it('deletes dependents of dependents', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);
    await api('PATCH', '/v1/blueprints/cloudResource', {
      relations: { parent: { target: 'cloudResource', required: false, many: false } },
    });
    await api('POST', '/v1/blueprints/cloudResource/entities?upsert=true', {
      ...resource('object-1', '2'),
      relations: { account: '2', parent: 'bucket-a' },
    });

    await api('DELETE', '/v1/blueprints/awsAccount/entities/1?delete_dependents=true');

    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-c']);
    assert.deepEqual(sim.writes.at(-1)!.deleted, [
      { blueprint: 'awsAccount', identifier: '1' },
      { blueprint: 'cloudResource', identifier: 'bucket-a' },
      { blueprint: 'cloudResource', identifier: 'bucket-b' },
      { blueprint: 'cloudResource', identifier: 'object-1' },
    ]);
  });

  it('bulk-deletes the listed entities and skips identifiers that do not exist', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const answer = await api('DELETE', '/v1/blueprints/cloudResource/bulk/entities', {
      entities: ['bucket-a', 'ghost', 'bucket-c'],
    });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { ok: true, deletedEntities: ['bucket-a', 'bucket-c'] });
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-b']);
  });

  it('fails a whole bulk delete when one entity has dependents and delete_dependents=false', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const refused = await api('DELETE', '/v1/blueprints/awsAccount/bulk/entities?delete_dependents=false', {
      entities: ['3', '2'],
    });
    const cascaded = await api('DELETE', '/v1/blueprints/awsAccount/bulk/entities?delete_dependents=true', {
      entities: ['3', '2'],
    });

    assert.equal(refused.status, 422);
    assert.equal(refused.body.error, 'has_dependents');
    assert.equal(cascaded.status, 200);
    assert.deepEqual(cascaded.body.deletedEntities, ['3', '2']);
    assert.deepEqual(ids(sim.entities('awsAccount')), ['1']);
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-a', 'bucket-b']);
  });

  it('does not count dependents that the same bulk delete removes', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', '/v1/blueprints', {
      identifier: 'node',
      relations: { parent: { target: 'node', required: false, many: false } },
    });
    await api('POST', '/v1/blueprints/node/entities/bulk?upsert=true', {
      entities: [{ identifier: 'root' }, { identifier: 'leaf', relations: { parent: 'root' } }],
    });

    const answer = await api('DELETE', '/v1/blueprints/node/bulk/entities', { entities: ['root', 'leaf'] });

    assert.equal(answer.status, 200);
    assert.deepEqual(sim.entities('node'), []);
  });

  it('refuses a bulk delete of 0 or 101 identifiers with 422', async (t) => {
    const { api } = await startWithApi(t);

    const none = await api('DELETE', '/v1/blueprints/awsAccount/bulk/entities', { entities: [] });
    const tooMany = await api('DELETE', '/v1/blueprints/awsAccount/bulk/entities', {
      entities: Array.from({ length: 101 }, (_, i) => `id-${i}`),
    });

    assert.equal(none.status, 422);
    assert.equal(tooMany.status, 422);
  });
});
