import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import { startWorld, type World } from '../support/world.js';
import { cloudTrailEvent } from '../watch/event-builders.js';
import { startWatch, waitUntil } from '../watch/watch-process.js';

const ACCOUNT = '111111111111';
const STOPPED_WELL_BEFORE_A_LONG_POLL_MS = 10_000;

describe('watch: SIGTERM and SIGINT', () => {
  let world: World;
  let queueUrl: string;

  before(async () => {
    world = await startWorld();
    queueUrl = world.aws.createQueue('events', { visibilityTimeoutSeconds: 30 });
  });
  after(() => world?.close());

  // A long poll lasts 20 s: stopping well before that shows watch does not wait it out. The bound is
  // loose on purpose, so that a loaded machine does not fail the test.
  it('exits 0 within a few seconds of SIGTERM while a long poll is pending', async () => {
    const watch = await startWatch(world, queueUrl);
    assert.equal((await watch.health()).status, 200);
    const { code, elapsedMs } = await watch.stop('SIGTERM');
    assert.equal(code, 0);
    assert.ok(elapsedMs < STOPPED_WELL_BEFORE_A_LONG_POLL_MS, `took ${elapsedMs} ms`);
    assert.ok(watch.logs.some((l) => l.event === 'watch_stopped'));
  });

  it('finishes the batch in hand before exiting on SIGINT: applied and deleted', async () => {
    const watch = await startWatch(world, queueUrl);
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: ACCOUNT, region: 'us-east-1', name: 'in-hand-at-sigint', tags: { team: 'z' } });
    world.aws.putResource(bucket);
    world.aws.sendMessage(queueUrl, JSON.stringify(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: ACCOUNT, region: 'us-east-1', requestParameters: { bucketName: bucket.identifier } })));
    await waitUntil(() => world.aws.queueDepth(queueUrl).inFlight === 1, 'watch has received the message');
    const { code, elapsedMs } = await watch.stop('SIGINT');
    assert.equal(code, 0);
    assert.ok(elapsedMs < STOPPED_WELL_BEFORE_A_LONG_POLL_MS, `took ${elapsedMs} ms`);
    assert.ok(world.port.entity('cloudResource', bucket.identifier), 'the bucket reached Port');
    const depth = world.aws.queueDepth(queueUrl);
    assert.equal(depth.visible + depth.inFlight, 0, 'the message was deleted');
  });

  it('releases the state lock, so the next run can take it', async () => {
    const run = await world.run(['apply', '--auto-approve']);
    assert.equal(run.code, 0, run.stderr);
  });
});
