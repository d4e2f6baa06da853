import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, startWithApi } from './sim-api.js';

const BULK = '/v1/blueprints/awsAccount/entities/bulk?upsert=true&merge=true';

describe('Port simulator: bulk upsert', () => {
  it('answers 200 with each entity, its index and whether it was created', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', BULK, { entities: [account('1')] });

    const answer = await api('POST', BULK, { entities: [account('1'), account('2'), account('3')] });

    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      ok: true,
      entities: [
        { identifier: '1', index: 0, created: false },
        { identifier: '2', index: 1, created: true },
        { identifier: '3', index: 2, created: true },
      ],
      errors: [],
    });
    assert.deepEqual(
      sim.entities('awsAccount').map((entity) => entity.identifier),
      ['1', '2', '3'],
    );
  });

  it('answers 207 when some entities fail, and stores the others', async (t) => {
    const { sim, api } = await startWithApi(t);
    sim.faults.failEntities.set('doomed', { statusCode: 500, error: 'internal_error', message: 'injected' });

    // Given a batch with a faulted entity, an undeclared property and a wrong type
    const answer = await api('POST', BULK, {
      entities: [
        account('ok-1'),
        account('doomed'),
        account('ok-2'),
        { identifier: 'undeclared', properties: { colour: 'red' } },
        { identifier: 'mistyped', properties: { email: ['a'] } },
        account('ok-3'),
      ],
    });

    assert.equal(answer.status, 207);
    assert.deepEqual(answer.body.entities, [
      { identifier: 'ok-1', index: 0, created: true },
      { identifier: 'ok-2', index: 2, created: true },
      { identifier: 'ok-3', index: 5, created: true },
    ]);
    assert.deepEqual(
      answer.body.errors.map((e: Record<string, unknown>) => [e['identifier'], e['index'], e['statusCode'], e['error']]),
      [
        ['doomed', 1, 500, 'internal_error'],
        ['undeclared', 3, 422, 'schema_mismatch'],
        ['mistyped', 4, 422, 'schema_mismatch'],
      ],
    );
    for (const error of answer.body.errors) assert.equal(typeof error.message, 'string');
    assert.deepEqual(
      sim.entities('awsAccount').map((entity) => entity.identifier),
      ['ok-1', 'ok-2', 'ok-3'],
    );
  });

  it('keeps failing a faulted entity until the fault is removed', async (t) => {
    const { sim, api } = await startWithApi(t);
    sim.faults.failEntities.set('1', { statusCode: 422, error: 'schema_mismatch', message: 'injected' });

    const failed = await api('POST', BULK, { entities: [account('1')] });
    sim.faults.failEntities.delete('1');
    const healed = await api('POST', BULK, { entities: [account('1')] });

    assert.equal(failed.status, 207);
    assert.equal(healed.status, 200);
  });

  it('answers 207 with no entities when every entity fails', async (t) => {
    const { sim, api } = await startWithApi(t);

    const answer = await api('POST', BULK, { entities: [{ identifier: 'x', properties: { colour: 'red' } }, account('y', { email: 1 })] });

    assert.equal(answer.status, 207);
    assert.deepEqual(answer.body.entities, []);
    assert.equal(answer.body.errors.length, 2);
    assert.deepEqual(sim.entities('awsAccount'), []);
  });

  it('refuses the whole batch with 422 when one entity is outside the contract (21 entities, a bad identifier), storing none', async (t) => {
    const { sim, api } = await startWithApi(t);
    const entities = Array.from({ length: 21 }, (_, i) => account(`acc-${i}`));

    const tooMany = await api('POST', BULK, { entities });
    const badIdentifier = await api('POST', BULK, { entities: [account('fine'), { identifier: 'not valid!' }] });
    const twenty = await api('POST', BULK, { entities: entities.slice(0, 20) });

    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.error, 'invalid_request');
    assert.equal(badIdentifier.status, 422);
    assert.equal(twenty.status, 200);
    assert.equal(sim.entities('awsAccount').length, 20);
  });

  it('refuses a body over 1 MiB with 413', async (t) => {
    const { sim, api } = await startWithApi(t);
    const big = 'x'.repeat(300 * 1024);
    const entities = Array.from({ length: 4 }, (_, i) => account(`big-${i}`, { email: big }));

    const answer = await api('POST', BULK, { entities });

    assert.equal(answer.status, 413);
    assert.deepEqual(sim.entities('awsAccount'), []);
  });

  it('refuses an empty batch with 422 and an unknown blueprint with 404', async (t) => {
    const { api } = await startWithApi(t);

    const empty = await api('POST', BULK, { entities: [] });
    const unknown = await api('POST', '/v1/blueprints/ghost/entities/bulk?upsert=true', { entities: [account('1')] });

    assert.equal(empty.status, 422);
    assert.equal(unknown.status, 404);
  });

  it('applies merge=false to every entity of the batch', async (t) => {
    const { sim, api } = await startWithApi(t);
    await api('POST', BULK, { entities: [account('1', { email: 'e@example.com' })] });

    await api('POST', '/v1/blueprints/awsAccount/entities/bulk?upsert=true&merge=false', {
      entities: [{ identifier: '1', properties: { status: 'ACTIVE' } }],
    });

    assert.deepEqual(sim.entity('awsAccount', '1')!.properties, { status: 'ACTIVE' });
  });
});
