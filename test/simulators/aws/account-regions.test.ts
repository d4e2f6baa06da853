import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountClient, ListRegionsCommand, paginateListRegions } from '@aws-sdk/client-account';
import { expectAwsError } from './expect-aws-error.js';
import { fixtureEstate, MANAGEMENT, MEMBER } from './fixture-estate.js';
import { startAwsSimulator, type AwsSimulator } from './index.js';

describe('AWS simulator: Account ListRegions', () => {
  let sim: AwsSimulator;
  const client = (account = MANAGEMENT) => new AccountClient({ ...sim.clientConfig(account, 'us-east-1'), maxAttempts: 1 });

  before(async () => {
    const estate = { ...fixtureEstate(), regionOptStatus: { 'us-east-1': 'ENABLED_BY_DEFAULT', 'af-south-1': 'DISABLED' } as const };
    sim = await startAwsSimulator({ estate });
  });
  after(() => sim.close());

  it('lists the estate regions with their opt-in status', async () => {
    const out = await client().send(new ListRegionsCommand({}));
    assert.deepEqual(out.Regions, [
      { RegionName: 'af-south-1', RegionOptStatus: 'DISABLED' },
      { RegionName: 'eu-west-1', RegionOptStatus: 'ENABLED' },
      { RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
    ]);
    assert.equal(out.NextToken, undefined);
  });

  it('filters by status and pages by MaxResults', async () => {
    const names: string[] = [];
    for await (const page of paginateListRegions({ client: client(), pageSize: 1 }, { RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] })) {
      assert.ok((page.Regions?.length ?? 0) <= 1);
      names.push(...(page.Regions ?? []).map((r) => r.RegionName ?? ''));
    }
    assert.deepEqual(names, ['eu-west-1', 'us-east-1']);
  });

  it('lets only the management account read another account', async () => {
    assert.equal((await client().send(new ListRegionsCommand({ AccountId: MEMBER }))).Regions?.length, 3);
    await expectAwsError(client(MEMBER).send(new ListRegionsCommand({ AccountId: MANAGEMENT })), 'AccessDeniedException', 403);
  });
});
