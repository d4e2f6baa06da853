import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate } from '../simulators/aws/index.js';
import type { WriteRecord } from '../simulators/port/index.js';
import { EXAMPLES_DIR, seedConfigWithRegions, startWorld, writeToPortDirectly, type World } from '../support/world.js';

const INSTALLED_CONFIG = `installationId: prod-estate\n${seedConfigWithRegions()}`;
const EC2 = 'AWS::EC2::Instance';

/** A world after a first complete apply as installation prod-estate. */
async function appliedWorld(): Promise<World> {
  const world = await startWorld({ configText: INSTALLED_CONFIG });
  const apply = await world.run(['apply', '--auto-approve']);
  assert.equal(apply.code, 0, apply.stderr);
  return world;
}

/** The entity writes Port received since write number `after`: `create X`, `update X`, `delete X`, sorted. */
function entityWritesSince(world: World, after: number): string[] {
  const seen: string[] = [];
  for (const write of world.port.writes.slice(after) as WriteRecord[]) {
    if (write.route === 'upsert' || write.route === 'bulk-upsert') {
      for (const identifier of write.identifiers) seen.push(`${write.created?.includes(identifier) ? 'create' : 'update'} ${identifier}`);
    } else if (write.route === 'delete' || write.route === 'bulk-delete') {
      for (const identifier of write.identifiers) seen.push(`delete ${identifier}`);
    }
  }
  return seen.sort();
}

/** The addresses `state list` prints for a state file. */
async function listedAddresses(world: World, stateFile: string): Promise<string[]> {
  const run = await world.run(['state', 'list', '--state', stateFile]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean).sort();
}

const planned = async (world: World, args: string[] = []): Promise<PlanDocument> => {
  const run = await world.run(['plan', '--json', ...args]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as PlanDocument;
};

describe('a lost state rebuilt from Port', () => {
  it('is rebuilt at the start of apply, which then writes only what AWS changed, and plans no change after', async () => {
    const world = await appliedWorld();
    try {
      const addressesBefore = await listedAddresses(world, join(world.dir, 'state.db'));
      rmSync(join(world.dir, 'state.db'));
      // GIVEN one resource added, one changed and one removed in AWS since the state was lost
      const changed = world.aws.estate.resources.find((r) => r.identifier === 'i-1111a000000000000')!;
      world.aws.putResource({ ...changed, properties: { ...changed.properties, Tags: [{ Key: 'Name', Value: 'renamed' }] } });
      world.aws.putResource({ ...changed, identifier: 'i-1111added0000000', properties: { ...changed.properties, InstanceId: 'i-1111added0000000' } });
      world.aws.removeResource('AWS::S3::Bucket', '111111111111', 'acme-shared-logs');

      const writesBefore = world.port.writes.length;
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.match(apply.stderr, /State file missing: rebuilding it from Port for installation prod-estate/);
      assert.match(apply.stderr, new RegExp(`Rebuilt ${addressesBefore.length} entities of 2 blueprints from Port`));
      assert.deepEqual(entityWritesSince(world, writesBefore), ['create i-1111added0000000', 'delete acme-shared-logs', 'update i-1111a000000000000']);

      const after = await world.run(['plan', '--detailed-exitcode']);
      assert.equal(after.code, 0, after.stdout + after.stderr);
    } finally {
      await world.close();
    }
  });

  it('is rebuilt by `state rebuild` on demand, and `plan` alone rebuilds in memory, leaving no file', async () => {
    const world = await appliedWorld();
    try {
      const stateFile = join(world.dir, 'state.db');
      const addressesBefore = await listedAddresses(world, stateFile);
      rmSync(stateFile);
      const plan = await planned(world);
      assert.deepEqual(plan.summary, { add: 0, change: 0, destroy: 0 }, 'a rebuilt state plans no write to Port');
      assert.equal(plan.owner_moves?.length, addressesBefore.length, 'each entity moves to the scope that produced it');
      assert.equal(existsSync(stateFile), false, 'plan leaves no state file');

      const rebuild = await world.run(['state', 'rebuild', '--json']);
      assert.equal(rebuild.code, 0, rebuild.stderr);
      assert.deepEqual(JSON.parse(rebuild.stdout), { type: 'rebuild_complete', entities: addressesBefore.length, blueprints: 2 });
      assert.deepEqual(await listedAddresses(world, stateFile), addressesBefore);
      const shown = await world.run(['state', 'show', 'cloudResource.i-1111a000000000000']);
      assert.equal((JSON.parse(shown.stdout) as { scope: { kind: string } }).scope.kind, '(unknown)');
    } finally {
      await world.close();
    }
  });

  it('is rebuilt into its file by `plan --out`, and `apply` of that plan records the owners without writing to Port', async () => {
    const world = await appliedWorld();
    try {
      const stateFile = join(world.dir, 'state.db');
      rmSync(stateFile);
      const plan = await world.run(['plan', '--out', 'p.plan']);
      assert.equal(plan.code, 0, plan.stderr);
      assert.match(plan.stderr, /State file missing: rebuilding it from Port/);
      assert.equal(existsSync(stateFile), true);
      const writesBefore = world.port.writes.length;
      const apply = await world.run(['apply', 'p.plan']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.equal(world.port.writes.length, writesBefore, 'nothing written to Port');
      const shown = await world.run(['state', 'show', 'cloudResource.i-1111a000000000000']);
      assert.equal((JSON.parse(shown.stdout) as { scope: { kind: string } }).scope.kind, EC2);
    } finally {
      await world.close();
    }
  });

  it('on an existing state, keeps the owners it records and forgets what Port no longer holds', async () => {
    const world = await appliedWorld();
    try {
      const stateFile = join(world.dir, 'state.db');
      const addressesBefore = await listedAddresses(world, stateFile);
      world.port.removeEntity('cloudResource', 'i-1111a000000000000');
      const rebuild = await world.run(['state', 'rebuild']);
      assert.equal(rebuild.code, 0, rebuild.stderr);
      assert.deepEqual(await listedAddresses(world, stateFile), addressesBefore.filter((a) => a !== 'cloudResource.i-1111a000000000000'));
      const shown = await world.run(['state', 'show', 'cloudResource.i-1111e000000000000']);
      assert.deepEqual((JSON.parse(shown.stdout) as { scope: unknown }).scope, { kind: EC2, account: '111111111111', region: 'eu-west-1' });
      const plan = await planned(world);
      assert.deepEqual(plan.resource_changes.map((c) => `${c.action} ${c.address}`), ['create cloudResource.i-1111a000000000000'], 'the next plan restores it');
    } finally {
      await world.close();
    }
  });

  it('rebuilds, for each shard of an installation, only the entities that shard wrote', async () => {
    const estate = generateEstate({ seed: 13, accounts: 6, regions: 2, kinds: ['AWS::S3::Bucket', EC2], resourcesPerScope: 1 });
    const world = await startWorld({ estate, configText: `installationId: prod-estate\n${seedConfigWithRegions(estate.regions)}` });
    try {
      const shardStates = ['1/2', '2/2'].map((shard) => ({ shard, file: join(world.dir, `shard-${shard[0]}.db`) }));
      for (const { shard, file } of shardStates) {
        const apply = await world.run(['apply', '--auto-approve', '--shard', shard, '--state', file]);
        assert.equal(apply.code, 0, apply.stderr);
      }
      const written = await Promise.all(shardStates.map(({ file }) => listedAddresses(world, file)));
      assert.ok(written.every((addresses) => addresses.length > 0), 'each shard wrote entities of its own');
      for (const [index, { shard, file }] of shardStates.entries()) {
        rmSync(file);
        const rebuild = await world.run(['state', 'rebuild', '--shard', shard, '--state', file]);
        assert.equal(rebuild.code, 0, rebuild.stderr);
        assert.deepEqual(await listedAddresses(world, file), written[index], `shard ${shard} rebuilds only its own`);
      }
    } finally {
      await world.close();
    }
  });

  it('keeps an entity of unknown scope after a run with a skipped scope, and deletes it after a complete run', async () => {
    const world = await appliedWorld();
    try {
      rmSync(join(world.dir, 'state.db'));
      world.aws.removeResource(EC2, '111111111111', 'i-1111a000000000000', 'us-east-1');
      world.aws.faults.deny = [{ account: '222222222222', region: 'eu-west-1', type: EC2 }];
      const partial = await planned(world);
      assert.equal(partial.complete, false);
      assert.deepEqual(partial.resource_changes, [], 'a skipped scope might have owned it: nothing is deleted');
      const writesBefore = world.port.writes.length;
      const partialApply = await world.run(['apply', '--auto-approve']);
      assert.equal(partialApply.code, 0, partialApply.stderr);
      assert.deepEqual(entityWritesSince(world, writesBefore), []);
      assert.ok(world.port.entity('cloudResource', 'i-1111a000000000000'), 'still in Port');

      world.aws.faults.deny = [];
      const complete = await planned(world);
      assert.deepEqual(complete.resource_changes.map((c) => `${c.action} ${c.address}`), ['delete cloudResource.i-1111a000000000000']);
      const completeApply = await world.run(['apply', '--auto-approve']);
      assert.equal(completeApply.code, 0, completeApply.stderr);
      assert.deepEqual(entityWritesSince(world, writesBefore), ['delete i-1111a000000000000']);
    } finally {
      await world.close();
    }
  });

  it("never rebuilds another writer's entity of the same blueprint, so never deletes it", async () => {
    const world = await appliedWorld();
    try {
      await writeToPortDirectly(world, 'cloudResource', { identifier: 'made-by-hand', title: 'made by hand', relations: { account: '111111111111' } });
      rmSync(join(world.dir, 'state.db'));
      const rebuild = await world.run(['state', 'rebuild']);
      assert.equal(rebuild.code, 0, rebuild.stderr);
      assert.ok(!(await listedAddresses(world, join(world.dir, 'state.db'))).includes('cloudResource.made-by-hand'));
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.ok(world.port.entity('cloudResource', 'made-by-hand'), 'the foreign entity is still in Port');
    } finally {
      await world.close();
    }
  });

  it("names the installation by the Organization's id when the config names none, and rebuilds by it", async () => {
    const world = await startWorld();
    try {
      const organizationId = world.aws.estate.organization!.id;
      const first = await world.run(['apply', '--auto-approve']);
      assert.equal(first.code, 0, first.stderr);
      assert.ok(world.port.entities('cloudResource').every((entity) => entity.$datasource?.endsWith(`/${organizationId}`)));
      rmSync(join(world.dir, 'state.db'));
      const writesBefore = world.port.writes.length;
      const again = await world.run(['apply', '--auto-approve']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, new RegExp(`rebuilding it from Port for installation ${organizationId}`));
      assert.deepEqual(entityWritesSince(world, writesBefore), [], 'nothing AWS did not change is written again');
      const rebuild = await world.run(['state', 'rebuild']);
      assert.equal(rebuild.code, 0, rebuild.stderr);
    } finally {
      await world.close();
    }
  });

  it('finds nothing to rebuild in blueprints Port does not have yet, and the first apply creates them', async () => {
    const world = await startWorld({ configText: `installationId: prod-estate\nblueprints: ${EXAMPLES_DIR}blueprints.json\n${seedConfigWithRegions()}`, portBlueprints: [] });
    try {
      const apply = await world.run(['apply', '--auto-approve']);
      assert.equal(apply.code, 0, apply.stderr);
      assert.match(apply.stderr, /Rebuilt 0 entities of 0 blueprints from Port/);
      assert.ok(world.port.entities('cloudResource').length > 0);
    } finally {
      await world.close();
    }
  });

  it('leaves no state file behind when the rebuild fails', async () => {
    const world = await appliedWorld();
    try {
      const stateFile = join(world.dir, 'fresh', 'nested', 'state.db');
      world.port.faults.nextStatuses.push(...Array<number>(20).fill(400));
      const apply = await world.run(['apply', '--auto-approve', '--state', stateFile]);
      assert.equal(apply.code, 1);
      assert.match(apply.stderr, /\[PortRequestFailed\]/);
      assert.equal(existsSync(join(world.dir, 'fresh')), false, 'neither the state file nor the folders made for it are left');
    } finally {
      await world.close();
    }
  });
});
