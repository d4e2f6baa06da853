import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, resource, startWithApi } from './sim-api.js';

describe('Port simulator: validation_only=true', () => {
  it('answers a fitting entity as a write would, and stores nothing', async (t) => {
    const { sim, api } = await startWithApi(t);
    const answer = await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true&validation_only=true', account('111111111111'));
    assert.equal(answer.status, 201);
    assert.equal(sim.entity('awsAccount', '111111111111'), undefined);
  });

  it('refuses in a bulk what a write would refuse, stores none of the rest, and creates no bare target', async (t) => {
    const { sim, api } = await startWithApi(t);
    const answer = await api('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true&create_missing_related_entities=true&validation_only=true', {
      entities: [resource('i-1', '111111111111'), { identifier: 'i-2', properties: { region: 42 } }],
    });
    assert.equal(answer.status, 207);
    assert.deepEqual(answer.body.errors.map((e: { index: number; error: string }) => [e.index, e.error]), [[1, 'schema_mismatch']]);
    assert.deepEqual(sim.entities('cloudResource'), []);
    assert.deepEqual(sim.entities('awsAccount'), []);
  });
});
