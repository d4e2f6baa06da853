import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { discoverAccounts, type DiscoveryProgress } from '../../src/aws/index.js';
import type { Estate } from '../simulators/aws/index.js';
import { awsSettings, organization, startSourceWorld, type SourceWorld } from './source-fixture.js';

const EXTERNAL_ID = 'port-external-id';

/** An Organization of 5 accounts whose members all require the ExternalId; the fourth is suspended. */
function estateOfFive(): Estate {
  const estate = organization(5, 1, 0);
  for (const account of estate.accounts.slice(1)) account.requiredExternalId = EXTERNAL_ID;
  estate.accounts[3]!.State = 'SUSPENDED';
  return estate;
}

describe(discoverAccounts.name, () => {
  const worlds: SourceWorld[] = [];
  const start = async (estate: Estate, account?: string) => {
    const world = await startSourceWorld({ estate, ...(account ? { account } : {}) });
    worlds.push(world);
    return world;
  };
  after(async () => {
    for (const world of worlds) await world.close();
  });

  it('reads every ACTIVE account of the Organization: the caller with its own credentials, members through the read role with the ExternalId', async () => {
    const estate = estateOfFive();
    const world = await start(estate);
    const [management, a, b, suspended, denied] = estate.accounts.map((x) => x.Id);
    world.sim.faults.assumeRoleDenied = [denied!];
    const discovery = await discoverAccounts(awsSettings({ externalId: EXTERNAL_ID }), 'us-east-1');
    await world.close();

    assert.equal(discovery.callerAccountId, management);
    assert.equal(discovery.partition, 'aws');
    assert.equal(discovery.isComplete, true);
    assert.deepEqual(
      discovery.accounts.map((x) => [x.accountId, x.roleArn]).sort(),
      [
        [management, undefined],
        [a, `arn:aws:iam::${a}:role/aws2portReadOnly`],
        [b, `arn:aws:iam::${b}:role/aws2portReadOnly`],
      ].sort(),
    );
    assert.ok(!discovery.accounts.some((x) => x.accountId === suspended));
    // And the member whose role cannot be assumed is reported with its role and the reason, not fatal
    assert.equal(discovery.unreachable.length, 1);
    assert.equal(discovery.unreachable[0]!.accountId, denied);
    assert.equal(discovery.unreachable[0]!.roleArn, `arn:aws:iam::${denied}:role/aws2portReadOnly`);
    assert.match(discovery.unreachable[0]!.reason, /^cannot assume arn:aws:iam::\d{12}:role\/aws2portReadOnly: AccessDenied: /);
    assert.equal(discovery.organizationAccounts.length, 5);
    assert.equal(discovery.managementAccountId, management);
  });

  it('reports its progress: accounts listed page by page, then member roles assumed, refused ones included', async () => {
    // Given an Organization of 12 accounts (pages of 5), one member refusing its role
    const estate = organization(12, 1, 0);
    const world = await start(estate);
    world.sim.faults.assumeRoleDenied = [estate.accounts[4]!.Id];
    const progress: DiscoveryProgress[] = [];
    await discoverAccounts(awsSettings(), 'us-east-1', { onProgress: (p) => progress.push(p) });
    await world.close();

    const listed = progress.filter((p) => p.phase === 'listing').map((p) => p.listed);
    const assumed = progress.filter((p) => p.phase === 'assuming');
    assert.equal(listed.at(-1), 12);
    assert.ok(listed.length >= 3, `listing reported ${listed.length} times`);
    assert.deepEqual(listed, [...listed].sort((a, b) => a - b));
    assert.deepEqual(assumed.map((p) => p.assumed), Array.from({ length: 11 }, (_, i) => i + 1));
    assert.ok(assumed.every((p) => p.phase === 'assuming' && p.total === 11));
    assert.ok(progress.findIndex((p) => p.phase === 'assuming') > progress.findLastIndex((p) => p.phase === 'listing'));
  });

  it('assumes organizationRoleArn before calling Organizations, and takes the partition from it', async () => {
    // Given a caller in a member account, which Organizations refuses to list accounts to
    const estate = estateOfFive();
    const [management, member] = estate.accounts.map((x) => x.Id);
    const world = await start(estate, member);
    const organizationRoleArn = `arn:aws-us-gov:iam::${management}:role/OrgReader`;
    estate.accounts[0]!.requiredExternalId = EXTERNAL_ID;
    const discovery = await discoverAccounts(awsSettings({ organizationRoleArn, externalId: EXTERNAL_ID, accountReadRoleName: 'Reader' }), 'us-gov-west-1');
    await world.close();

    const operations = world.sim.calls.filter((c) => c.service !== 'cloudcontrol').map((c) => c.operation);
    assert.ok(operations.indexOf('AssumeRole') < operations.indexOf('ListAccounts'), operations.join(' '));
    assert.equal(discovery.isComplete, true);
    assert.equal(discovery.partition, 'aws-us-gov');
    assert.deepEqual(
      discovery.accounts.filter((x) => x.roleArn).map((x) => x.roleArn).sort(),
      [management, estate.accounts[2]!.Id, estate.accounts[4]!.Id].map((id) => `arn:aws-us-gov:iam::${id}:role/Reader`).sort(),
    );
  });

  it('reads exactly the accounts of accountRoleArns, without Organizations', async () => {
    const estate = estateOfFive();
    const world = await start(estate);
    const roleArns = [estate.accounts[2]!.Id, estate.accounts[4]!.Id].map((id) => `arn:aws:iam::${id}:role/Custom`);
    const discovery = await discoverAccounts(awsSettings({ accountRoleArns: roleArns, externalId: EXTERNAL_ID }), 'us-east-1');
    await world.close();
    assert.deepEqual(
      discovery.accounts.map((x) => x.roleArn),
      roleArns,
    );
    assert.equal(discovery.isComplete, true);
    assert.ok(!world.sim.calls.some((c) => c.operation === 'ListAccounts'));
  });

  it('reads the caller alone: a complete list without an Organization, an incomplete one when Organizations is denied', async () => {
    const standalone = organization(1, 1, 0);
    standalone.organization = null;
    await start(standalone);
    const alone = await discoverAccounts(awsSettings(), 'us-east-1');
    assert.deepEqual(alone.accounts.map((x) => x.accountId), [standalone.accounts[0]!.Id]);
    assert.equal(alone.isComplete, true);
    await worlds.pop()!.close();

    const estate = estateOfFive();
    await start(estate, estate.accounts[1]!.Id);
    const denied = await discoverAccounts(awsSettings(), 'us-east-1');
    assert.deepEqual(denied.accounts.map((x) => x.accountId), [estate.accounts[1]!.Id]);
    assert.equal(denied.isComplete, false);
    assert.match(denied.organizationProblem ?? '', /^AccessDeniedException/);
  });
});
