import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CallScheduler, resolveRegions, type AccountAccess } from '../../src/aws/index.js';
import { SCHEDULER_RETRY_POLICY } from '../../src/aws/retry-policy.js';
import { awsSettings, organization, startSourceWorld, type SourceWorld } from './source-fixture.js';

describe(resolveRegions.name, () => {
  let world: SourceWorld;
  let caller: AccountAccess;
  const scheduler = () => new CallScheduler({ parallelism: 4, retryPolicy: { ...SCHEDULER_RETRY_POLICY, maxAttempts: { throttling: 1, transient: 1, server: 1, client: 1 } } });

  before(async () => {
    const estate = organization(1, ['us-east-1', 'eu-west-1'], 0);
    // Real AWS answers ENABLED_BY_DEFAULT for most regions, ENABLED for opted-in ones
    estate.regionOptStatus = { 'us-east-1': 'ENABLED_BY_DEFAULT', 'af-south-1': 'ENABLED', 'me-south-1': 'DISABLED', 'ap-east-1': 'ENABLING' };
    world = await startSourceWorld({ estate });
    caller = { accountId: estate.accounts[0]!.Id };
  });
  after(() => world.close());

  it('reads aws.regions when set, in every account, without asking AWS', async () => {
    const calls = world.sim.calls.length;
    const regions = await resolveRegions(awsSettings({ regions: ['eu-west-1'] }), [caller], { scheduler: scheduler(), homeRegion: 'us-east-1' });
    assert.deepEqual(regions.get(caller.accountId), { regions: ['eu-west-1'] });
    assert.equal(world.sim.calls.length, calls);
  });

  it('otherwise reads the regions each account has enabled, ENABLED_BY_DEFAULT included', async () => {
    const regions = await resolveRegions(awsSettings(), [caller], { scheduler: scheduler(), homeRegion: 'us-east-1' });
    assert.deepEqual(regions.get(caller.accountId), { regions: ['af-south-1', 'eu-west-1', 'us-east-1'] });
  });

  it('falls back to AWS_REGION for an account whose regions cannot be listed, and says why', async () => {
    world.sim.faults.throttleShare = 1;
    world.sim.faults.loadFaultServices = ['account'];
    try {
      const regions = await resolveRegions(awsSettings(), [caller], { scheduler: scheduler(), homeRegion: 'us-east-1', env: { AWS_REGION: 'eu-west-1' } });
      assert.deepEqual(regions.get(caller.accountId)?.regions, ['eu-west-1']);
      assert.match(regions.get(caller.accountId)?.problem ?? '', /^cannot list its regions: TooManyRequestsException/);
    } finally {
      world.sim.faults.throttleShare = 0;
      world.sim.faults.loadFaultServices = [];
    }
  });
});
