import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { shardOfAccount } from '../../src/aws/index.js';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate, type Estate } from '../simulators/aws/index.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

const EC2 = 'AWS::EC2::Instance';
const SHARDS = 2;

describe('an Organization split among shards, each with its own state', () => {
  let world: World;
  let estate: Estate;
  const stateOf = (shard: number) => join(world.dir, `shard-${shard}.db`);
  const planOf = async (args: string[]): Promise<PlanDocument> => {
    const run = await world.run(['plan', '--json', ...args]);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as PlanDocument;
  };
  const addresses = (plan: PlanDocument) => plan.resource_changes.map((c) => c.address).sort();

  before(async () => {
    estate = generateEstate({ seed: 13, accounts: 6, regions: 2, kinds: ['AWS::S3::Bucket', EC2, 'AWS::ECS::Cluster'], resourcesPerScope: 1 });
    world = await startWorld({ estate, configText: seedConfigWithRegions(estate.regions) });
  });
  after(() => world.close());

  it('plans every entity in exactly one shard, each account entity in its own account\'s shard', async () => {
    const whole = await planOf(['--state', join(world.dir, 'whole.db')]);
    const shards = [];
    for (let shard = 1; shard <= SHARDS; shard++) shards.push(await planOf(['--shard', `${shard}/${SHARDS}`, '--state', stateOf(shard)]));
    assert.deepEqual(shards.flatMap(addresses).sort(), addresses(whole));
    assert.equal(new Set(shards.flatMap(addresses)).size, whole.resource_changes.length);
    for (const [i, plan] of shards.entries()) {
      for (const change of plan.resource_changes) assert.equal(shardOfAccount(change.scope.account, SHARDS), i + 1, change.address);
      for (const account of plan.resource_changes.filter((c) => c.blueprint === 'awsAccount')) assert.equal(account.scope.account, account.identifier);
    }
  });

  it('never deletes what another shard owns, and prunes what left its own accounts', async () => {
    // Given both shards applied to Port
    for (let shard = 1; shard <= SHARDS; shard++) {
      const run = await world.run(['apply', '--auto-approve', '--shard', `${shard}/${SHARDS}`, '--state', stateOf(shard)]);
      assert.equal(run.code, 0, run.stderr);
    }
    // When an instance of an account of shard 1 disappears
    const gone = estate.resources.find((r) => r.type === EC2 && shardOfAccount(r.account, SHARDS) === 1)!;
    assert.ok(world.aws.removeResource(EC2, gone.account, gone.identifier, gone.region));
    // Then shard 1 deletes it, and shard 2 plans nothing at all
    const first = await planOf(['--shard', `1/${SHARDS}`, '--state', stateOf(1)]);
    assert.deepEqual(first.resource_changes.map((c) => `${c.action} ${c.identifier}`), [`delete ${gone.identifier}`]);
    const second = await planOf(['--shard', `2/${SHARDS}`, '--state', stateOf(2)]);
    assert.deepEqual(second.resource_changes, []);
  });
});
