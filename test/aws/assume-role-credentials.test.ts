import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { AssumeRoleFailed, assumeRoleCredentials, CallScheduler, makeCloudControlClient } from '../../src/aws/index.js';
import { noFaults } from '../simulators/aws/index.js';
import { organization, startSourceWorld, type SourceWorld } from './source-fixture.js';

const EXTERNAL_ID = 'port-external-id';

describe(assumeRoleCredentials.name, () => {
  let world: SourceWorld;
  let member: string;
  const roleArn = () => `arn:aws:iam::${member}:role/aws2portReadOnly`;
  const assumeRoles = () => world.sim.calls.filter((c) => c.operation === 'AssumeRole' && c.status === 200).length;

  before(async () => {
    const estate = organization(2, 1, 1);
    member = estate.accounts[1]!.Id;
    estate.accounts[1]!.requiredExternalId = EXTERNAL_ID;
    world = await startSourceWorld({ estate });
  });
  beforeEach(() => {
    world.sim.faults = noFaults();
  });
  after(() => world.close());

  it('keeps a read longer than the role session working: credentials are replaced before they expire', async () => {
    // Given sessions that last 0.6 s, and calls every 50 ms for 2 s
    world.sim.faults.credentialLifetimeSeconds = 0.6;
    const credentials = assumeRoleCredentials(roleArn(), EXTERNAL_ID, 'us-east-1', { scheduler: new CallScheduler({ parallelism: 4 }) });
    const client = makeCloudControlClient({ accountId: member, credentials }, 'us-east-1', 'scheduler');
    const before = assumeRoles();
    for (let i = 0; i < 40; i++) {
      await client.send(new ListResourcesCommand({ TypeName: 'AWS::EC2::Instance' }));
      await sleep(50);
    }
    client.destroy();
    // Then no call met expired credentials, because the role was assumed again several times
    assert.deepEqual(world.sim.calls.filter((c) => c.errorCode?.startsWith('ExpiredToken')), []);
    assert.ok(assumeRoles() - before >= 3, `${assumeRoles() - before} AssumeRole calls`);
  });

  it('assumes once for many concurrent callers, and reuses the credentials while they are fresh', async () => {
    const credentials = assumeRoleCredentials(roleArn(), EXTERNAL_ID, 'us-east-1');
    const before = assumeRoles();
    const identities = await Promise.all(Array.from({ length: 10 }, () => credentials()));
    await credentials();
    assert.equal(assumeRoles() - before, 1);
    assert.ok(identities.every((identity) => identity.accessKeyId === identities[0]!.accessKeyId && identity.sessionToken));
  });

  it('sends the ExternalId on AssumeRole: without it the member refuses', async () => {
    await assumeRoleCredentials(roleArn(), EXTERNAL_ID, 'us-east-1')();
    await assert.rejects(assumeRoleCredentials(roleArn(), undefined, 'us-east-1')(), AssumeRoleFailed);
  });

  it('fails with the role and the reason, and no secret, when the role cannot be assumed', async () => {
    world.sim.faults.assumeRoleDenied = [member];
    await assert.rejects(assumeRoleCredentials(roleArn(), EXTERNAL_ID, 'us-east-1', { scheduler: new CallScheduler({ parallelism: 1 }) })(), (error: Error) => {
      assert.ok(error instanceof AssumeRoleFailed);
      assert.match(error.message, new RegExp(`^cannot assume ${roleArn()}: AccessDenied: `));
      assert.doesNotMatch(error.message, new RegExp(process.env.AWS_SECRET_ACCESS_KEY!));
      return true;
    });
  });
});
