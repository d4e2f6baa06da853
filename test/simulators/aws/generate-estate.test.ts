import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudControlClient, paginateListResources } from '@aws-sdk/client-cloudcontrol';
import { generateEstate, parseEstate, startAwsSimulator, type GenerateEstateOptions } from './index.js';

const OPTIONS: GenerateEstateOptions = {
  seed: 42,
  accounts: 3,
  regions: 2,
  kinds: ['AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::ECS::Cluster', 'AWS::SQS::Queue'],
  resourcesPerScope: 4,
};

describe('generateEstate', () => {
  it('gives the same estate for the same seed and another for another seed', () => {
    assert.deepEqual(generateEstate(OPTIONS), generateEstate(OPTIONS));
    assert.notDeepEqual(generateEstate(OPTIONS), generateEstate({ ...OPTIONS, seed: 43 }));
  });

  it('makes resourcesPerScope resources of each kind in each account and region, each unique', () => {
    const estate = generateEstate(OPTIONS);
    assert.equal(estate.accounts.length, 3);
    assert.deepEqual(estate.regions, ['us-east-1', 'eu-west-1']);
    assert.equal(estate.organization?.managementAccountId, estate.accounts[0]?.Id);
    assert.equal(estate.resources.length, 3 * 2 * 4 * 4);
    const keys = new Set(estate.resources.map((r) => `${r.type} ${r.account} ${r.region} ${r.identifier}`));
    assert.equal(keys.size, estate.resources.length);
    assert.ok(estate.accounts.every((a) => /^[1-9]\d{11}$/.test(a.Id) && a.State === 'ACTIVE'));
    assert.ok(estate.accounts.some((a) => Number.isInteger(a.JoinedTimestamp)) && estate.accounts.some((a) => !Number.isInteger(a.JoinedTimestamp)));
  });

  it('shapes properties per kind', () => {
    const estate = generateEstate(OPTIONS);
    const ofType = (type: string) => estate.resources.filter((r) => r.type === type);
    for (const bucket of ofType('AWS::S3::Bucket')) {
      assert.equal(bucket.properties.BucketName, bucket.identifier);
      assert.equal(bucket.properties.Arn, `arn:aws:s3:::${bucket.identifier}`);
      assert.equal(bucket.properties.RegionalDomainName, `${bucket.identifier}.s3.${bucket.region}.amazonaws.com`);
      assert.ok(Array.isArray(bucket.properties.Tags));
    }
    for (const instance of ofType('AWS::EC2::Instance')) {
      assert.match(instance.identifier, /^i-0[0-9a-f]{16}$/);
      assert.equal(instance.properties.InstanceId, instance.identifier);
      assert.ok(instance.properties.InstanceType && instance.properties.State);
    }
    for (const cluster of ofType('AWS::ECS::Cluster')) {
      assert.equal(cluster.properties.Arn, `arn:aws:ecs:${cluster.region}:${cluster.account}:cluster/${cluster.identifier}`);
    }
    assert.match(String(ofType('AWS::SQS::Queue')[0]?.properties.Arn), /^arn:aws:sqs:/);
  });

  it('survives a JSON round trip and is served by the simulator', async () => {
    const estate = parseEstate(JSON.stringify(generateEstate(OPTIONS)));
    const sim = await startAwsSimulator({ estate });
    try {
      const client = new CloudControlClient({ ...sim.clientConfig(undefined, 'eu-west-1'), maxAttempts: 1 });
      const buckets: string[] = [];
      for await (const page of paginateListResources({ client }, { TypeName: 'AWS::S3::Bucket' })) {
        buckets.push(...(page.ResourceDescriptions ?? []).map((d) => d.Identifier ?? ''));
      }
      // S3 is global: both regions' buckets of the management account
      assert.equal(buckets.length, 2 * 4);
    } finally {
      await sim.close();
    }
  });
});
