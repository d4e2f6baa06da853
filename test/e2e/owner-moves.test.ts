import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import type { Blueprint } from '../simulators/port/index.js';
import { startWorld, type World } from '../support/world.js';

/** A blueprint without relations, so that nothing of the entity names its account. */
const BUCKET: Blueprint = { identifier: 'bucket', title: 'Bucket', schema: { properties: { arn: { type: 'string' } }, required: [] }, relations: {} };

/** Buckets mapped by name alone: a bucket that changes account keeps its entity's content. */
const CONFIG = `aws:
  regions: [us-east-1, eu-west-1]
resources:
- kind: AWS::S3::Bucket
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: .Identifier
        title: .Identifier
        blueprint: '"bucket"'
        properties:
          arn: .Properties.Arn
`;

describe('an entity whose owner moves, its content unchanged', () => {
  let world: World;
  let bucket: { identifier: string; account: string; region: string };
  let other: string;

  before(async () => {
    world = await startWorld({ configText: CONFIG, portBlueprints: [BUCKET] });
    const first = await world.run(['apply', '--auto-approve']);
    assert.equal(first.code, 0, first.stderr);
    // Given one bucket now read in another account, with the same name and properties
    const resource = world.aws.estate.resources.find((r) => r.type === 'AWS::S3::Bucket')!;
    bucket = { identifier: resource.identifier, account: resource.account, region: resource.region };
    other = world.aws.estate.accounts.map((a) => a.Id).find((id) => id !== bucket.account)!;
    assert.ok(world.aws.removeResource(resource.type, resource.account, resource.identifier, resource.region));
    world.aws.putResource({ ...resource, account: other });
  });
  after(() => world.close());

  it('is planned as a move, apart from the changes and their summary', async () => {
    const run = await world.run(['plan', '--json', '--detailed-exitcode']);
    assert.equal(run.code, 2, run.stderr);
    const plan = JSON.parse(run.stdout) as PlanDocument;
    assert.deepEqual([plan.resource_changes, plan.summary], [[], { add: 0, change: 0, destroy: 0 }]);
    assert.deepEqual(
      plan.owner_moves?.map((m) => [m.address, m.action, m.scope.account, m.from.scope.account]),
      [[`bucket.${bucket.identifier}`, 'move', other, bucket.account]],
    );
    const text = await world.run(['plan']);
    assert.match(text.stdout, new RegExp(`Owner moves \\(the state records the new owner; nothing is written to Port\\):\\n  > bucket\\.${bucket.identifier}`));
    assert.match(text.stdout, /Plan: 0 to add, 0 to change, 0 to destroy\./);
  });

  it('is recorded in the state by apply, with no write to Port, and then nothing is left to do', async () => {
    const writes = world.port.writes.length;
    const apply = await world.run(['apply', '--auto-approve', '--json']);
    assert.equal(apply.code, 0, apply.stderr);
    const lines = apply.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines.filter((l) => l.type === 'apply_progress').map((l) => [l.address, l.action, l.outcome]),
      [[`bucket.${bucket.identifier}`, 'move', 'unchanged']],
    );
    assert.deepEqual(lines.at(-1), { type: 'apply_complete', added: 0, changed: 0, destroyed: 0, failed: 0 });
    assert.equal(world.port.writes.length, writes, 'nothing was written to Port');
    const shown = await world.run(['state', 'show', `bucket.${bucket.identifier}`]);
    assert.equal((JSON.parse(shown.stdout) as { scope: { account: string } }).scope.account, other);
    const again = await world.run(['plan', '--json', '--detailed-exitcode']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal('owner_moves' in (JSON.parse(again.stdout) as PlanDocument), false);
  });
});
