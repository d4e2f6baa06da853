import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import type { World } from '../support/world.js';
import { cloudTrailEvent } from '../watch/event-builders.js';
import { useWatchedWorld, waitUntil, type WatchProcess } from '../watch/watch-process.js';

const MEMBER = '222222222222';

describe('watch: an event from a member account', () => {
  let world: World;
  let watch: WatchProcess;
  let queueUrl: string;

  useWatchedWorld({ visibilityTimeoutSeconds: 2, queueName: 'central-events' }, (started) => ({ world, queueUrl, watch } = started));

  it("re-reads the resource with that account's assumed role, in the event's region", async () => {
    // GIVEN a bucket created in the member account after the first resync
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: MEMBER, region: 'eu-west-1', name: 'prod-new-reports', tags: { team: 'finance' } });
    world.aws.putResource(bucket);
    const callsBefore = world.aws.calls.length;
    // WHEN its CloudTrail event arrives through the central queue (which lives in the management account)
    world.aws.sendMessage(queueUrl, JSON.stringify(cloudTrailEvent({ source: 's3.amazonaws.com', name: 'CreateBucket', account: MEMBER, region: 'eu-west-1', requestParameters: { bucketName: bucket.identifier } })));
    await waitUntil(() => world.port.entity('cloudResource', bucket.identifier) !== undefined, 'the bucket is in Port');
    // THEN the GetResource call was signed with the member's assumed-role credentials (the process
    // holds only the management account's keys), in eu-west-1
    const reads = world.aws.calls.slice(callsBefore).filter((c) => c.operation === 'GetResource' && c.typeName === 'AWS::S3::Bucket');
    assert.ok(reads.length >= 1);
    assert.ok(reads.every((c) => c.account === MEMBER && c.region === 'eu-west-1' && c.status === 200), JSON.stringify(reads));
    assert.ok(world.aws.calls.some((c) => c.operation === 'AssumeRole' && c.account === '111111111111'), 'the member role was assumed');
    assert.ok(watch.logs.some((l) => l.event === 'watch_started' && (l.accounts as string[]).includes(MEMBER)));
    assert.equal(world.port.entity('cloudResource', bucket.identifier)?.relations.account, MEMBER);
  });
});
