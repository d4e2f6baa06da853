import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { readEstate, shardOfAccount } from '../../src/aws/index.js';
import { ORGANIZATIONS_ACCOUNT_KIND } from '../../src/model/index.js';
import { buildResource, type AwsSimulatorOptions } from '../simulators/aws/index.js';
import { awsSettings, EC2, ECS, itemNames, keyOf, organization, resourceOf, S3, scopeNames, seedLikeResources, startSourceWorld, type SourceWorld } from './source-fixture.js';
import { GLOBAL_REGION } from '../../src/model/index.js';

const IAM_ROLE = 'AWS::IAM::Role';
const NODEGROUP = 'AWS::EKS::Nodegroup';

describe(readEstate.name, () => {
  const worlds: SourceWorld[] = [];
  const start = async (options: AwsSimulatorOptions) => {
    const world = await startSourceWorld(options);
    worlds.push(world);
    return world;
  };
  after(async () => {
    for (const world of worlds) await world.close();
  });

  it('comes out with every S3 bucket once, with its true region, whatever regions are configured', async () => {
    // Given buckets in three regions, a config reading only eu-west-1, and GetResource refused outside a bucket's region
    const estate = organization(2, 3, 2);
    const world = await start({ estate, faults: { s3GetOtherRegionFails: true } });
    const outcome = await world.read(awsSettings({ regions: ['eu-west-1'] }), [resourceOf(S3)]);
    const buckets = estate.resources.filter((r) => r.type === S3);
    assert.deepEqual(itemNames(outcome.items), itemNames(buckets.map((r) => ({ Identifier: r.identifier, __Kind: S3, __AccountId: r.account, __Region: r.region }))));
    assert.ok(outcome.items.every((item) => typeof item.Properties?.RegionalDomainName === 'string'), 'each bucket read with GetResource');
    // And buckets were listed in one region per account, as one global scope each
    const listings = world.sim.calls.filter((c) => c.typeName === S3 && c.operation === 'ListResources');
    assert.deepEqual([...new Set(listings.map((c) => `${c.account} ${c.region}`))].sort(), estate.accounts.map((a) => `${a.Id} eu-west-1`).sort());
    assert.deepEqual(scopeNames(outcome.complete), estate.accounts.map((a) => `${S3} ${a.Id} ${GLOBAL_REGION}`).sort());
  });

  it('reads other global kinds (IAM) once per account, not once per region', async () => {
    const estate = organization(2, 3, 0);
    estate.types = { [IAM_ROLE]: { global: true } };
    for (const account of estate.accounts) estate.resources.push(buildResource({ type: IAM_ROLE, account: account.Id, region: 'us-east-1', name: `reader-${account.Id}` }));
    const world = await start({ estate });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(IAM_ROLE)]);
    assert.equal(outcome.items.length, 2);
    assert.equal(world.sim.calls.filter((c) => c.typeName === IAM_ROLE).length, 2);
  });

  it('follows NextToken through empty pages to the last page', async () => {
    const estate = organization(1, 1, 7);
    const world = await start({ estate, pageSize: 2, emptyPageEvery: 2 });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(EC2)]);
    assert.equal(outcome.items.length, 7);
    assert.equal(outcome.complete.size, 1);
  });

  it('skips exactly the scopes AWS refuses, with the reason, and reads the others to the end', async () => {
    // Given EC2 denied in one account and region, and ECS not existing in eu-west-1
    const estate = organization(2, 2, 1);
    const [first, second] = estate.accounts.map((a) => a.Id) as [string, string];
    const world = await start({ estate, faults: { deny: [{ account: second, region: 'us-east-1', type: EC2 }], typeNotFound: [{ type: ECS, region: 'eu-west-1' }] } });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), seedLikeResources());
    assert.deepEqual(scopeNames(outcome.skipped.keys()), scopeNames([keyOf(EC2, second, 'us-east-1'), keyOf(ECS, first, 'eu-west-1'), keyOf(ECS, second, 'eu-west-1')]));
    assert.match(outcome.skipped.get(keyOf(EC2, second, 'us-east-1'))!, /^AccessDeniedException: /);
    assert.match(outcome.skipped.get(keyOf(ECS, first, 'eu-west-1'))!, /^TypeNotFoundException: /);
    assert.equal(outcome.complete.size + outcome.skipped.size, outcome.read.intendedScopes.length);
    assert.equal(outcome.complete.size, 2 /* S3 */ + 3 /* EC2 */ + 2 /* ECS */);
  });

  it('never drops a listed item silently: one that GetResource cannot read makes its scope incomplete', async () => {
    const estate = organization(1, 1, 3);
    const account = estate.accounts[0]!.Id;
    const world = await start({ estate, faults: { deny: [{ type: ECS, operation: 'GetResource' }] } });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(ECS, { useGetResource: true })]);
    assert.deepEqual(scopeNames(outcome.skipped.keys()), scopeNames([keyOf(ECS, account, 'us-east-1')]));
    assert.match(outcome.skipped.get(keyOf(ECS, account, 'us-east-1'))!, /AccessDeniedException/);
  });

  it('takes an item gone between its listing and its GetResource as gone, and the scope as complete', async () => {
    // Given answers that take 150 ms, so the cluster can be removed while its GetResource is on the way
    const estate = organization(1, 1, 3);
    const world = await start({ estate, faults: { latencyMs: 150 } });
    const removed = estate.resources.find((r) => r.type === ECS)!;
    const reading = world.read(awsSettings({ regions: estate.regions }), [resourceOf(ECS, { useGetResource: true })]);
    while (!world.sim.calls.some((c) => c.typeName === ECS && c.operation === 'ListResources')) await sleep(5);
    world.sim.removeResource(ECS, removed.account, removed.identifier);
    const outcome = await reading;
    assert.equal(outcome.complete.size, 1);
    assert.deepEqual(outcome.items.map((i) => i.Identifier).sort(), estate.resources.filter((r) => r.type === ECS).map((r) => r.identifier).sort());
    assert.ok(world.sim.calls.some((c) => c.operation === 'GetResource' && c.errorCode === 'ResourceNotFoundException'));
  });

  it('reads past a GeneralServiceException of one item: gone when it wraps a NotFound, unread (not the scope) otherwise', async () => {
    // Given three clusters: one deleted between List and Get, one whose handler fails, one fine
    const estate = organization(1, 1, 3);
    const account = estate.accounts[0]!.Id;
    const [gone, broken, fine] = estate.resources.filter((r) => r.type === ECS).map((r) => r.identifier) as [string, string, string];
    const world = await start({
      estate,
      faults: {
        getResourceErrors: [
          { type: ECS, identifier: gone, error: 'notFound' },
          { type: ECS, identifier: broken, error: 'other' },
        ],
      },
    });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(ECS, { useGetResource: true })]);
    // Then the scope is complete, the fine item read, the broken one reported alone, and nothing retried
    assert.deepEqual(scopeNames(outcome.complete), [`${ECS} ${account} us-east-1`]);
    assert.deepEqual(outcome.items.map((i) => i.Identifier), [fine]);
    assert.deepEqual([...outcome.unread.keys()], [`${keyOf(ECS, account, 'us-east-1')} ${broken}`]);
    assert.match([...outcome.unread.values()][0]!, /^GeneralServiceException: /);
    assert.equal(world.sim.calls.filter((c) => c.errorCode === 'GeneralServiceException').length, 2);
  });

  it('skips only the scope whose GetResource is denied through a GeneralServiceException', async () => {
    const estate = organization(1, 2, 2);
    const account = estate.accounts[0]!.Id;
    const denied = estate.resources.find((r) => r.type === ECS && r.region === 'us-east-1')!;
    const world = await start({ estate, faults: { getResourceErrors: [{ type: ECS, identifier: denied.identifier, region: 'us-east-1', error: 'accessDenied' }] } });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(ECS, { useGetResource: true })]);
    assert.deepEqual(scopeNames(outcome.skipped.keys()), [`${ECS} ${account} us-east-1`]);
    assert.match(outcome.skipped.get(keyOf(ECS, account, 'us-east-1'))!, /^GeneralServiceException: .*is not authorized to perform/);
    assert.deepEqual(scopeNames(outcome.complete), [`${ECS} ${account} eu-west-1`]);
  });

  it('lists a kind Cloud Control lists only under a parent through its parents, and skips one no parent gives, saying what to set', async () => {
    // Given an EKS node group under its cluster (the list handler needs a ClusterName), and a kind whose
    // list needs an AwsAccountId no parent kind gives
    const estate = organization(1, 1, 1);
    const account = estate.accounts[0]!.Id;
    estate.resources.push({ type: 'AWS::EKS::Cluster', account, region: 'us-east-1', identifier: 'blue', properties: { Name: 'blue' } });
    estate.resources.push({ type: NODEGROUP, account, region: 'us-east-1', identifier: 'blue/ng-1', properties: { ClusterName: 'blue' } });
    const world = await start({ estate });
    const theme = 'AWS::QuickSight::Theme';
    const outcome = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(NODEGROUP), resourceOf(theme, { index: 1 })]);
    // Then the node group comes with its parent, and the other kind is skipped with what to write
    assert.deepEqual(scopeNames(outcome.complete), [`${NODEGROUP} ${account} us-east-1`]);
    assert.deepEqual(
      outcome.items.map((i) => [i.Identifier, i.__Parent]),
      [['blue/ng-1', { kind: 'AWS::EKS::Cluster', identifier: 'blue' }]],
    );
    assert.match(outcome.skipped.get(keyOf(theme, account, 'us-east-1')) ?? '', /only with a ResourceModel naming AwsAccountId.*selector\.resourceModel/);
  });

  it("reads each account's enabled regions when aws.regions is not set, and honours regionPolicy", async () => {
    const estate = organization(1, ['us-east-1', 'eu-west-1', 'ap-south-1'], 1);
    estate.regionOptStatus = { 'us-east-1': 'ENABLED_BY_DEFAULT', 'eu-west-1': 'ENABLED_BY_DEFAULT', 'ap-south-1': 'DISABLED' };
    const world = await start({ estate });
    const account = estate.accounts[0]!.Id;
    const outcome = await world.read(awsSettings(), [resourceOf(EC2, { regionPolicy: { allow: [], deny: ['eu-west-1'] } })]);
    assert.deepEqual(scopeNames(outcome.complete), [`${EC2} ${account} us-east-1`]);
    assert.equal(outcome.read.isAccountListComplete, true);
  });

  it('skips the scopes of an account whose role cannot be assumed, and deletes nothing it might own when its regions are unknown', async () => {
    const estate = organization(3, 2, 1);
    const denied = estate.accounts[2]!.Id;
    const world = await start({ estate, faults: { assumeRoleDenied: [denied] } });
    const configured = await world.read(awsSettings({ regions: estate.regions }), [resourceOf(EC2)]);
    assert.deepEqual(scopeNames([...configured.skipped.keys()]), [`${EC2} ${denied} eu-west-1`, `${EC2} ${denied} us-east-1`]);
    assert.match(configured.skipped.get(keyOf(EC2, denied, 'us-east-1'))!, new RegExp(`^cannot assume arn:aws:iam::${denied}:role/aws2portReadOnly: AccessDenied`));
    assert.ok(configured.read.knownAccounts.includes(denied));
    assert.equal(configured.read.isAccountListComplete, true);
    // When regions are discovered, the account's regions are unknown: it is no known account, the list is not complete
    const discovered = await world.read(awsSettings(), [resourceOf(EC2)]);
    assert.ok(!discovered.read.knownAccounts.includes(denied));
    assert.equal(discovered.read.isAccountListComplete, false);
  });

  it('splits the accounts among shards, with each Organizations account in the shard of its account', async () => {
    const estate = organization(6, 1, 1);
    const world = await start({ estate });
    const resources = [resourceOf(ORGANIZATIONS_ACCOUNT_KIND, { index: 0 }), resourceOf(EC2, { index: 1 })];
    const whole = await world.read(awsSettings({ regions: estate.regions }), resources);
    const shards = [];
    for (const index of [1, 2, 3]) shards.push(await world.read(awsSettings({ regions: estate.regions }), resources, { shard: { index, count: 3 } }));
    // every item in exactly one shard, and the shards together are the whole
    assert.deepEqual(itemNames(shards.flatMap((s) => s.items)), itemNames(whole.items));
    assert.deepEqual(scopeNames(shards.flatMap((s) => [...s.complete])), scopeNames(whole.complete));
    for (const [i, shard] of shards.entries()) {
      assert.ok(shard.items.every((item) => shardOfAccount(item.__AccountId, 3) === i + 1));
      assert.ok(shard.items.filter((item) => item.__Kind === ORGANIZATIONS_ACCOUNT_KIND).every((item) => item.Id === item.__AccountId));
      // a shard judges only its own accounts: another shard's are never "no longer read"
      assert.equal(shard.read.isAccountListComplete, true);
      for (const account of estate.accounts) assert.equal(shard.read.isAccountOfRun(account.Id), shardOfAccount(account.Id, 3) === i + 1);
    }
  });

  it('reports its progress: accounts and regions done, items per kind, calls and throttles, and a last snapshot', async () => {
    const estate = organization(2, 2, 2);
    const world = await start({ estate, faults: { throttleShare: 0.3 } });
    const outcome = await world.read(awsSettings({ regions: estate.regions }), seedLikeResources());
    const last = outcome.progress.at(-1)!;
    assert.equal(last.isDone, true);
    assert.deepEqual(
      { accounts: [last.accountsDone, last.accountsTotal], regions: [last.regionsDone, last.regionsTotal], scopes: [last.scopesDone, last.scopesTotal], skipped: last.scopesSkipped },
      { accounts: [2, 2], regions: [4, 4], scopes: [10, 10], skipped: 0 },
    );
    assert.deepEqual(last.itemsByKind, { [S3]: 8, [EC2]: 8, [ECS]: 8 });
    const throttled = world.sim.calls.filter((c) => c.service === 'cloudcontrol' && c.errorCode === 'ThrottlingException').length;
    assert.equal(last.throttles, throttled);
    assert.equal(last.calls, world.sim.calls.filter((c) => c.service === 'cloudcontrol').length);
  });
});
