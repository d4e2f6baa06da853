import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { startWorld, type World } from '../support/world.js';

const NEW_BUCKET = 'acme-prod-ml-datasets';
const RETAGGED_INSTANCE = 'i-2222e100000000000';
const REMOVED_CLUSTER_ARN = 'arn:aws:ecs:eu-west-1:222222222222:cluster/prod-jobs';

/** Adds a bucket, retags an instance and removes a cluster in the simulated estate. */
function changeEstate(world: World): void {
  world.aws.putResource({
    type: 'AWS::S3::Bucket',
    account: '222222222222',
    region: 'eu-west-1',
    identifier: NEW_BUCKET,
    properties: { BucketName: NEW_BUCKET, Arn: `arn:aws:s3:::${NEW_BUCKET}`, RegionalDomainName: `${NEW_BUCKET}.s3.eu-west-1.amazonaws.com`, Tags: [{ Key: 'team', Value: 'ml' }] },
  });
  const instance = world.aws.estate.resources.find((r) => r.identifier === RETAGGED_INSTANCE)!;
  instance.properties = { ...instance.properties, Tags: [{ Key: 'Name', Value: 'prod-worker-eu-west-1' }, { Key: 'team', Value: 'search-relevance' }] };
  assert.ok(world.aws.removeResource('AWS::ECS::Cluster', '222222222222', 'prod-jobs', 'eu-west-1'));
}

describe('when the estate changes after an apply', () => {
  let world: World;

  before(async () => {
    world = await startWorld();
    const first = await world.run(['apply', '--auto-approve']);
    assert.equal(first.code, 0, first.stderr);
    changeEstate(world);
  });
  after(() => world.close());

  it('plans exactly 1 add, 1 change and 1 destroy with the right addresses', async () => {
    const run = await world.run(['plan', '--json', '--out', 'changes.plan']);
    assert.equal(run.code, 0, run.stderr);
    const plan = JSON.parse(run.stdout) as PlanDocument;
    assert.deepEqual(plan.summary, { add: 1, change: 1, destroy: 1 });
    const actions = Object.fromEntries(plan.resource_changes.map((c) => [c.address, c.action]));
    assert.deepEqual(actions, {
      [`cloudResource.${NEW_BUCKET}`]: 'create',
      [`cloudResource.${RETAGGED_INSTANCE}`]: 'update',
      [`cloudResource.${REMOVED_CLUSTER_ARN}`]: 'delete',
    });
  });

  it('shows the change Terraform-style in the text plan', async () => {
    const run = await world.run(['plan']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`\\+ cloudResource\\.${NEW_BUCKET}`));
    assert.match(run.stdout, new RegExp(`~ cloudResource\\.${RETAGGED_INSTANCE}`));
    assert.match(run.stdout, /search-relevance/);
    assert.match(run.stdout, /- cloudResource\.arn:aws:ecs:eu-west-1:222222222222:cluster\/prod-jobs/);
    assert.match(run.stdout, /Plan: 1 to add, 1 to change, 1 to destroy\./);
  });

  it('refuses to apply without a terminal to confirm on, and changes nothing', async () => {
    const writesBefore = world.port.writes.length;
    const run = await world.run(['apply']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /ConfirmationUnavailable/);
    assert.equal(world.port.writes.length, writesBefore);
  });

  it('applies the saved plan with only those writes', async () => {
    const writesBefore = world.port.writes.length;
    const run = await world.run(['apply', join(world.dir, 'changes.plan')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Apply complete! Resources: 1 added, 1 changed, 1 destroyed\./);
    const written = world.port.writes.slice(writesBefore).flatMap((w) => w.identifiers).sort();
    assert.deepEqual(written, [NEW_BUCKET, RETAGGED_INSTANCE, REMOVED_CLUSTER_ARN].sort());
    assert.equal(world.port.entity('cloudResource', REMOVED_CLUSTER_ARN), undefined);
    assert.deepEqual(world.port.entity('cloudResource', RETAGGED_INSTANCE)?.properties.tags, [
      { Key: 'Name', Value: 'prod-worker-eu-west-1' },
      { Key: 'team', Value: 'search-relevance' },
    ]);
  });

  it('refuses a saved plan made before another apply as stale, leaving Port unchanged', async () => {
    world.aws.removeResource('AWS::EC2::Instance', '111111111111', 'i-1111a000000000000');
    const saved = await world.run(['plan', '--out', 'before-other-apply.plan']);
    assert.equal(saved.code, 0, saved.stderr);
    world.aws.removeResource('AWS::EC2::Instance', '111111111111', 'i-1111a100000000000');
    const other = await world.run(['apply', '--auto-approve']);
    assert.equal(other.code, 0, other.stderr);

    const writesBefore = world.port.writes.length;
    const stale = await world.run(['apply', 'before-other-apply.plan']);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /Saved plan is stale: the state changed \(serial \d+ -> \d+\) since it was made\. Run plan again\. \[PlanStale\]/);
    assert.equal(world.port.writes.length, writesBefore);
  });
});
