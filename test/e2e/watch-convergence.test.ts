import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import type { World } from '../support/world.js';
import { cloudTrailEvent, instanceStateChange } from '../watch/event-builders.js';
import { useWatchedWorld, waitUntil } from '../watch/watch-process.js';

const ACCOUNT = '111111111111';

describe('watch: duplicated, late and reordered events converge on AWS as it is', () => {
  let world: World;
  let queueUrl: string;
  const send = (event: unknown) => world.aws.sendMessage(queueUrl, JSON.stringify(event));
  const bucketCall = (name: string, bucket: string) => cloudTrailEvent({ source: 's3.amazonaws.com', name, account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket } });
  const queueIsEmpty = () => {
    const depth = world.aws.queueDepth(queueUrl);
    return depth.visible + depth.inFlight === 0;
  };

  useWatchedWorld({ visibilityTimeoutSeconds: 2 }, (started) => ({ world, queueUrl } = started));

  it('writes a resource announced five times once', async () => {
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name: 'dup-announced', tags: { team: 'a' } });
    world.aws.putResource(bucket);
    for (let i = 0; i < 5; i++) send(bucketCall('CreateBucket', bucket.identifier));
    await waitUntil(() => world.port.entity('cloudResource', bucket.identifier) !== undefined && queueIsEmpty(), 'the bucket is in Port and the queue is empty');
    const writes = world.port.writes.filter((w) => w.identifiers.includes(bucket.identifier));
    assert.equal(writes.length, 1);
  });

  it('keeps a deleted resource deleted when its older events arrive after the deletion', async () => {
    // GIVEN an instance that Port holds since the first resync, then terminated in AWS
    const instance = world.aws.estate.resources.find((r) => r.type === 'AWS::EC2::Instance' && r.account === ACCOUNT && r.region === 'us-east-1')!;
    assert.ok(world.port.entity('cloudResource', instance.identifier));
    world.aws.removeResource('AWS::EC2::Instance', ACCOUNT, instance.identifier);
    // WHEN the termination event comes first and the older tagging and "running" events after it
    send(cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'TerminateInstances', account: ACCOUNT, region: 'us-east-1', requestParameters: { instancesSet: { items: [{ instanceId: instance.identifier }] } } }));
    send(cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'CreateTags', account: ACCOUNT, region: 'us-east-1', requestParameters: { resourcesSet: { items: [{ resourceId: instance.identifier }] } } }));
    send(instanceStateChange(ACCOUNT, 'us-east-1', instance.identifier, 'running'));
    // THEN it stays gone
    await waitUntil(queueIsEmpty, 'the queue is empty');
    assert.equal(world.port.entity('cloudResource', instance.identifier), undefined);
  });

  it('keeps a re-created resource when a stale deletion event arrives after its creation', async () => {
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name: 'recreated-bucket', tags: { team: 'b' } });
    world.aws.putResource(bucket);
    send(bucketCall('CreateBucket', bucket.identifier));
    send(bucketCall('DeleteBucket', bucket.identifier));
    await waitUntil(queueIsEmpty, 'the queue is empty');
    assert.deepEqual(world.port.entity('cloudResource', bucket.identifier)?.properties.tags, [{ Key: 'team', Value: 'b' }]);
  });

  it('leaves nothing for a full plan to change, and plan works beside the running watch', async () => {
    const run = await world.run(['plan', '--detailed-exitcode']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No changes\./);
  });
});
