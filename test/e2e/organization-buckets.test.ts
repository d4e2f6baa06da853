import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate, type Estate } from '../simulators/aws/index.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

const S3 = 'AWS::S3::Bucket';

describe('S3 buckets of an Organization, with only one region configured', () => {
  let world: World;
  let estate: Estate;

  before(async () => {
    // Given buckets in three regions of three accounts, a config that reads only the second region,
    // and GetResource refused outside a bucket's own region
    estate = generateEstate({ seed: 11, accounts: 3, regions: 3, kinds: [S3], resourcesPerScope: 2 });
    world = await startWorld({ estate, configText: seedConfigWithRegions([estate.regions[1]!]) });
    world.aws.faults.s3GetOtherRegionFails = true;
  });
  after(() => world.close());

  it('plans every bucket once, with its true region', async () => {
    const run = await world.run(['plan', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const plan = JSON.parse(run.stdout) as PlanDocument;
    const buckets = plan.resource_changes.filter((c) => c.scope.kind === S3);
    assert.deepEqual(
      buckets.map((c) => `${c.identifier} ${String(c.after?.properties.region)}`).sort(),
      estate.resources.map((r) => `${r.identifier} ${r.region}`).sort(),
    );
    assert.deepEqual(plan.skipped_scopes, []);
    assert.deepEqual([...new Set(buckets.map((c) => c.scope.region))], ['global']);
  });
});

describe('S3 buckets read again after an apply', () => {
  let world: World;
  let estate: Estate;

  before(async () => {
    // Given buckets in three regions of two accounts, all three regions configured, GetResource
    // refused outside a bucket's own region, and an apply that read them all
    estate = generateEstate({ seed: 12, accounts: 2, regions: 3, kinds: [S3], resourcesPerScope: 3 });
    world = await startWorld({ estate, configText: seedConfigWithRegions(estate.regions) });
    world.aws.faults.s3GetOtherRegionFails = true;
    const apply = await world.run(['apply', '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
  });
  after(() => world.close());

  it("reads each known bucket in its own region's lane, and a new one still", async () => {
    // When a bucket is added and the estate is planned again
    const known = estate.resources.filter((r) => r.type === S3);
    const added = 'fresh-bucket-in-the-last-region';
    const addedRegion = estate.regions[2]!;
    world.aws.putResource({
      type: S3,
      account: known[0]!.account,
      region: addedRegion,
      identifier: added,
      properties: { BucketName: added, Arn: `arn:aws:s3:::${added}`, RegionalDomainName: `${added}.s3.${addedRegion}.amazonaws.com` },
    });
    const callsBefore = world.aws.calls.length;
    const run = await world.run(['plan', '--json']);
    assert.equal(run.code, 0, run.stderr);

    // Then every known bucket was read once, in its own (account, region), and only the new one was asked elsewhere first
    const gets = world.aws.calls.slice(callsBefore).filter((c) => c.operation === 'GetResource' && c.typeName === S3);
    const lanesOf = (records: ReadonlyArray<{ account?: string; region?: string }>) => records.map((r) => `${r.account} ${r.region}`).sort();
    const answered = gets.filter((c) => c.status === 200);
    assert.deepEqual(lanesOf(answered), lanesOf([...known, { account: known[0]!.account, region: addedRegion }]));
    const refused = gets.filter((c) => c.status !== 200);
    assert.ok(refused.length <= estate.regions.length - 1, `${refused.length} GetResource calls refused`);
    assert.ok(refused.every((c) => c.account === known[0]!.account));
    const plan = JSON.parse(run.stdout) as PlanDocument;
    assert.deepEqual(
      plan.resource_changes.filter((c) => c.scope.kind === S3).map((c) => `${c.action} ${c.identifier} ${String(c.after?.properties.region)}`),
      [`create ${added} ${addedRegion}`],
    );
  });
});
