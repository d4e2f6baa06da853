import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { account, resource, startWithApi, type Api } from './sim-api.js';

const SEARCH = '/v1/blueprints/cloudResource/entities/search';

async function seedResources(api: Api, count: number): Promise<void> {
  await api('POST', '/v1/blueprints/awsAccount/entities?upsert=true', account('1'));
  for (let start = 0; start < count; start += 20) {
    const entities = Array.from({ length: Math.min(20, count - start) }, (_, i) => {
      const n = String(start + i).padStart(4, '0');
      return resource(`res-${n}`, '1', { region: (start + i) % 2 === 0 ? 'eu-west-1' : 'us-east-1' });
    });
    const answer = await api('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true', { entities });
    assert.equal(answer.status, 200);
  }
}

describe('Port simulator: search', () => {
  it('pages through 450 entities 200 at a time with next/from, in identifier order', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 450);

    const pages: string[][] = [];
    let from: string | undefined;
    do {
      const answer = await api('POST', SEARCH, { query: { combinator: 'and', rules: [] }, limit: 200, from });
      assert.equal(answer.status, 200);
      pages.push(answer.body.entities.map((entity: { identifier: string }) => entity.identifier));
      from = answer.body.next;
    } while (from !== undefined);

    assert.deepEqual(pages.map((page) => page.length), [200, 200, 50]);
    const all = pages.flat();
    assert.deepEqual(all, [...all].sort());
    assert.equal(new Set(all).size, 450);
  });

  it('defaults to pages of 200 and omits next when the last page is exactly full', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 200);

    const answer = await api('POST', SEARCH, {});

    assert.equal(answer.body.entities.length, 200);
    assert.equal(answer.body.next, undefined);
  });

  it('keeps paging stable when entities are written between pages', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 30);

    const first = await api('POST', SEARCH, { limit: 10 });
    await api('DELETE', '/v1/blueprints/cloudResource/entities/res-0003');
    await api('POST', '/v1/blueprints/cloudResource/entities?upsert=true', resource('res-0000a', '1'));
    const second = await api('POST', SEARCH, { limit: 10, from: first.body.next });

    assert.equal(second.body.entities[0].identifier, 'res-0010');
  });

  it('returns exactly the fields include names: meta-properties with $, properties and relations by identifier', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 1);

    const named = await api('POST', SEARCH, { include: ['$identifier', '$title', '$datasource', 'region', 'account'] });
    const dotted = await api('POST', SEARCH, { include: ['title', 'properties.region', 'relations'] });

    assert.deepEqual(named.body.entities, [
      {
        identifier: 'res-0000',
        title: 'res-0000',
        $datasource: 'aws2port-test/0.0.0/sim',
        properties: { region: 'eu-west-1' },
        relations: { account: '1' },
      },
    ]);
    // Names Port does not know as a property, relation or meta-property bring back nothing, not even the identifier.
    assert.deepEqual(dotted.body.entities, [{}]);
  });

  it('filters with =, !=, in and contains on meta fields and properties, joined by and / or', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 6);
    await api('POST', '/v1/blueprints/cloudResource/entities?upsert=true', resource('mine', '1'), {
      userAgent: 'other-writer/1',
    });
    const search = async (combinator: string, rules: unknown[]): Promise<string[]> => {
      const answer = await api('POST', SEARCH, { query: { combinator, rules } });
      assert.equal(answer.status, 200);
      return answer.body.entities.map((entity: { identifier: string }) => entity.identifier);
    };

    assert.deepEqual(await search('and', [{ property: '$datasource', operator: '=', value: 'other-writer/1' }]), ['mine']);
    assert.deepEqual(
      await search('and', [
        { property: 'region', operator: '=', value: 'us-east-1' },
        { property: '$identifier', operator: '!=', value: 'res-0003' },
      ]),
      ['res-0001', 'res-0005'],
    );
    assert.deepEqual(await search('and', [{ property: '$identifier', operator: 'in', value: ['res-0002', 'mine', 'x'] }]), [
      'mine',
      'res-0002',
    ]);
    assert.deepEqual(await search('and', [{ property: '$title', operator: 'contains', value: 'ine' }]), ['mine']);
    assert.deepEqual(
      await search('or', [
        { property: '$identifier', operator: '=', value: 'res-0000' },
        { property: '$identifier', operator: '=', value: 'res-0004' },
      ]),
      ['res-0000', 'res-0004'],
    );
    assert.deepEqual(await search('and', [{ property: '$blueprint', operator: '=', value: 'awsAccount' }]), []);
  });

  it('refuses a limit out of 1..1000, an unknown operator and a forged cursor with 422', async (t) => {
    const { api } = await startWithApi(t);

    for (const body of [
      { limit: 0 },
      { limit: 1001 },
      { query: { combinator: 'and', rules: [{ property: 'region', operator: 'like', value: 'x' }] } },
      { from: 'not-a-cursor' },
    ]) {
      const answer = await api('POST', SEARCH, body);
      assert.equal(answer.status, 422, JSON.stringify(body));
    }
  });

  it('lists all entities of a blueprint at once with GET, and 404s an unknown blueprint', async (t) => {
    const { api } = await startWithApi(t);
    await seedResources(api, 25);

    const all = await api('GET', '/v1/blueprints/cloudResource/entities');
    const unknown = await api('POST', '/v1/blueprints/ghost/entities/search', {});

    assert.equal(all.body.entities.length, 25);
    assert.equal(all.body.entities[0].$createdBy, 'sim-client-id');
    assert.equal(unknown.status, 404);
  });
});
