import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResource } from '../simulators/aws/index.js';
import type { World } from '../support/world.js';
import { useWatchedWorld, waitUntil, type WatchProcess } from '../watch/watch-process.js';

describe('watch: the periodic full resync', () => {
  let world: World;
  let watch: WatchProcess;

  useWatchedWorld({ visibilityTimeoutSeconds: 2, args: ['--resync-interval', '2s'] }, (started) => ({ world, watch } = started));

  it('corrects a change whose event never came, at the next resync (every interval, with jitter)', async () => {
    // GIVEN a bucket created in AWS whose event was lost
    const bucket = buildResource({ type: 'AWS::S3::Bucket', account: '111111111111', region: 'us-east-1', name: 'event-was-lost', tags: { team: 'q' } });
    world.aws.putResource(bucket);
    // THEN the next resync puts it in Port
    await waitUntil(() => world.port.entity('cloudResource', bucket.identifier) !== undefined, 'the resync applied the bucket', 8000);
    assert.ok((await watch.metric('aws2port_watch_resyncs_total', { outcome: 'succeeded' })) >= 2);
    assert.ok((await watch.metric('aws2port_watch_resources_applied_total', { action: 'create', trigger: 'resync' })) >= 1);
    const starts = watch.logs.filter((l) => l.event === 'resync_started').map((l) => Date.parse(l.time));
    const ends = watch.logs.filter((l) => l.event === 'resync_completed').map((l) => Date.parse(l.time));
    const wait = starts[1]! - ends[0]!;
    assert.ok(wait >= 1800 - 50 && wait <= 2200 + 50, `waited ${wait} ms between resyncs`);
    assert.ok((await watch.metric('aws2port_watch_last_resync_success_timestamp_seconds')) > 0);
  });
});
