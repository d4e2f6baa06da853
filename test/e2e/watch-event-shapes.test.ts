import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import type { World } from '../support/world.js';
import { cloudTrailEvent, instanceStateChange, nativeEvent, s3Notification, snsEnvelope } from '../watch/event-builders.js';
import { useWatchedWorld, waitUntil } from '../watch/watch-process.js';

const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';

describe('watch: every way an event reaches the queue', () => {
  let world: World;
  let queueUrl: string;
  const send = (event: unknown) => world.aws.sendMessage(queueUrl, JSON.stringify(event));
  const inPort = (identifier: string) => world.port.entity('cloudResource', identifier);

  useWatchedWorld({ visibilityTimeoutSeconds: 2 }, (started) => ({ world, queueUrl } = started));

  it('applies a native EC2 instance state-change event', async () => {
    const instance = buildResource({ type: 'AWS::EC2::Instance', account: MEMBER, region: 'eu-west-1', name: 'i-0abc0000000000001', tags: { Name: 'native' } });
    world.aws.putResource(instance);
    send(instanceStateChange(MEMBER, 'eu-west-1', instance.identifier, 'running'));
    await waitUntil(() => inPort(instance.identifier) !== undefined, 'the instance is in Port');
  });

  it('applies a CloudTrail event wrapped in an SNS notification', async () => {
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: MANAGEMENT, region: 'us-east-1', name: 'via-sns-bucket', tags: { team: 'sns' } });
    world.aws.putResource(bucket);
    send(snsEnvelope(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: MANAGEMENT, region: 'us-east-1', requestParameters: { bucketName: bucket.identifier } })));
    await waitUntil(() => inPort(bucket.identifier) !== undefined, 'the bucket is in Port');
  });

  it("applies an S3 notification sent straight to the queue, in the bucket owner's account", async () => {
    // GIVEN a member account's bucket that Port holds, whose tags then change in AWS
    const bucket = world.aws.estate.resources.find((r) => r.type === 'AWS::S3::Bucket' && r.account === MEMBER)!;
    assert.ok(inPort(bucket.identifier));
    world.aws.putResource({ ...bucket, properties: { ...bucket.properties, Tags: [{ Key: 'team', Value: 'notified' }] } });
    // WHEN S3 notifies the queue (the record names the bucket, not its account)
    send(s3Notification([{ bucket: bucket.identifier, region: bucket.region }]));
    // THEN the bucket is re-read in its owner's account (known from the state) and updated
    await waitUntil(() => JSON.stringify(inPort(bucket.identifier)?.properties.tags) === JSON.stringify([{ Key: 'team', Value: 'notified' }]), 'the new tags are in Port');
  });

  it('falls back on the ARNs an unlisted event names', async () => {
    const instance = buildResource({ type: 'AWS::EC2::Instance', account: MANAGEMENT, region: 'us-east-1', name: 'i-0abc0000000000002', tags: { Name: 'spot' } });
    world.aws.putResource(instance);
    send(nativeEvent({ source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning', account: MANAGEMENT, region: 'us-east-1', resources: [`arn:aws:ec2:us-east-1:${MANAGEMENT}:instance/${instance.identifier}`], detail: { 'instance-action': 'terminate' } }));
    const cluster = world.aws.estate.resources.find((r) => r.type === 'AWS::ECS::Cluster' && r.account === MANAGEMENT)!;
    const clusterArn = String(cluster.properties.Arn);
    world.aws.removeResource('AWS::ECS::Cluster', MANAGEMENT, cluster.identifier);
    send(cloudTrailEvent({ source: 'ecs.amazonaws.com', name: 'DeleteCapacityProvider', account: MANAGEMENT, region: cluster.region, requestParameters: {}, resources: [{ ARN: clusterArn, accountId: MANAGEMENT }] }));
    await waitUntil(() => inPort(instance.identifier) !== undefined && inPort(clusterArn) === undefined, 'the instance is in Port and the cluster gone');
  });
});
