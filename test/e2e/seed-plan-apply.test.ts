import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.js';
import type { PlanDocument } from '../../src/plan/index.js';
import { entitiesByNativeJq, expectedRawItems, sortEntities, type ComparableEntity } from '../support/expected-entities.js';
import { demoEstate, seedConfigWithRegions, startWorld, type World } from '../support/world.js';

/** The demo accounts' JoinedTimestamp in the spec's text form (epoch 1699999999.0 and 1700000000.123). */
const JOINED_TEXT = { '111111111111': '2023-11-14 22:13:19+00:00', '222222222222': '2023-11-14 22:13:20.123000+00:00' };
const REGIONS = ['us-east-1', 'eu-west-1'];

function portEntities(world: World): ComparableEntity[] {
  const stored = ['awsAccount', 'cloudResource'].flatMap((bp) => world.port.entities(bp));
  return sortEntities(stored.map((e) => ({ blueprint: e.blueprint, identifier: e.identifier, title: e.title, properties: e.properties, relations: e.relations })));
}

describe('plan and apply of the seed mapping over a 2-account, 2-region organization', () => {
  let world: World;
  let expected: ComparableEntity[];

  before(async () => {
    world = await startWorld();
    const { config } = parseConfig(seedConfigWithRegions(REGIONS), 'seed.yml');
    expected = entitiesByNativeJq(config!.resources, expectedRawItems(demoEstate(), REGIONS, JOINED_TEXT));
  });
  after(() => world.close());

  it('plans every expected entity as a create and exits 2 with --detailed-exitcode', async () => {
    const run = await world.run(['plan', '--json', '--detailed-exitcode']);
    assert.equal(run.code, 2, run.stderr);
    const plan = JSON.parse(run.stdout) as PlanDocument;
    assert.deepEqual(
      plan.resource_changes.map((c) => c.address).sort(),
      expected.map((e) => `${e.blueprint}.${e.identifier}`).sort(),
    );
    assert.ok(plan.resource_changes.every((c) => c.action === 'create'));
    assert.deepEqual(plan.summary, { add: expected.length, change: 0, destroy: 0 });
    assert.deepEqual(plan.skipped_scopes, []);
    // every bucket once, with its own region, though only two regions are read
    const buckets = plan.resource_changes.filter((c) => c.scope.kind === 'AWS::S3::Bucket');
    assert.equal(buckets.length, demoEstate().resources.filter((r) => r.type === 'AWS::S3::Bucket').length);
    assert.ok(buckets.some((c) => c.after?.properties.region === 'us-west-2'));
  });

  it('makes Port hold exactly what native jq computes from the same items and mapping', async () => {
    const run = await world.run(['apply', '--auto-approve']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Apply complete! Resources: ${expected.length} added, 0 changed, 0 destroyed\\.`));
    assert.deepEqual(portEntities(world), expected);
  });

  it('plans no changes right after the apply (exit 0 with --detailed-exitcode)', async () => {
    const run = await world.run(['plan', '--detailed-exitcode']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /No changes\. Port matches AWS\./);
  });

  it('sends zero writes to Port on a second apply', async () => {
    const writesBefore = world.port.writes.length;
    const run = await world.run(['apply', '--auto-approve']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(world.port.writes.length, writesBefore);
    assert.match(run.stdout, /Apply complete! Resources: 0 added, 0 changed, 0 destroyed\./);
  });

  it('lists every recorded entity with state list', async () => {
    const run = await world.run(['state', 'list']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n').sort(), expected.map((e) => `${e.blueprint}.${e.identifier}`).sort());
  });
});
