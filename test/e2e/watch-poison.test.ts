import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildResource } from '../simulators/aws/index.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';
import { cloudTrailEvent, snsEnvelope } from '../watch/event-builders.js';
import { startWatch, waitUntil, type WatchProcess } from '../watch/watch-process.js';

const ACCOUNT = '111111111111';
/** The one bucket the mapping cannot map: its identifier's jq raises an error for it alone. */
const POISON_BUCKET = 'poison-bucket';
/** Receives before SQS moves a message to the dead-letter queue, and watch's own --max-receives. */
const MAX_RECEIVES = 2;

/** The seed mapping, with an S3 identifier that fails for POISON_BUCKET only. */
function configWithPoisonBucket(): string {
  const seed = seedConfigWithRegions();
  const s3 = seed.indexOf('- kind: AWS::S3::Bucket');
  const identifier = seed.indexOf('identifier: .Identifier\n', s3);
  const poisoned = `identifier: 'if .Identifier == "${POISON_BUCKET}" then error("this bucket cannot be mapped") else .Identifier end'\n`;
  return seed.slice(0, identifier) + poisoned + seed.slice(identifier + 'identifier: .Identifier\n'.length);
}

describe('watch under poison messages', () => {
  let world: World;
  let watch: WatchProcess;
  let queueUrl: string;
  let deadLetterUrl: string;
  const bucketEvent = (bucket: string) => JSON.stringify(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'PutBucketTagging', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket } }));
  const putBucket = (name: string) => world.aws.putResource(buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name, tags: { team: 'poison-test' } }));

  before(async () => {
    world = await startWorld({ configText: configWithPoisonBucket() });
    putBucket(POISON_BUCKET);
    deadLetterUrl = world.aws.createQueue('events-dlq');
    queueUrl = world.aws.createQueue('events', { visibilityTimeoutSeconds: 1, maxReceiveCount: MAX_RECEIVES, deadLetterQueueName: 'events-dlq' });
    watch = await startWatch(world, queueUrl, ['--max-receives', String(MAX_RECEIVES)]);
  });
  after(async () => {
    await watch?.stop();
    await world?.close();
  });

  it('applies the normal events around an unmappable one and an unparseable one, and leaves those two to the dead-letter queue', async () => {
    // GIVEN buckets the mapping maps, and events for them around two poison messages
    const normal = ['fine-before', 'fine-between', 'fine-after'];
    for (const name of normal) putBucket(name);
    const poisonBodies = [bucketEvent(POISON_BUCKET), JSON.stringify(snsEnvelope(null)).replace('"null"', '"this is not JSON {"')];
    // WHEN they arrive in the queue, the poison ones among the others
    world.aws.sendMessage(queueUrl, bucketEvent(normal[0]!));
    world.aws.sendMessage(queueUrl, poisonBodies[0]!);
    world.aws.sendMessage(queueUrl, bucketEvent(normal[1]!));
    world.aws.sendMessage(queueUrl, poisonBodies[1]!);
    world.aws.sendMessage(queueUrl, bucketEvent(normal[2]!));

    // THEN the normal ones reach Port in the usual time
    await waitUntil(() => normal.every((name) => world.port.entity('cloudResource', name) !== undefined), 'every normal bucket is in Port', 10_000);
    // AND the poison ones are retried up to the queue's maxReceiveCount, then moved to its dead-letter queue
    await waitUntil(() => world.aws.queueDepth(deadLetterUrl).visible === 2, 'both poison messages are in the dead-letter queue', 20_000);
    await waitUntil(() => world.aws.queueDepth(queueUrl).visible + world.aws.queueDepth(queueUrl).inFlight === 0, 'the events queue is empty');
    const dead = await new SQSClient(world.aws.clientConfig()).send(new ReceiveMessageCommand({ QueueUrl: deadLetterUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    assert.deepEqual((dead.Messages ?? []).map((m) => m.Body).sort(), [...poisonBodies].sort());
    assert.equal(world.port.entity('cloudResource', POISON_BUCKET), undefined);

    // AND the process keeps running, healthy, and counted each poison receive by its reason
    assert.equal(watch.child.exitCode, null);
    assert.equal((await watch.health()).status, 200);
    assert.equal(await watch.metric('aws2port_watch_poison_messages_total', { reason: 'unmappable' }), MAX_RECEIVES);
    assert.equal(await watch.metric('aws2port_watch_poison_messages_total', { reason: 'unparseable' }), MAX_RECEIVES);
    assert.equal(await watch.metric('aws2port_watch_events_total', { outcome: 'poison' }), 2 * MAX_RECEIVES);
    assert.equal(await watch.metric('aws2port_watch_events_total', { outcome: 'dropped' }), 0, 'SQS dead-lettered them before --max-receives dropped them');
    const poisonLogs = watch.logs.filter((l) => l.event === 'message_poison');
    assert.deepEqual(poisonLogs.map((l) => l.reason).sort(), ['unmappable', 'unmappable', 'unparseable', 'unparseable']);
    assert.ok(watch.logs.some((l) => l.event === 'mapping_issue' && String(l.msg).includes(POISON_BUCKET)));
    assert.ok(!watch.logs.some((l) => l.event === 'no_dead_letter_queue' || l.event === 'dead_letter_after_max_receives'), 'the redrive policy suits --max-receives');

    // AND a later normal event is applied as usual
    putBucket('fine-later');
    world.aws.sendMessage(queueUrl, bucketEvent('fine-later'));
    await waitUntil(() => world.port.entity('cloudResource', 'fine-later') !== undefined, 'a later bucket is in Port', 10_000);
  });
});
