import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedConfigWithRegions, startWorld, writeToPortDirectly, type World } from '../support/world.js';

/** The User-Agent of Port's own AWS integration, another writer of the same blueprint. */
const OCEAN = 'port-ocean/aws/0.2.5/my-aws-integration/exporter';
const BLUEPRINT = 'cloudResource';

/** Writes an entity aws2port also maps, as another writer would. */
function writeAsOtherWriter(world: World, identifier: string, properties: Record<string, unknown>, userAgent = OCEAN): Promise<void> {
  return writeToPortDirectly(world, BLUEPRINT, { identifier, title: `theirs ${identifier}`, properties, relations: { account: '123456789012' } }, userAgent);
}

interface PlanJson {
  resource_changes: Array<{ blueprint: string; identifier: string; action: string }>;
  foreign_entities?: Array<{ address: string; identifier: string; action: string; datasource: string }>;
}

describe('entities another writer owns in Port', () => {
  it('are never created over, updated or deleted, and the plan lists them', async () => {
    const world = await startWorld({ configText: `installationId: prod-estate\n${seedConfigWithRegions()}` });
    try {
      const first = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanJson;
      const [taken, ...ours] = first.resource_changes.filter((change) => change.blueprint === BLUEPRINT && change.action === 'create').map((change) => change.identifier);
      assert.ok(taken && ours.length > 1);
      await writeAsOtherWriter(world, taken, { kind: 'theirs' });
      await writeAsOtherWriter(world, 'unrelated-entity', { kind: 'theirs' });

      const plan = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanJson;
      assert.deepEqual(plan.foreign_entities, [{ address: `${BLUEPRINT}.${taken}`, blueprint: BLUEPRINT, identifier: taken, action: 'create', datasource: OCEAN }]);
      assert.ok(!plan.resource_changes.some((change) => change.identifier === taken), 'the create is left out');
      const text = await world.run(['plan']);
      assert.match(text.stdout, new RegExp(`Entities another writer owns[^\\n]*\\n[^\\n]*${BLUEPRINT}\\.${taken}[^\\n]*create left out: written by ${OCEAN.replaceAll('.', '\\.')}`));

      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.equal(world.port.entity(BLUEPRINT, taken)?.title, `theirs ${taken}`, 'the other writer keeps its entity');
      assert.equal(world.port.entity(BLUEPRINT, taken)?.$datasource, OCEAN);
      assert.equal(world.port.entity(BLUEPRINT, 'unrelated-entity')?.$datasource, OCEAN);
      assert.ok(ours.every((identifier) => world.port.entity(BLUEPRINT, identifier)?.$datasource?.endsWith('/prod-estate')), 'the rest is written');

      // Another writer (another installation) takes over one of ours; AWS then loses the resource.
      const lost = ours[0]!;
      await writeAsOtherWriter(world, lost, { kind: 'now theirs' }, 'aws2port/0.1.0/staging-estate');
      const resource = world.aws.estate.resources.find((r) => r.identifier === lost)!;
      assert.ok(world.aws.removeResource(resource.type, resource.account, resource.identifier));
      const again = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanJson;
      assert.deepEqual(
        again.foreign_entities?.map((entry) => [entry.identifier, entry.action, entry.datasource]),
        [[lost, 'delete', 'aws2port/0.1.0/staging-estate'], [taken, 'create', OCEAN]].sort((a, b) => a[0]!.localeCompare(b[0]!)),
      );
      const second = await world.run(['apply', '--auto-approve']);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(world.port.entity(BLUEPRINT, lost)?.title, `theirs ${lost}`, 'what another installation took over is not deleted');
    } finally {
      await world.close();
    }
  });

  it('refuse a saved plan that would write one', async () => {
    const world = await startWorld({ configText: `installationId: prod-estate\n${seedConfigWithRegions()}` });
    try {
      const planFile = `${world.dir}/saved.plan`;
      const saved = await world.run(['plan', '--out', planFile]);
      assert.equal(saved.code, 0, saved.stderr);
      const taken = (JSON.parse((await world.run(['show', '--json', planFile])).stdout) as PlanJson).resource_changes.find((change) => change.blueprint === BLUEPRINT)!.identifier;
      await writeAsOtherWriter(world, taken, { kind: 'theirs' });
      const writesBefore = world.port.writes.length;

      const apply = await world.run(['apply', planFile]);
      assert.equal(apply.code, 1);
      assert.match(apply.stderr, /PlanWritesForeignEntities/);
      assert.equal(world.port.writes.length, writesBefore, 'nothing written');
    } finally {
      await world.close();
    }
  });
});
