import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { noFaults } from '../simulators/aws/index.js';
import { startWorld } from '../support/world.js';

const ECS = 'AWS::ECS::Cluster';
const PROD = '222222222222';
const SHARED = '111111111111';

// Cloud Control wraps a resource handler's downstream error in GeneralServiceException, a client
// fault in the SDK model: its message says whether the resource is gone, the caller is denied, or
// this one resource could not be read.
describe('Cloud Control GeneralServiceException while re-reading listed resources', () => {
  it('deletes what is gone, keeps what could not be read, skips only the denied scope, and retries none', async () => {
    const world = await startWorld();
    try {
      // Given everything applied once
      const first = await world.run(['apply', '--auto-approve']);
      assert.equal(first.code, 0, first.stderr);
      // When GetResource answers: a NotFound for one cluster (deleted between List and Get), another
      // error for a second, and an access denial in another account and region
      world.aws.faults = {
        ...noFaults(),
        getResourceErrors: [
          { type: ECS, identifier: 'prod-services', region: 'us-east-1', error: 'notFound' },
          { type: ECS, identifier: 'prod-jobs', region: 'us-east-1', error: 'other' },
          { type: ECS, identifier: 'shared-jobs', region: 'eu-west-1', error: 'accessDenied' },
        ],
      };
      const callsBefore = world.aws.calls.length;
      const run = await world.run(['plan', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const plan = JSON.parse(run.stdout) as PlanDocument;

      // Then the gone cluster is deleted: its scope was read completely
      const ecsChanges = plan.resource_changes.filter((c) => c.scope.kind === ECS);
      assert.deepEqual(
        ecsChanges.map((c) => [c.action, c.scope.account, c.scope.region, c.aws_identifier]),
        [['delete', PROD, 'us-east-1', 'prod-services']],
      );
      // And the unreadable one is kept as it was and named, with AWS's error code
      assert.deepEqual(
        plan.unread_items.map((u) => [u.kind, u.account, u.region, u.aws_identifier, u.error.split(':')[0]]),
        [[ECS, PROD, 'us-east-1', 'prod-jobs', 'GeneralServiceException']],
      );
      // And only the denied scope is skipped
      assert.deepEqual(
        plan.skipped_scopes.map((s) => [s.kind, s.account, s.region, s.error.split(':')[0]]),
        [[ECS, SHARED, 'eu-west-1', 'GeneralServiceException']],
      );
      assert.equal(plan.complete, false);
      // And no GeneralServiceException was retried: one answer per failing resource
      const answered = world.aws.calls.slice(callsBefore).filter((c) => c.errorCode === 'GeneralServiceException');
      assert.equal(answered.length, 3);

      const text = await world.run(['plan']);
      assert.match(text.stdout, /Unread resources \(what they produced is kept as it was\):\n {2}! AWS::ECS::Cluster 222222222222 us-east-1 prod-jobs: GeneralServiceException: /);
    } finally {
      await world.close();
    }
  });
});
