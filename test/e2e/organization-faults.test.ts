import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate, noFaults, type CallRecord, type Estate, type EstateResource } from '../simulators/aws/index.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

const S3 = 'AWS::S3::Bucket';
const EC2 = 'AWS::EC2::Instance';
const ECS = 'AWS::ECS::Cluster';
const ORG = 'AWS::Organizations::Account';

/** `Kind account region`: how these tests name a scope. */
const scopeName = (s: { kind: string; account: string; region: string }) => `${s.kind} ${s.account} ${s.region}`;
/** `action address`: a planned change as these tests compare them. */
const changeNames = (plan: PlanDocument) => plan.resource_changes.map((c) => `${c.action} ${c.address}`).sort();

/**
 * An Organization of 5 accounts in 3 regions, read through every fault at once:
 * one member's role cannot be assumed, EC2 is denied in one account and region, ECS does not exist
 * in one region, 30% of all calls are throttled, S3 refuses GetResource outside a bucket's region,
 * and assumed credentials last 1 s (the read lasts longer).
 */
describe('plan of an Organization read through denials, missing types, throttling and expiring credentials', () => {
  let world: World;
  let estate: Estate;
  let accounts: string[];
  let regions: string[];
  let unreachable: string;
  let faulted: PlanDocument;
  let clean: PlanDocument;
  let faultedCalls: CallRecord[];
  const removed: EstateResource[] = [];

  before(async () => {
    // Given the Organization, mapped with the seed's config and applied to Port without faults
    estate = generateEstate({ seed: 5, accounts: 5, regions: 3, kinds: [S3, EC2, ECS], resourcesPerScope: 2 });
    accounts = estate.accounts.map((a) => a.Id);
    regions = estate.regions;
    unreachable = accounts[4]!;
    world = await startWorld({ estate, configText: seedConfigWithRegions(regions) });
    const baseline = await world.run(['apply', '--auto-approve']);
    assert.equal(baseline.code, 0, baseline.stderr);

    // And resources that disappeared since, in scopes that will not be readable and in one that will
    const take = (type: string, account: string, region: string) => {
      const resource = world.aws.estate.resources.find((r) => r.type === type && r.account === account && r.region === region)!;
      assert.ok(world.aws.removeResource(type, account, resource.identifier, region));
      removed.push(resource);
    };
    take(EC2, accounts[1]!, regions[1]!); // in the denied scope
    take(S3, unreachable, regions[0]!); // of the unreachable account
    take(ECS, accounts[2]!, regions[2]!); // where ECS is not found
    take(EC2, accounts[2]!, regions[0]!); // readable: must be deleted

    // When aws2port plans with every fault on
    world.aws.faults = {
      ...noFaults(),
      assumeRoleDenied: [unreachable],
      deny: [{ account: accounts[1]!, region: regions[1]!, type: EC2 }],
      typeNotFound: [{ type: ECS, region: regions[2]! }],
      throttleShare: 0.3,
      s3GetOtherRegionFails: true,
      credentialLifetimeSeconds: 1,
    };
    const callsBefore = world.aws.calls.length;
    const run = await world.run(['plan', '--json']);
    assert.equal(run.code, 0, run.stderr);
    faulted = JSON.parse(run.stdout) as PlanDocument;
    faultedCalls = world.aws.calls.slice(callsBefore);

    // And, to compare, without any fault
    world.aws.faults = noFaults();
    const cleanRun = await world.run(['plan', '--json']);
    assert.equal(cleanRun.code, 0, cleanRun.stderr);
    clean = JSON.parse(cleanRun.stdout) as PlanDocument;
  });
  after(() => world.close());

  it('lists exactly the unreadable scopes as skipped, each with its reason', () => {
    const expected = [
      `${S3} ${unreachable} global`,
      ...regions.flatMap((r) => [`${EC2} ${unreachable} ${r}`, `${ECS} ${unreachable} ${r}`]),
      `${EC2} ${accounts[1]} ${regions[1]}`,
      ...accounts.slice(0, 4).map((a) => `${ECS} ${a} ${regions[2]}`),
    ].sort();
    assert.deepEqual(faulted.skipped_scopes.map(scopeName).sort(), expected);
    const reasons = Object.fromEntries(faulted.skipped_scopes.map((s) => [scopeName(s), s.error]));
    assert.match(reasons[`${EC2} ${unreachable} ${regions[0]}`]!, new RegExp(`cannot assume arn:aws:iam::${unreachable}:role/\\S+: AccessDenied`));
    assert.match(reasons[`${EC2} ${accounts[1]} ${regions[1]}`]!, /^AccessDeniedException: /);
    assert.match(reasons[`${ECS} ${accounts[0]} ${regions[2]}`]!, /^TypeNotFoundException: /);
    assert.equal(faulted.complete, false);
  });

  it('plans exactly what a fault-free run plans for the readable scopes', () => {
    const skipped = new Set(faulted.skipped_scopes.map(scopeName));
    const readable = clean.resource_changes.filter((c) => !skipped.has(scopeName(c.scope)));
    assert.deepEqual(changeNames(faulted), readable.map((c) => `${c.action} ${c.address}`).sort());
    // the fault-free run does see the disappearances in the scopes the faulted one could not read
    assert.equal(clean.summary.destroy, removed.length);
  });

  it('deletes what disappeared from a readable scope, and nothing that unreadable scopes own', () => {
    const deleted = faulted.resource_changes.filter((c) => c.action === 'delete').map((c) => c.identifier);
    assert.deepEqual(deleted, [removed[3]!.identifier]);
  });

  it('reads every Organizations account, the unreachable one included, as its own scope', () => {
    const accountEntities = clean.resource_changes.filter((c) => c.scope.kind === ORG);
    assert.deepEqual(accountEntities, [], 'unchanged since the baseline');
    assert.ok(!faulted.skipped_scopes.some((s) => s.kind === ORG));
  });

  it('outlives the role sessions: credentials were assumed again and no scope was lost to throttling or expiry', () => {
    const lastedMs = faultedCalls.at(-1)!.at - faultedCalls[0]!.at;
    assert.ok(lastedMs > 1000, `the read lasted ${lastedMs} ms, less than a session`);
    // 3 reachable members, each assumed again as its 1 s sessions ran out
    const assumed = faultedCalls.filter((c) => c.operation === 'AssumeRole' && c.status === 200).length;
    assert.ok(assumed > 3, `${assumed} AssumeRole calls`);
    assert.ok(faultedCalls.some((c) => c.errorCode === 'ThrottlingException'));
    assert.ok(!faulted.skipped_scopes.some((s) => /Throttl|Expired/.test(s.error)));
  });
});
