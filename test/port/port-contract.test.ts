import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createBlueprints } from '../../src/apply/create-blueprints.js';
import type { BlueprintDefinition } from '../../src/config/index.js';
import { blueprintProblems } from '../../src/model/index.js';
import { PortClient } from '../../src/port/index.js';
import { routeClassOf } from '../../src/port/rate-budget.js';
import { fieldsToRead } from '../../src/refresh/index.js';
import { loadPortContract, operationParts, portContractChecker } from '../simulators/port/contract/port-contract.js';
import { call, fetchToken } from '../simulators/port/sim-api.js';
import { loadExampleBlueprints, startPortSimulator, type PortSimulator } from '../simulators/port/index.js';
import { aSerialized } from '../support/builders.js';

const CONTRACT = loadPortContract();
const USED_ROUTES = CONTRACT.routes.filter((route) => route.usedByAws2port);

async function simulatorWithClient(options: Parameters<typeof startPortSimulator>[0] = {}): Promise<{ port: PortSimulator; client: PortClient }> {
  const port = await startPortSimulator(options);
  const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/test', connections: 4, sleep: async () => undefined });
  after(async () => {
    await client.close();
    await port.close();
  });
  return { port, client };
}

describe('Port contract', () => {
  it('holds every route aws2port uses, with the OpenAPI version and the date it was taken', () => {
    assert.equal(CONTRACT.source.openapi, '3.1.0');
    assert.match(CONTRACT.source.taken, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(USED_ROUTES.map((route) => route.operation).sort(), [
      'DELETE /v1/blueprints/{blueprint_identifier}/entities/{entity_identifier}',
      'GET /v1/blueprints/{identifier}',
      'PATCH /v1/blueprints/{identifier}',
      'POST /v1/auth/access_token',
      'POST /v1/blueprints',
      'POST /v1/blueprints/{blueprint_identifier}/bulk/entities/delete',
      'POST /v1/blueprints/{blueprint_identifier}/entities/bulk',
      'POST /v1/blueprints/{blueprint_identifier}/entities/search',
    ]);
  });

  it('puts each request of the client in the rate-limit class its route has', () => {
    for (const route of USED_ROUTES) {
      const { method, segments } = operationParts(route.operation);
      const path = `/${segments.map((segment) => (segment.startsWith('{') ? 'x' : segment)).join('/')}`;
      assert.equal(routeClassOf(method, path), route.rateLimitClass, route.operation);
    }
  });

  it('refuses, in the blueprints check aws2port makes before it creates blueprints, exactly the blueprints the contract refuses', () => {
    const checker = portContractChecker();
    const create = checker.match('POST', ['blueprints'])!;
    const fine = { identifier: 'bp', title: 'Blueprint', schema: { properties: { p: { type: 'string' } } }, relations: { r: { target: 'bp', required: false, many: false } } };
    const variants = [
      fine,
      { ...fine, title: undefined },
      { ...fine, title: '' },
      { ...fine, title: 'ä'.repeat(100) },
      { ...fine, title: 'ä'.repeat(101) },
      { ...fine, identifier: 'a.b+c:d/e\\f@g_h-Ü' },
      { ...fine, identifier: 'with=equals' },
      { ...fine, identifier: "quote'd" },
      { ...fine, identifier: '.' },
      { ...fine, identifier: 'b'.repeat(100) },
      { ...fine, identifier: 'b'.repeat(101) },
      { ...fine, schema: undefined },
      { ...fine, schema: { properties: { 'with=equals@_-': { type: 'string' } } } },
      { ...fine, schema: { properties: { 'a.b': { type: 'string' } } } },
      { ...fine, relations: { 'r r': { target: 'bp', required: false, many: false } } },
      { ...fine, relations: { r: { target: 'bp' } } },
    ];
    for (const variant of variants) {
      const body = JSON.parse(JSON.stringify(variant)) as Record<string, unknown>;
      const contractRefuses = checker.requestProblem(create, { query: new URLSearchParams(), body }) !== undefined;
      assert.equal(blueprintProblems(body).length > 0, contractRefuses, JSON.stringify(body));
    }
  });

  it('every kind of request the client makes, and every answer, keeps to the contract', async () => {
    const { port, client } = await simulatorWithClient({ blueprints: [] });
    const definitions = loadExampleBlueprints() as unknown as BlueprintDefinition[];

    // Blueprints as apply creates them: read (missing), create bare, patch in the relations, read.
    assert.equal(await client.getBlueprint('cloudResource'), undefined);
    await createBlueprints(definitions.map((d) => ({ identifier: d.identifier, action: 'create' as const })), definitions, client);
    assert.ok(await client.getBlueprint('cloudResource'));

    // Entities with every shape of field: nulls, a team as a string and as a list, relations, 25 (two batches).
    const options = { merge: true, createMissingRelatedEntities: false };
    const accounts = await client.upsertEntities('awsAccount', [aSerialized('111111111111', { properties: { status: 'ACTIVE' }, relations: {} })], options);
    const resources = Array.from({ length: 25 }, (_, i) =>
      aSerialized(`res-${String(i).padStart(2, '0')}`, { properties: { kind: 'AWS::S3::Bucket', region: 'us-east-1', tags: [] }, team: i % 2 === 0 ? 'platform' : ['a', 'b'], icon: i === 0 ? 'Bucket' : null }),
    );
    const written = await client.upsertEntities('cloudResource', resources, { merge: false, createMissingRelatedEntities: true });
    assert.ok([...accounts, ...written].every((result) => result.ok));

    // Search as refresh does, page by page.
    const query = { combinator: 'and' as const, rules: [{ property: '$identifier', operator: 'in', value: resources.map((r) => r.entity.identifier) }] };
    const found: string[] = [];
    for await (const page of client.searchEntities('cloudResource', query, fieldsToRead(resources.map((r) => r.entity)), 10)) found.push(...page.map((entity) => entity.identifier));
    assert.equal(found.length, 25);

    // Deletes: a bulk that Port does in part, and the single delete that follows for the rest.
    const kept = await client.deleteEntities('awsAccount', ['111111111111'], false);
    const deleted = await client.deleteEntities('cloudResource', resources.map((r) => r.entity.identifier), true);
    assert.deepEqual([kept[0]!.ok, deleted.every((result) => result.ok)], [false, true]);

    const seen = new Set(port.contractLog.map((record) => record.operation));
    assert.deepEqual([...seen].sort(), USED_ROUTES.map((route) => route.operation).sort(), 'every route aws2port uses was exercised');
    assert.deepEqual(port.contractLog.filter((record) => record.requestProblem !== undefined || record.answerProblem !== undefined), []);
  });

  it('the simulator refuses what is outside the contract: an unknown route with 404, a body or query Port would refuse with 422', async () => {
    const port = await startPortSimulator();
    after(() => port.close());
    const token = await fetchToken(port);
    const send = (method: string, path: string, body?: unknown) => call(port, method, path, { token, body });

    const answers = [
      await send('DELETE', '/v1/blueprints/cloudResource/bulk/entities', { entities: ['a'] }),
      await send('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true', { entities: [{ identifier: 'a', title: null }] }),
      await send('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true', { entities: [{ identifier: 'a', relations: { account: 'not an id' } }] }),
      await send('POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true&merge=yes', { entities: [{ identifier: 'a' }] }),
      await send('POST', '/v1/blueprints/cloudResource/entities/bulk', { entities: [{ identifier: 'a' }] }),
      await send('POST', '/v1/blueprints/cloudResource/entities/search?upsert=true', {}),
      await send('POST', '/v1/blueprints', { identifier: 'untitled', schema: { properties: {} } }),
    ];

    assert.deepEqual(answers.map((answer) => [answer.status, answer.body.error]), [
      [404, 'not_found'],
      ...Array.from({ length: 6 }, () => [422, 'invalid_request']),
    ]);
    const log = port.contractLog.slice(-7);
    assert.equal(log[0]!.operation, undefined);
    assert.ok(log.slice(1).every((record) => record.requestProblem !== undefined));
    assert.deepEqual(port.entities('cloudResource'), []);
  });
});
