import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, call, resource, startWithApi } from './sim-api.js';

describe('Port simulator: write log and out-of-band edits', () => {
  it('records one entry per write request, failed ones included, and none for reads', async (t) => {
    const { sim, api } = await startWithApi(t, { now: () => Date.parse('2024-05-01T00:00:00Z') });

    await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1'));
    await api('POST', '/v1/blueprints/awsAccount/entities/bulk?upsert=true', {
      entities: [account('1'), account('2'), { identifier: 'x', properties: { colour: 'red' } }],
    });
    await api('POST', '/v1/blueprints/awsAccount/entities/search', {});
    await api('GET', '/v1/blueprints/awsAccount');
    await api('DELETE', '/v1/blueprints/awsAccount/entities/2?delete_dependents=false');
    await api('POST', '/v1/blueprints/awsAccount/bulk/entities/delete?delete_dependents=false', { entities: ['1', 'ghost'] });
    await call(sim, 'DELETE', '/v1/blueprints/awsAccount/entities/1?delete_dependents=false');
    await api('POST', '/v1/blueprints', { identifier: 'team', title: 'Team', schema: { properties: {} } });
    await api('PATCH', '/v1/blueprints/team', { title: 'Team' });

    assert.deepEqual(sim.writes, [
      {
        seq: 1, method: 'POST', route: 'upsert', blueprint: 'awsAccount', identifiers: ['1'], status: 201,
        created: ['1'], at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 2, method: 'POST', route: 'bulk-upsert', blueprint: 'awsAccount', identifiers: ['1', '2', 'x'],
        status: 207, created: ['2'], failed: ['x'], at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 3, method: 'DELETE', route: 'delete', blueprint: 'awsAccount', identifiers: ['2'], status: 200,
        deleted: [{ blueprint: 'awsAccount', identifier: '2' }], at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 4, method: 'POST', route: 'bulk-delete', blueprint: 'awsAccount', identifiers: ['1', 'ghost'],
        status: 200, deleted: [{ blueprint: 'awsAccount', identifier: '1' }], at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 5, method: 'DELETE', route: 'delete', blueprint: 'awsAccount', identifiers: ['1'], status: 401,
        at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 6, method: 'POST', route: 'blueprint-create', blueprint: 'team', identifiers: [], status: 201,
        at: '2024-05-01T00:00:00.000Z',
      },
      {
        seq: 7, method: 'PATCH', route: 'blueprint-patch', blueprint: 'team', identifiers: [], status: 200,
        at: '2024-05-01T00:00:00.000Z',
      },
    ]);
  });

  it('records writes answered by a forced fault with that status', async (t) => {
    const { sim, api } = await startWithApi(t, { faults: { nextStatuses: [503] } });

    await api('POST', '/v1/blueprints/awsAccount/entities/bulk?upsert=true', { entities: [account('1')] });

    assert.equal(sim.writes.length, 1);
    assert.equal(sim.writes[0]!.status, 503);
    assert.deepEqual(sim.writes[0]!.identifiers, ['1']);
    assert.equal(sim.writes[0]!.created, undefined);
  });

  it('applies editEntity and removeEntity as a person in the UI would, without a write record', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1', { email: 'a@example.com' }));
    await api('POST', '/v1/blueprints/cloudResource/entities?upsert=true', resource('bucket', '1'));
    const writesBefore = sim.writes.length;

    sim.editEntity('awsAccount', '1', { title: 'Renamed by hand', properties: { email: 'b@example.com' } });
    sim.removeEntity('awsAccount', '1');
    sim.removeEntity('cloudResource', 'bucket');
    const afterRemoval = await api('GET', '/v1/blueprints/awsAccount/entities/1');

    assert.equal(sim.writes.length, writesBefore);
    assert.equal(afterRemoval.status, 404);
    assert.throws(() => sim.editEntity('awsAccount', '1', { title: 'x' }));
  });

  it('shows an out-of-band edit to API readers, with $updatedBy naming the UI user', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1', { email: 'a@example.com' }));

    sim.editEntity('awsAccount', '1', { title: 'Renamed by hand', team: 'ops', properties: { email: 'b@example.com' } });
    const read = await api('GET', '/v1/blueprints/awsAccount/entities/1');

    assert.equal(read.body.entity.title, 'Renamed by hand');
    assert.deepEqual(read.body.entity.team, ['ops']);
    assert.deepEqual(read.body.entity.properties, { arn: 'arn:aws:::1', email: 'b@example.com' });
    assert.equal(read.body.entity.$updatedBy, 'sim-ui-user');
  });
});
