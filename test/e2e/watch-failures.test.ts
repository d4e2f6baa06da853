import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import type { PortErrorBody } from '../simulators/port/index.js';
import type { World } from '../support/world.js';
import { cloudTrailEvent, nativeEvent, S3_TEST_EVENT, snsEnvelope } from '../watch/event-builders.js';
import { useWatchedWorld, waitUntil, type WatchProcess } from '../watch/watch-process.js';

const ACCOUNT = '111111111111';

/** A `failEntities` fault that refuses the entity's first write only, as a Port that refuses it once would. */
function refusingOnce(identifier: string, error: PortErrorBody): Map<string, PortErrorBody> {
  const faults = new Map([[identifier, error]]);
  const get = faults.get.bind(faults);
  faults.get = (key) => {
    const fault = get(key);
    faults.delete(key);
    return fault;
  };
  return faults;
}

describe('watch: failures and messages it cannot use', () => {
  let world: World;
  let watch: WatchProcess;
  let queueUrl: string;
  const send = (body: unknown) => world.aws.sendMessage(queueUrl, typeof body === 'string' ? body : JSON.stringify(body));
  const depth = () => world.aws.queueDepth(queueUrl);
  const outcome = (name: string) => watch.metric('aws2port_watch_events_total', { outcome: name });

  useWatchedWorld({ visibilityTimeoutSeconds: 1, args: ['--max-receives', '2'] }, (started) => ({ world, queueUrl, watch } = started));

  it('leaves a message whose write Port refused in the queue, and applies it on redelivery', async () => {
    // GIVEN Port refuses the new bucket's entity once. (Removing the fault after the first refusal would
    // race the redelivery: watch releases a failed message at once.)
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name: 'refused-at-first', tags: { team: 'x' } });
    world.aws.putResource(bucket);
    const refusals = world.port.faults.failEntities;
    world.port.faults.failEntities = refusingOnce(bucket.identifier, { statusCode: 422, error: 'schema_mismatch', message: 'simulated refusal' });
    try {
      send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket.identifier } }));
      // THEN the write fails and is logged; the message, left in the queue, comes back and is applied
      // (the only message that names the bucket: had it been deleted, Port would never get the bucket)
      await waitUntil(() => world.port.entity('cloudResource', bucket.identifier) !== undefined, 'the bucket reaches Port on redelivery');
      assert.ok(watch.logs.some((l) => l.event === 'write_failed' && String(l.msg).includes(bucket.identifier)));
      assert.ok((await outcome('failed')) >= 1);
      await waitUntil(() => depth().visible + depth().inFlight === 0, 'the message is deleted');
      assert.ok((await outcome('applied')) >= 1);
    } finally {
      world.port.faults.failEntities = refusals;
    }
  });

  it('logs and deletes a message received more than --max-receives times', async () => {
    // GIVEN GetResource is denied for instances, so the event can never be applied
    world.aws.faults.deny = [{ operation: 'GetResource', type: 'AWS::EC2::Instance' }];
    const body = JSON.stringify(cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'StopInstances', account: ACCOUNT, region: 'us-east-1', requestParameters: { instancesSet: { items: [{ instanceId: 'i-0ffff00000000dead' }] } } }));
    const droppedBefore = await outcome('dropped');
    send(body);
    // (A loaded machine may also drop the first test's message, redelivered while it was being applied.)
    const dropped = await watch.waitForLog('message_dropped', (l) => l.body === body, 10_000);
    assert.equal(dropped.body, body);
    assert.equal(dropped.receive_count, 3);
    await waitUntil(() => depth().visible + depth().inFlight === 0, 'the dropped message is deleted');
    assert.equal((await outcome('dropped')) - droppedBefore, 1);
    assert.ok(watch.logs.some((l) => l.event === 'no_dead_letter_queue'), 'watch warned at start that the queue keeps no dead letters');
    assert.ok((await watch.metric('aws2port_watch_errors_total', { stage: 'read' })) >= 2);
    world.aws.faults.deny = [];
  });

  it('deletes the entity of a resource Cloud Control says is gone through a GeneralServiceException, and acknowledges one it cannot read', async () => {
    // GIVEN two buckets in Port; GetResource then answers GeneralServiceException for both: a wrapped
    // NotFound (deleted meanwhile) for one, another downstream error for the other
    const [gone, broken] = ['wrapped-not-found', 'wrapped-other-error'].map((name) => buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name, tags: { team: 'x' } }));
    for (const bucket of [gone!, broken!]) {
      world.aws.putResource(bucket);
      send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket.identifier } }));
    }
    await waitUntil(() => world.port.entity('cloudResource', gone!.identifier) !== undefined && world.port.entity('cloudResource', broken!.identifier) !== undefined, 'both buckets reach Port');
    const unreadableBefore = await outcome('unreadable');
    world.aws.faults.getResourceErrors = [
      { type: 'AWS::S3::Bucket', identifier: gone!.identifier, error: 'notFound' },
      { type: 'AWS::S3::Bucket', identifier: broken!.identifier, error: 'other' },
    ];
    // WHEN each is named by an event
    for (const bucket of [gone!, broken!]) {
      send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'PutBucketTagging', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket.identifier } }));
    }
    // THEN the gone one is deleted from Port at once (not failed until dead-lettered), the other acknowledged as unreadable and kept
    await waitUntil(() => world.port.entity('cloudResource', gone!.identifier) === undefined, 'the gone bucket is deleted from Port');
    await waitUntil(async () => (await outcome('unreadable')) === unreadableBefore + 1, 'the unreadable one is counted');
    await waitUntil(() => depth().visible + depth().inFlight === 0, 'both messages are deleted');
    assert.notEqual(world.port.entity('cloudResource', broken!.identifier), undefined);
    world.aws.faults.getResourceErrors = [];
  });

  it('acknowledges and counts events it has no use for, and keeps running', async () => {
    const before = await watch.metrics();
    send({ hello: 'world' });
    send(snsEnvelope({ hello: 'world' }));
    send(S3_TEST_EVENT);
    send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: 'taken-name' }, errorCode: 'BucketAlreadyExists' }));
    send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'GetBucketTagging', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: 'acme-shared-logs' }, readOnly: true }));
    send(nativeEvent({ source: 'aws.health', detailType: 'AWS Health Event', account: ACCOUNT, region: 'us-east-1', detail: { service: 'EC2' } }));
    send(cloudTrailEvent({ source: 'dynamodb.amazonaws.com', name: 'CreateTable', account: ACCOUNT, region: 'us-east-1', requestParameters: { tableName: 'not-mapped' } }));
    send(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: '333333333333', region: 'us-east-1', requestParameters: { bucketName: 'outside-org' } }));
    send(cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'StartInstances', account: ACCOUNT, region: 'ap-south-1', requestParameters: { instancesSet: { items: [{ instanceId: 'i-0aaaa000000000001' }] } } }));
    const expected = { unknown_event: 3, test_event: 1, failed_call: 1, read_only: 1, unmapped_kind: 1, out_of_scope: 2 };
    const counted = async () => {
      const text = await watch.metrics();
      return Object.entries(expected).every(([name, n]) => metricIn(text, name) - metricIn(before, name) === n);
    };
    await waitUntil(counted, `the outcomes are counted as ${JSON.stringify(expected)}`);
    await waitUntil(() => depth().visible + depth().inFlight === 0, 'every such message is deleted');
    assert.equal((await watch.health()).status, 200);
    assert.equal(watch.child.exitCode, null);
    assert.ok(watch.logs.some((l) => l.event === 'message_ignored' && l.outcome === 'unknown_event' && l.body === '{"hello":"world"}'));
  });
});

function metricIn(text: string, outcome: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`aws2port_watch_events_total{outcome="${outcome}"}`));
  return line ? Number(line.split(' ')[1]) : 0;
}
