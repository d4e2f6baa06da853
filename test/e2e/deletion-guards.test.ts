import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { seedConfigWithRegions, startWorld, writeToPortDirectly, type World } from '../support/world.js';

/** A world after a first complete apply. */
async function appliedWorld(configText?: string): Promise<World> {
  const world = await startWorld(configText ? { configText } : {});
  const apply = await world.run(['apply', '--auto-approve']);
  assert.equal(apply.code, 0, apply.stderr);
  return world;
}

const plannedAddresses = async (world: World, args: string[] = []) => {
  const run = await world.run(['plan', '--json', ...args]);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as PlanDocument).resource_changes.map((c) => `${c.action} ${c.address}`).sort();
};

describe('deletion guards', () => {
  it('refuses a plan that deletes more than entityDeletionThreshold of a blueprint, unless --allow-mass-delete', async () => {
    const world = await appliedWorld(`entityDeletionThreshold: 0.2\n${seedConfigWithRegions()}`);
    try {
      // GIVEN 7 of the 30 cloud resources vanish from AWS (23%, over 20%)
      for (const r of world.aws.estate.resources.filter((r) => r.type === 'AWS::EC2::Instance').slice(0, 7)) world.aws.removeResource(r.type, r.account, r.identifier, r.region);
      const plan = await world.run(['plan']);
      assert.match(plan.stdout, /cloudResource: 7 of 30 managed entities \(23\.3%, threshold 20%\)/);
      const writes = world.port.writes.length;
      const refused = await world.run(['apply', '--auto-approve']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /DeletionThresholdExceeded/);
      assert.match(refused.stderr, /--allow-mass-delete/);
      assert.equal(world.port.writes.length, writes, 'nothing was written');
      const allowed = await world.run(['apply', '--auto-approve', '--allow-mass-delete']);
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.match(allowed.stdout, /0 added, 0 changed, 7 destroyed/);
    } finally {
      await world.close();
    }
  });

  it('keeps the entities of a scope that failed to read, and lists the scope as skipped', async () => {
    const world = await appliedWorld();
    try {
      world.aws.faults.deny = [{ account: '222222222222', region: 'eu-west-1', type: 'AWS::EC2::Instance' }];
      world.aws.removeResource('AWS::EC2::Instance', '222222222222', 'i-2222e000000000000', 'eu-west-1');
      const run = await world.run(['plan', '--json']);
      const plan = JSON.parse(run.stdout) as PlanDocument;
      assert.deepEqual(plan.resource_changes, []);
      assert.equal(plan.complete, false);
      assert.deepEqual(plan.skipped_scopes.map((s) => [s.kind, s.account, s.region]), [['AWS::EC2::Instance', '222222222222', 'eu-west-1']]);
      assert.match(plan.skipped_scopes[0]!.error, /AccessDenied/);
      const text = await world.run(['plan']);
      assert.match(text.stdout, /Skipped scopes \(nothing they own will be deleted\):\n  ! AWS::EC2::Instance 222222222222 eu-west-1: AccessDenied/);
    } finally {
      await world.close();
    }
  });

  it('restricts reading and deleting to the --target kinds', async () => {
    const world = await appliedWorld();
    try {
      world.aws.removeResource('AWS::S3::Bucket', '111111111111', 'acme-shared-logs');
      world.aws.removeResource('AWS::EC2::Instance', '111111111111', 'i-1111a000000000000', 'us-east-1');
      assert.deepEqual(await plannedAddresses(world, ['--target', 'AWS::EC2::Instance']), ['delete cloudResource.i-1111a000000000000']);
      assert.deepEqual(await plannedAddresses(world), ['delete cloudResource.acme-shared-logs', 'delete cloudResource.i-1111a000000000000']);
      // A kind neither the config nor the state knows (a typo) is refused, not planned as "No changes".
      const typo = await world.run(['plan', '--target', 'AWS::EC2::Instances']);
      assert.equal(typo.code, 1);
      assert.match(typo.stderr, /^Error: --target AWS::EC2::Instances: no resource config maps this kind, and the state records no entity of it\. \[InvalidArgument\]\nThe config maps: .*AWS::EC2::Instance\b/);
    } finally {
      await world.close();
    }
  });

  it('never deletes an entity the state does not record as ours, even when a plan file says so', async () => {
    const world = await appliedWorld();
    try {
      // written as an aws2port that named no installation would: Port's record of the writer lets it
      // through, so the state alone must refuse it
      await writeToPortDirectly(world, 'cloudResource', { identifier: 'made-by-hand', title: 'made by hand', relations: { account: '111111111111' } }, 'aws2port/0.0.1');
      world.aws.removeResource('AWS::S3::Bucket', '111111111111', 'acme-shared-logs');
      const saved = await world.run(['plan', '--out', 'p.plan']);
      assert.equal(saved.code, 0, saved.stderr);
      // WHEN the plan file is edited to delete an entity aws2port never wrote
      const file = join(world.dir, 'p.plan');
      const document = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
      const forged = { ...document.resource_changes[0]!, address: 'cloudResource.made-by-hand', identifier: 'made-by-hand', aws_identifier: 'made-by-hand' };
      document.resource_changes.push(forged);
      document.summary.destroy++;
      writeFileSync(file, JSON.stringify(document));
      const run = await world.run(['apply', 'p.plan']);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /cloudResource\.made-by-hand \(delete\).*not_owned/);
      assert.ok(world.port.entity('cloudResource', 'made-by-hand'), 'the foreign entity is still in Port');
      assert.equal(world.port.entity('cloudResource', 'acme-shared-logs'), undefined, 'the planned delete was done');
    } finally {
      await world.close();
    }
  });
});
