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

    const deleted = await api('DELETE', '/v1/blueprints/awsAccount/entities/3?delete_dependents=false');
    const again = await api('DELETE', '/v1/blueprints/awsAccount/entities/3?delete_dependents=false');

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

    const answer = await api('POST', '/v1/blueprints/cloudResource/bulk/entities/delete?delete_dependents=false', {
      entities: ['bucket-a', 'ghost', 'bucket-c'],
    });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { ok: true, deletedEntities: ['bucket-a', 'bucket-c'] });
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-b']);
  });

  it('fails a whole bulk delete when one entity has dependents and delete_dependents=false', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const refused = await api('POST', '/v1/blueprints/awsAccount/bulk/entities/delete?delete_dependents=false', {
      entities: ['3', '2'],
    });
    const keptAccounts = ids(sim.entities('awsAccount'));
    const cascaded = await api('POST', '/v1/blueprints/awsAccount/bulk/entities/delete?delete_dependents=true', {
      entities: ['3', '2'],
    });

    assert.equal(refused.status, 422);
    assert.equal(refused.body.error, 'has_dependents');
    assert.deepEqual(keptAccounts, ['1', '2', '3']);
    assert.equal(cascaded.status, 200);
    assert.deepEqual(cascaded.body.deletedEntities, ['3', '2']);
    assert.deepEqual(ids(sim.entities('awsAccount')), ['1']);
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-a', 'bucket-b']);
  });

  it('deletes a bulk in part when failDeletes holds an entity, naming only the deleted; a single delete of it answers the error', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);
    sim.faults.failDeletes.set('bucket-b', { statusCode: 403, error: 'forbidden', message: 'injected' });

    const partial = await api('POST', '/v1/blueprints/cloudResource/bulk/entities/delete?delete_dependents=false', {
      entities: ['bucket-a', 'bucket-b'],
    });
    const single = await api('DELETE', '/v1/blueprints/cloudResource/entities/bucket-b?delete_dependents=false');

    assert.equal(partial.status, 200);
    assert.deepEqual(partial.body, { ok: true, deletedEntities: ['bucket-a'] });
    assert.deepEqual([single.status, single.body.error], [403, 'forbidden']);
    assert.deepEqual(ids(sim.entities('cloudResource')), ['bucket-b', 'bucket-c']);
  });

  it('does not count dependents that the same bulk delete removes', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', '/v1/blueprints', {
      identifier: 'node',
      title: 'Node',
      schema: { properties: {} },
      relations: { parent: { target: 'node', required: false, many: false } },
    });
    await api('POST', '/v1/blueprints/node/entities/bulk?upsert=true', {
      entities: [{ identifier: 'root' }, { identifier: 'leaf', relations: { parent: 'root' } }],
    });

    const answer = await api('POST', '/v1/blueprints/node/bulk/entities/delete?delete_dependents=false', { entities: ['root', 'leaf'] });

    assert.equal(answer.status, 200);
    assert.deepEqual(sim.entities('node'), []);
  });

  it('refuses a bulk delete of 0 or 101 identifiers, or without delete_dependents, with 422', async (t) => {
    const { api } = await startWithApi(t);
    const route = '/v1/blueprints/awsAccount/bulk/entities/delete';

    const none = await api('POST', `${route}?delete_dependents=false`, { entities: [] });
    const tooMany = await api('POST', `${route}?delete_dependents=false`, {
      entities: Array.from({ length: 101 }, (_, i) => `id-${i}`),
    });
    const unsaid = await api('POST', route, { entities: ['1'] });

    assert.deepEqual([none.status, tooMany.status, unsaid.status], [422, 422, 422]);
  });

  it('answers 404 for the DELETE bulk route, which Port does not have', async (t) => {
    const { sim, api } = await startWithApi(t);
    await seed(api);

    const answer = await api('DELETE', '/v1/blueprints/cloudResource/bulk/entities', { entities: ['bucket-a'] });

    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'not_found');
    assert.ok(sim.entity('cloudResource', 'bucket-a'));
  });
});
