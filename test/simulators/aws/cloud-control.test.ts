import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudControlClient, GetResourceCommand, ListResourcesCommand, paginateListResources } from '@aws-sdk/client-cloudcontrol';
import { buildResource } from './build-resource.js';
import { expectAwsError } from './expect-aws-error.js';
import { EAST_INSTANCE_IDS, fixtureEstate, MANAGEMENT, MEMBER } from './fixture-estate.js';
import { startAwsSimulator, type AwsSimulator } from './index.js';

describe('AWS simulator: Cloud Control', () => {
  let sim: AwsSimulator;
  const client = (account = MANAGEMENT, region = 'us-east-1') => new CloudControlClient({ ...sim.clientConfig(account, region), maxAttempts: 1 });
  const list = (c: CloudControlClient, TypeName: string, NextToken?: string) => c.send(new ListResourcesCommand({ TypeName, NextToken }));
  const listAll = async (c: CloudControlClient, TypeName: string) => {
    const identifiers: string[] = [];
    for await (const page of paginateListResources({ client: c }, { TypeName })) {
      identifiers.push(...(page.ResourceDescriptions ?? []).map((d) => d.Identifier ?? ''));
    }
    return identifiers;
  };

  before(async () => {
    sim = await startAwsSimulator({ estate: fixtureEstate() });
  });
  after(() => sim.close());

  it('pages a listing with a page size of 5 and an empty page that still has a NextToken', async () => {
    // Given 12 instances in one scope, page size 5 and every third page empty
    const c = client();
    const shapes: Array<[number, boolean]> = [];
    const identifiers: string[] = [];
    let token: string | undefined;
    // When paging by hand until NextToken is absent (MaxResults is ignored, as in AWS)
    do {
      const page = await c.send(new ListResourcesCommand({ TypeName: 'AWS::EC2::Instance', NextToken: token, MaxResults: 100 }));
      shapes.push([page.ResourceDescriptions?.length ?? 0, page.NextToken !== undefined]);
      identifiers.push(...(page.ResourceDescriptions ?? []).map((d) => d.Identifier ?? ''));
      token = page.NextToken;
    } while (token !== undefined);
    // Then the third page is empty yet not the last, and every instance arrives exactly once
    assert.deepEqual(shapes, [[5, true], [5, true], [0, true], [2, false]]);
    assert.deepEqual(identifiers, [...EAST_INSTANCE_IDS].sort());
  });

  it('sends Properties as a JSON string that parses to the resource', async () => {
    const page = await list(client(), 'AWS::EC2::Instance');
    const first = page.ResourceDescriptions?.[0];
    assert.equal(typeof first?.Properties, 'string');
    const properties = JSON.parse(first?.Properties ?? '') as Record<string, unknown>;
    assert.equal(properties.InstanceId, first?.Identifier);
    assert.deepEqual(properties.State, { Code: '16', Name: 'running' });
  });

  it('keeps only the identifying properties in List for partial types, and all of them in Get', async () => {
    const c = client();
    const listed = await list(c, 'AWS::ECS::Cluster');
    assert.deepEqual(JSON.parse(listed.ResourceDescriptions?.[0]?.Properties ?? ''), { ClusterName: 'main' });
    const got = await c.send(new GetResourceCommand({ TypeName: 'AWS::ECS::Cluster', Identifier: 'main' }));
    const full = JSON.parse(got.ResourceDescription?.Properties ?? '') as Record<string, unknown>;
    assert.equal(full.Arn, `arn:aws:ecs:us-east-1:${MANAGEMENT}:cluster/main`);
    assert.deepEqual(JSON.parse((await list(c, 'AWS::Kinesis::Stream')).ResourceDescriptions?.[0]?.Properties ?? ''), { Name: 'clicks' });
  });

  it('lists every bucket of the account from any region, each with its own RegionalDomainName', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      assert.deepEqual(await listAll(client(MANAGEMENT, region), 'AWS::S3::Bucket'), ['east-bucket', 'west-bucket']);
    }
    const west = await client(MANAGEMENT, 'us-east-1').send(new GetResourceCommand({ TypeName: 'AWS::S3::Bucket', Identifier: 'west-bucket' }));
    assert.equal(JSON.parse(west.ResourceDescription?.Properties ?? '').RegionalDomainName, 'west-bucket.s3.eu-west-1.amazonaws.com');
    assert.deepEqual(await listAll(client(MEMBER, 'eu-west-1'), 'AWS::S3::Bucket'), ['member-bucket']);
  });

  it('fails GetResource of a bucket outside its region only when s3GetOtherRegionFails is on', async () => {
    sim.faults.s3GetOtherRegionFails = true;
    try {
      const get = (region: string) => client(MANAGEMENT, region).send(new GetResourceCommand({ TypeName: 'AWS::S3::Bucket', Identifier: 'east-bucket' }));
      await expectAwsError(get('eu-west-1'), 'InvalidRequestException', 400);
      assert.equal((await get('us-east-1')).ResourceDescription?.Identifier, 'east-bucket');
    } finally {
      sim.faults.s3GetOtherRegionFails = false;
    }
  });

  it('takes the account from the access key and the region from the credential scope', async () => {
    assert.deepEqual(await listAll(client(MANAGEMENT, 'eu-west-1'), 'AWS::EC2::Instance'), ['i-0west000000000001']);
    assert.deepEqual(await listAll(client(MEMBER, 'us-east-1'), 'AWS::EC2::Instance'), ['i-0member0000000001']);
    const eastId = EAST_INSTANCE_IDS[0];
    await expectAwsError(client(MANAGEMENT, 'eu-west-1').send(new GetResourceCommand({ TypeName: 'AWS::EC2::Instance', Identifier: eastId })), 'ResourceNotFoundException', 404);
    await expectAwsError(client(MEMBER, 'us-east-1').send(new GetResourceCommand({ TypeName: 'AWS::EC2::Instance', Identifier: eastId })), 'ResourceNotFoundException', 404);
  });

  it('refuses keys that name no account of the estate', async () => {
    const stranger = (accessKeyId: string) =>
      new CloudControlClient({ endpoint: sim.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId, secretAccessKey: 'x' } });
    await expectAwsError(list(stranger('AKIA999999999999TEST'), 'AWS::S3::Bucket'), 'UnrecognizedClientException', 400);
    await expectAwsError(list(stranger('AKIAEXAMPLEKEYNODIGIT'), 'AWS::S3::Bucket'), 'UnrecognizedClientException', 400);
  });

  it('answers TypeNotFoundException for a malformed type and an empty last page for an unknown one', async () => {
    await expectAwsError(list(client(), 'NotAType'), 'TypeNotFoundException', 404);
    const page = await list(client(), 'AWS::Nothing::Here');
    assert.deepEqual(page.ResourceDescriptions, []);
    assert.equal(page.NextToken, undefined);
  });

  it('rejects a NextToken that was not issued for this listing', async () => {
    const c = client();
    const first = await list(c, 'AWS::EC2::Instance');
    assert.ok(first.NextToken);
    await expectAwsError(list(c, 'AWS::EC2::Instance', 'not-a-token'), 'InvalidRequestException', 400);
    await expectAwsError(list(c, 'AWS::S3::Bucket', first.NextToken), 'InvalidRequestException', 400);
    await expectAwsError(list(client(MANAGEMENT, 'eu-west-1'), 'AWS::EC2::Instance', first.NextToken), 'InvalidRequestException', 400);
  });

  it('refuses to list a type whose list handler requires properties without a ResourceModel naming them', async () => {
    const missing = await expectAwsError(list(client(), 'AWS::EKS::Nodegroup'), 'InvalidRequestException', 400);
    assert.match(missing.message, /^Missing Or Invalid ResourceModel property in AWS::EKS::Nodegroup list handler request input/);
    const other = client().send(new ListResourcesCommand({ TypeName: 'AWS::EKS::Nodegroup', ResourceModel: JSON.stringify({ NodegroupName: 'x' }) }));
    await expectAwsError(other, 'InvalidRequestException', 400);
    const page = await client().send(new ListResourcesCommand({ TypeName: 'AWS::EKS::Nodegroup', ResourceModel: JSON.stringify({ ClusterName: 'absent' }) }));
    assert.deepEqual(page.ResourceDescriptions, []);
  });

  it('lists only the resources matching a ResourceModel', async () => {
    const page = await client().send(new ListResourcesCommand({ TypeName: 'AWS::EC2::Instance', ResourceModel: JSON.stringify({ InstanceId: EAST_INSTANCE_IDS[3] }) }));
    assert.deepEqual(page.ResourceDescriptions?.map((d) => d.Identifier), [EAST_INSTANCE_IDS[3]]);
  });

  it('serves estate changes made while it runs', async () => {
    const c = client(MEMBER, 'eu-west-1');
    sim.putResource(buildResource({ type: 'AWS::Lambda::Function', account: MEMBER, region: 'eu-west-1', name: 'resize' }));
    assert.deepEqual(await listAll(c, 'AWS::Lambda::Function'), ['resize']);
    assert.equal(sim.removeResource('AWS::Lambda::Function', MEMBER, 'resize'), true);
    await expectAwsError(c.send(new GetResourceCommand({ TypeName: 'AWS::Lambda::Function', Identifier: 'resize' })), 'ResourceNotFoundException', 404);
  });

  it('records every call with its account, region, type and outcome', async () => {
    const before = sim.calls.length;
    await expectAwsError(client(MEMBER, 'eu-west-1').send(new GetResourceCommand({ TypeName: 'AWS::EC2::Instance', Identifier: 'i-0nope' })), 'ResourceNotFoundException');
    const { at, ...record } = sim.calls[before] ?? { at: 0 };
    assert.ok(at > 0);
    assert.deepEqual(record, {
      service: 'cloudcontrol', operation: 'GetResource', account: MEMBER, region: 'eu-west-1',
      typeName: 'AWS::EC2::Instance', status: 404, errorCode: 'ResourceNotFoundException',
    });
  });
});
