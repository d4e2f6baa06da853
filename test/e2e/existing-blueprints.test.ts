import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadExampleBlueprints, type Blueprint, type BlueprintProperty } from '../simulators/port/index.js';
import { EXAMPLES_DIR, SEED_CONFIG_TEXT, startWorld } from '../support/world.js';

/** The seed mapping with the example blueprints file, reading one region. */
const CONFIG = `blueprints: ${EXAMPLES_DIR}blueprints.json\naws:\n  regions: [us-east-1]\n${SEED_CONFIG_TEXT}`;

/** Port's blueprints as the example file defines them, with one awsAccount property replaced (or removed, with undefined). */
function portWithAccountProperty(name: string, property: BlueprintProperty | undefined, required: string[] = []): Blueprint[] {
  return loadExampleBlueprints().map((b): Blueprint => {
    if (b.identifier !== 'awsAccount') return b;
    const { [name]: _old, ...others } = b.schema.properties;
    return { ...b, schema: { properties: property ? { ...others, [name]: property } : others, required } };
  });
}

interface Refusal {
  address: string;
  property: string;
  value: unknown;
  schema: Record<string, unknown> | null;
  rule: string;
}

async function planRefusals(portBlueprints: Blueprint[]): Promise<{ refusals: Refusal[]; text: string; plan: Record<string, unknown>; world: Awaited<ReturnType<typeof startWorld>> }> {
  const world = await startWorld({ configText: CONFIG, portBlueprints });
  const json = await world.run(['plan', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const plan = JSON.parse(json.stdout) as Record<string, unknown>;
  const text = await world.run(['plan']);
  assert.equal(text.code, 0, text.stderr);
  return { refusals: plan.value_refusals as Refusal[], text: text.stdout, plan, world };
}

describe('blueprints Port already has, with other property types than the mapping writes', () => {
  it("reports each account whose status Port's own array-typed awsAccount would refuse, at plan time, and apply sends none of them", async () => {
    // GIVEN Port holds the awsAccount of Port's own AWS integration: status is an array of enum strings
    const status: BlueprintProperty = { type: 'array', title: 'Status', items: { type: 'string', enum: ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'] } };
    const { refusals, text, plan, world } = await planRefusals(portWithAccountProperty('status', status));
    try {
      // THEN every account is named with its property, value and schema
      const accounts = refusals.filter((r) => r.address.startsWith('awsAccount.'));
      assert.ok(accounts.length >= 2, JSON.stringify(refusals));
      for (const r of accounts) {
        assert.equal(r.property, 'status');
        assert.equal(r.value, 'ACTIVE');
        assert.equal(r.rule, 'type');
        assert.equal(r.schema?.type, 'array');
      }
      assert.match(text, new RegExp(`${accounts[0]!.address.replace('.', '\\.')} properties\\.status = "ACTIVE": must be an array`));
      assert.ok((plan.mapping_issues as Array<{ field: string }>).some((issue) => issue.field === 'properties.status'));
      const changes = plan.resource_changes as Array<{ address: string }>;
      assert.ok(!changes.some((c) => c.address.startsWith('awsAccount.')), 'no refused account is planned');
      // WHEN applied, Port refuses nothing
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.ok(world.port.writes.every((w) => w.failed === undefined && w.status < 400), JSON.stringify(world.port.writes.filter((w) => w.status >= 400 || w.failed)));
    } finally {
      await world.close();
    }
  });

  it('reports a value outside the enum of the blueprint Port has', async () => {
    const { refusals, world } = await planRefusals(portWithAccountProperty('status', { type: 'string', enum: ['SUSPENDED'] }));
    await world.close();
    assert.ok(refusals.length > 0);
    assert.ok(refusals.every((r) => r.property === 'status' && r.rule === 'enum' && r.value === 'ACTIVE'), JSON.stringify(refusals));
  });

  it('reports a value that is not of the format of the blueprint Port has', async () => {
    const { refusals, world } = await planRefusals(portWithAccountProperty('email', { type: 'string', format: 'url' }));
    await world.close();
    assert.ok(refusals.length > 0);
    assert.ok(refusals.every((r) => r.property === 'email' && r.rule === 'format' && typeof r.value === 'string' && r.value.includes('@')), JSON.stringify(refusals));
  });

  it('reports a property the blueprint Port has requires and the mapping does not write', async () => {
    const { refusals, world } = await planRefusals(portWithAccountProperty('owner', { type: 'string' }, ['owner']));
    await world.close();
    assert.ok(refusals.length > 0);
    assert.ok(refusals.every((r) => r.property === 'owner' && r.rule === 'required' && r.value === null), JSON.stringify(refusals));
  });

  it('plans the properties the mapping writes that Port\'s blueprint lacks as a blueprint change, and apply adds them', async () => {
    // GIVEN Port's awsAccount has no joined_method (the blueprints file declares it)
    const world = await startWorld({ configText: CONFIG, portBlueprints: portWithAccountProperty('joined_method', undefined) });
    try {
      const json = await world.run(['plan', '--json']);
      assert.equal(json.code, 0, json.stderr);
      const plan = JSON.parse(json.stdout) as { blueprint_changes: unknown[]; value_refusals: unknown[] };
      assert.deepEqual(plan.blueprint_changes, [{ identifier: 'awsAccount', action: 'update', add_properties: ['joined_method'] }]);
      assert.deepEqual(plan.value_refusals, []);
      const text = await world.run(['plan']);
      assert.match(text.stdout, /~ blueprint awsAccount: add properties\.joined_method/);
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      const awsAccount = world.port.blueprints().find((b) => b.identifier === 'awsAccount')!;
      assert.deepEqual(awsAccount.schema.properties.joined_method?.enum, ['INVITED', 'CREATED']);
      assert.ok(awsAccount.schema.properties.status, "Port's other properties are kept");
      assert.ok(world.port.entities('awsAccount').some((e) => e.properties.joined_method === 'CREATED' || e.properties.joined_method === 'INVITED'));
      const again = await world.run(['plan', '--detailed-exitcode']);
      assert.equal(again.code, 0, again.stdout);
    } finally {
      await world.close();
    }
  });
});
