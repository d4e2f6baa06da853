import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createBlueprints } from '../../src/apply/create-blueprints.js';
import type { BlueprintDefinition } from '../../src/config/index.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { PortClient } from '../../src/port/index.js';
import { startPortSimulator } from '../simulators/port/index.js';

async function portClient(): Promise<PortClient> {
  const port = await startPortSimulator();
  const client = new PortClient({ baseUrl: port.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/test', connections: 2 });
  after(async () => {
    await client.close();
    await port.close();
  });
  return client;
}

const definition = (identifier: string): BlueprintDefinition => ({ identifier, title: identifier, schema: { properties: { size: { type: 'number' } }, required: [] }, relations: {} }) as unknown as BlueprintDefinition;

describe('createBlueprints', () => {
  it('refuses a saved plan whose blueprint the blueprints file no longer defines, with PlanStale, writing nothing', async () => {
    const port = await portClient();
    await assert.rejects(createBlueprints([{ identifier: 'gone', action: 'create' }], [definition('kept')], port), (error) => isAws2PortError(error, 'PlanStale') && error.subject === 'gone');
    assert.equal(await port.getBlueprint('gone'), undefined);
  });

  it('refuses to add properties to a blueprint Port no longer has, with PlanStale', async () => {
    const port = await portClient();
    await assert.rejects(createBlueprints([{ identifier: 'cluster', action: 'update', add_properties: ['size'] }], [definition('cluster')], port), (error) => isAws2PortError(error, 'PlanStale') && error.subject === 'cluster');
  });
});
