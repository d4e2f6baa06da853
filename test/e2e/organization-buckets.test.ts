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
