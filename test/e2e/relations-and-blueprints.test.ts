import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { loadExampleBlueprints, type Blueprint } from '../simulators/port/index.js';
import { EXAMPLES_DIR, SEED_CONFIG_TEXT, seedConfigWithRegions, startWorld } from '../support/world.js';

describe('relations and blueprints', () => {
  it('writes relation targets first when Port may not create missing related entities', async () => {
    const world = await startWorld({ configText: `createMissingRelatedEntities: false\n${seedConfigWithRegions()}` });
    try {
      const run = await world.run(['apply', '--auto-approve']);
      assert.equal(run.code, 0, run.stderr);
      const upserts = world.port.writes.filter((w) => w.route === 'bulk-upsert');
      const lastAccountWrite = Math.max(...upserts.filter((w) => w.blueprint === 'awsAccount').map((w) => w.seq));
      const firstResourceWrite = Math.min(...upserts.filter((w) => w.blueprint === 'cloudResource').map((w) => w.seq));
      assert.ok(lastAccountWrite < firstResourceWrite, 'awsAccount before cloudResource');
      assert.ok(upserts.every((w) => w.status === 200));
      assert.equal(world.port.entities('cloudResource').length, 30);
    } finally {
      await world.close();
    }
  });

  it('retries an upsert refused for a missing related entity after the rest is written', async () => {
    // GIVEN cloudResource relates to itself, and the first instance (by address) names a later one as parent
    const blueprints = loadExampleBlueprints().map((b): Blueprint => (b.identifier === 'cloudResource' ? { ...b, relations: { ...b.relations, parent: { title: 'Parent', target: 'cloudResource', required: false, many: false } } } : b));
    const config = `createMissingRelatedEntities: false\n${seedConfigWithRegions()}`.replace(
      /(- kind: AWS::EC2::Instance[\s\S]*?relations:\n\s+account: \.__AccountId)/,
      `$1\n          parent: 'if .Identifier == "i-1111a000000000000" then "i-1111a200000000000" else null end'`,
    );
    const world = await startWorld({ configText: config, portBlueprints: blueprints });
    try {
      const run = await world.run(['apply', '--auto-approve']);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      assert.equal(world.port.entity('cloudResource', 'i-1111a000000000000')?.relations.parent, 'i-1111a200000000000');
      const refused = world.port.writes.filter((w) => w.failed?.includes('i-1111a000000000000'));
      assert.equal(refused.length, 1, 'the first try was refused by Port, the retry succeeded');
    } finally {
      await world.close();
    }
  });

  it('reports a relation target Port would refuse as a mapping issue of that entity, and writes every other entity of its batch', async () => {
    const blueprints = loadExampleBlueprints().map((b): Blueprint => (b.identifier === 'cloudResource' ? { ...b, relations: { ...b.relations, parent: { title: 'Parent', target: 'cloudResource', required: false, many: false } } } : b));
    const config = seedConfigWithRegions().replace(
      /(- kind: AWS::EC2::Instance[\s\S]*?relations:\n\s+account: \.__AccountId)/,
      `$1\n          parent: 'if .Identifier == "i-1111a000000000000" then "not a valid id!" else null end'`,
    );
    const world = await startWorld({ configText: config, portBlueprints: blueprints });
    try {
      const plan = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanDocument;
      const issue = plan.mapping_issues.find((i) => i.field === 'relations.parent');
      assert.deepEqual([issue?.kind, issue?.count, issue?.item_skipped], ['AWS::EC2::Instance', 1, false]);
      const run = await world.run(['apply', '--auto-approve']);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      assert.ok(world.port.writes.every((w) => w.status < 400), 'no request refused');
      assert.equal(world.port.entity('cloudResource', 'i-1111a000000000000')?.relations.parent, null);
      assert.equal(world.port.entities('cloudResource').length, 30);
    } finally {
      await world.close();
    }
  });

  it('plans missing blueprints of the blueprints file as creates, and apply creates them before entities', async () => {
    const world = await startWorld({ configText: `blueprints: ${EXAMPLES_DIR}blueprints.json\naws:\n  regions: [us-east-1]\n${SEED_CONFIG_TEXT}`, portBlueprints: [] });
    try {
      const plan = await world.run(['plan']);
      assert.equal(plan.code, 0, plan.stderr);
      assert.match(plan.stdout, /\+ blueprint awsAccount\n {2}\+ blueprint cloudResource/);
      assert.deepEqual(world.port.blueprints(), [], 'plan creates nothing');
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.deepEqual(world.port.blueprints().map((b) => b.identifier).sort(), ['awsAccount', 'cloudResource']);
      assert.equal(world.port.blueprints().find((b) => b.identifier === 'cloudResource')?.relations?.account?.target, 'awsAccount');
      const firstEntityWrite = world.port.writes.findIndex((w) => w.route === 'bulk-upsert');
      const lastBlueprintWrite = world.port.writes.map((w) => w.route.startsWith('blueprint')).lastIndexOf(true);
      assert.ok(lastBlueprintWrite < firstEntityWrite);
      const again = await world.run(['plan', '--detailed-exitcode']);
      assert.equal(again.code, 0, again.stdout);
    } finally {
      await world.close();
    }
  });
});
