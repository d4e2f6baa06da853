import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultInstallationId } from '../../src/aws/index.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { generateEstate } from '../simulators/aws/index.js';
import { awsSettings, organization, startSourceWorld } from './source-fixture.js';

describe(defaultInstallationId.name, () => {
  it("is the Organization's id, asked by the management account or by a member", async () => {
    const estate = organization(3, 1, 0);
    for (const account of [estate.accounts[0]!.Id, estate.accounts[2]!.Id]) {
      const world = await startSourceWorld({ estate, account });
      try {
        assert.equal(await defaultInstallationId(awsSettings()), estate.organization!.id);
      } finally {
        await world.close();
      }
    }
  });

  it('is the Organization asked through organizationRoleArn when the config names one', async () => {
    const estate = organization(3, 1, 0);
    const management = estate.accounts[0]!.Id;
    const world = await startSourceWorld({ estate, account: estate.accounts[1]!.Id });
    try {
      const id = await defaultInstallationId(awsSettings({ organizationRoleArn: `arn:aws:iam::${management}:role/aws2portOrganizationReader` }));
      assert.equal(id, estate.organization!.id);
    } finally {
      await world.close();
    }
  });

  it("is the caller's account when the account is in no organization", async () => {
    const estate = generateEstate({ seed: 5, accounts: 1, regions: ['us-east-1'], kinds: [], resourcesPerScope: 0, withOrganization: false });
    const world = await startSourceWorld({ estate });
    try {
      assert.equal(await defaultInstallationId(awsSettings()), estate.accounts[0]!.Id);
    } finally {
      await world.close();
    }
  });

  it('fails with AwsRequestFailed, never another identity, when Organizations keeps failing', async () => {
    const estate = organization(2, 1, 0);
    const world = await startSourceWorld({ estate });
    world.sim.faults.loadFaultServices = ['organizations'];
    world.sim.faults.serverErrorShare = 1;
    try {
      await assert.rejects(defaultInstallationId(awsSettings()), (error) => isAws2PortError(error) && error.code === 'AwsRequestFailed');
    } finally {
      await world.close();
    }
  });
});
