import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CloudControlClient, GetResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { expectAwsError } from './expect-aws-error.js';
import { EAST_INSTANCE_IDS, fixtureEstate, MANAGEMENT, MEMBER } from './fixture-estate.js';
import { noFaults, startAwsSimulator, type AwsSimulator } from './index.js';

describe('AWS simulator: faults', () => {
  let sim: AwsSimulator;
  const cloudControl = (account = MANAGEMENT, region = 'us-east-1') => new CloudControlClient({ ...sim.clientConfig(account, region), maxAttempts: 1 });
  const list = (TypeName: string, account?: string, region?: string) => cloudControl(account, region).send(new ListResourcesCommand({ TypeName }));
  const get = (TypeName: string, Identifier: string, account?: string, region?: string) =>
    cloudControl(account, region).send(new GetResourceCommand({ TypeName, Identifier }));

  before(async () => {
    sim = await startAwsSimulator({ estate: fixtureEstate(), seed: 7 });
  });
  beforeEach(() => {
    sim.faults = noFaults();
  });
  after(() => sim.close());

  it('denies the Cloud Control calls a deny rule matches, and only those', async () => {
    sim.faults.deny = [{ account: MEMBER, type: 'AWS::EC2::Instance' }, { operation: 'GetResource', type: 'AWS::S3::Bucket' }];
    await expectAwsError(list('AWS::EC2::Instance', MEMBER), 'AccessDeniedException', 403);
    await expectAwsError(get('AWS::S3::Bucket', 'east-bucket'), 'AccessDeniedException', 403);
    assert.equal((await list('AWS::EC2::Instance', MANAGEMENT)).TypeName, 'AWS::EC2::Instance');
    assert.deepEqual((await list('AWS::S3::Bucket', MEMBER)).ResourceDescriptions?.map((d) => d.Identifier), ['member-bucket']);
  });

  it('answers TypeNotFoundException for a type missing from one region', async () => {
    sim.faults.typeNotFound = [{ type: 'AWS::EC2::Instance', region: 'eu-west-1' }];
    await expectAwsError(list('AWS::EC2::Instance', MANAGEMENT, 'eu-west-1'), 'TypeNotFoundException', 404);
    await expectAwsError(get('AWS::EC2::Instance', 'i-0west000000000001', MANAGEMENT, 'eu-west-1'), 'TypeNotFoundException', 404);
    assert.ok((await list('AWS::EC2::Instance', MANAGEMENT, 'us-east-1')).ResourceDescriptions?.length);
  });

  it('answers UnsupportedActionException on List of a type without a list handler, while Get works', async () => {
    sim.faults.unsupportedAction = ['AWS::Kinesis::Stream'];
    await expectAwsError(list('AWS::Kinesis::Stream'), 'UnsupportedActionException', 405);
    assert.equal((await get('AWS::Kinesis::Stream', 'clicks')).ResourceDescription?.Identifier, 'clicks');
  });

  it('throttles with a token bucket per account, region and operation', async () => {
    // Given a bucket of 3 that refills at 1 token per second
    sim.faults.throttle = { ratePerSecond: 1, burst: 3 };
    for (let i = 0; i < 3; i += 1) await list('AWS::EC2::Instance');
    // When a fourth call comes at once, Then it is throttled, and an SDK with maxAttempts 1 sees it
    const error = await expectAwsError(list('AWS::EC2::Instance'), 'ThrottlingException', 400);
    assert.equal(error.message, 'Rate exceeded');
    // And other buckets are untouched
    await list('AWS::EC2::Instance', MANAGEMENT, 'eu-west-1');
    await list('AWS::EC2::Instance', MEMBER, 'us-east-1');
    await get('AWS::EC2::Instance', EAST_INSTANCE_IDS[0] ?? '');
  });

  it('shares one bucket among all operations of an account and region when per is region', async () => {
    // Given a call limit of 2 per account and region
    sim.faults.throttle = { ratePerSecond: 0.5, burst: 2, per: 'region' };
    await list('AWS::EC2::Instance');
    await get('AWS::EC2::Instance', EAST_INSTANCE_IDS[0] ?? '');
    // When a third call of yet another operation or type comes, Then it is throttled
    await expectAwsError(list('AWS::S3::Bucket'), 'ThrottlingException', 400);
    // And another region of the same account has its own bucket
    await list('AWS::EC2::Instance', MANAGEMENT, 'eu-west-1');
  });

  it('lets a bucket refill at its rate', async () => {
    sim.faults.throttle = { ratePerSecond: 20, burst: 1 };
    await list('AWS::ECS::Cluster');
    await expectAwsError(list('AWS::ECS::Cluster'), 'ThrottlingException');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await list('AWS::ECS::Cluster');
  });

  it('throttles a share of calls, each service in its own words, limited to the chosen services', async () => {
    sim.faults.throttleShare = 1;
    await expectAwsError(list('AWS::S3::Bucket'), 'ThrottlingException', 400);
    const organizations = new OrganizationsClient({ ...sim.clientConfig(), maxAttempts: 1 });
    await expectAwsError(organizations.send(new ListAccountsCommand({})), 'TooManyRequestsException', 400);
    sim.faults.loadFaultServices = ['cloudcontrol'];
    const me = await new STSClient({ ...sim.clientConfig(), maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, MANAGEMENT);
  });

  it('answers a seeded share of calls with 500 InternalFailure, the same share for the same seed', async () => {
    const outcomes = async () => {
      const target = await startAwsSimulator({ estate: fixtureEstate(), seed: 11, faults: { serverErrorShare: 0.5 } });
      try {
        const client = new CloudControlClient({ ...target.clientConfig(), maxAttempts: 1 });
        const results: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          const outcome = await client.send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' })).then(
            () => 'ok',
            (e: Error & { $metadata?: { httpStatusCode?: number } }) => `${e.name}/${e.$metadata?.httpStatusCode}`,
          );
          results.push(outcome);
        }
        return results;
      } finally {
        await target.close();
      }
    };
    const first = await outcomes();
    const failures = first.filter((r) => r !== 'ok');
    assert.ok(failures.length > 5 && failures.length < 25, `${failures.length} of 30 failed`);
    assert.ok(failures.every((r) => r === 'InternalFailure/500'));
    assert.deepEqual(await outcomes(), first);
  });

  it('adds latency to every answer', async () => {
    sim.faults.latencyMs = 150;
    const started = Date.now();
    await list('AWS::S3::Bucket');
    assert.ok(Date.now() - started >= 140);
  });
});
