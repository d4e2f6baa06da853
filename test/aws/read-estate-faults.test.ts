import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/index.js';
import { isGlobalKind, ORGANIZATIONS_ACCOUNT_KIND } from '../../src/model/index.js';
import { noFaults } from '../simulators/aws/index.js';
import { awsSettings, EC2, ECS, keyOf, organization, resourceOf, S3, scopeNames, seedLikeResources, startSourceWorld, type ReadOutcome, type SourceWorld } from './source-fixture.js';
import { GLOBAL_REGION, scopeKey } from '../../src/model/index.js';

/** The scope an item belongs to. */
function scopeOfItem(item: RawItem): string {
  const region = isGlobalKind(item.__Kind) || item.__Kind === ORGANIZATIONS_ACCOUNT_KIND ? GLOBAL_REGION : item.__Region;
  return scopeKey({ kind: item.__Kind, account: item.__AccountId, region });
}

/** Items in a canonical order, whole, for deep comparison. */
const sorted = (items: RawItem[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('readEstate through every fault at once', () => {
  let world: SourceWorld;
  let accounts: string[];
  let regions: string[];
  let faulted: ReadOutcome;
  let clean: ReadOutcome;

  before(async () => {
    // Given 5 accounts in 3 regions: one member's role refused, EC2 denied in one account and region,
    // ECS absent from one region, 30% of calls throttled, credentials lasting 1 s, S3 Get only in a bucket's region
    const estate = organization(5, 3, 2, 17);
    accounts = estate.accounts.map((a) => a.Id);
    regions = estate.regions;
    world = await startSourceWorld({ estate });
    const resources = [...seedLikeResources(), resourceOf(ORGANIZATIONS_ACCOUNT_KIND, { index: 3 })];
    world.sim.faults = {
      ...noFaults(),
      assumeRoleDenied: [accounts[4]!],
      deny: [{ account: accounts[1]!, region: regions[1]!, type: EC2 }],
      typeNotFound: [{ type: ECS, region: regions[2]! }],
      throttleShare: 0.3,
      credentialLifetimeSeconds: 1,
      s3GetOtherRegionFails: true,
    };
    faulted = await world.read(awsSettings({ regions }), resources);
    world.sim.faults = noFaults();
    clean = await world.read(awsSettings({ regions }), resources);
  });
  after(() => world.close());

  it('skips exactly the unreadable scopes', () => {
    const expected = [
      keyOf(S3, accounts[4]!, GLOBAL_REGION),
      ...regions.flatMap((r) => [keyOf(EC2, accounts[4]!, r), keyOf(ECS, accounts[4]!, r)]),
      keyOf(EC2, accounts[1]!, regions[1]!),
      ...accounts.slice(0, 4).map((a) => keyOf(ECS, a, regions[2]!)),
    ];
    assert.deepEqual(scopeNames(faulted.skipped.keys()), scopeNames(expected));
    assert.deepEqual(scopeNames(clean.skipped.keys()), []);
  });

  it('completes every other scope', () => {
    const readable = faulted.read.intendedScopes.map(scopeKey).filter((key) => !faulted.skipped.has(key));
    assert.deepEqual(scopeNames(faulted.complete), scopeNames(readable));
  });

  it('reads, in the readable scopes, exactly the items a fault-free read finds there', () => {
    const readable = clean.items.filter((item) => !faulted.skipped.has(scopeOfItem(item)));
    assert.deepEqual(sorted(faulted.items), sorted(readable));
  });
});
