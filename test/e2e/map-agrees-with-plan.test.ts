import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Estate } from '../simulators/aws/index.js';
import { demoEstate, startWorld } from '../support/world.js';

/**
 * A config whose rules matter: EC2 instances and S3 buckets outside eu-west-1 only (the policy leaves
 * out instances the plan never reads, and buckets it reads but must not map), and ECS clusters by
 * their name, which the demo estate repeats in us-east-1 and eu-west-1 of one account: two items per
 * address.
 */
const CONFIG = `aws:
  regions: [us-east-1, eu-west-1]
resources:
- kind: AWS::EC2::Instance
  selector:
    query: 'true'
    regionPolicy:
      deny: [eu-west-1]
  port:
    entity:
      mappings:
        identifier: .Identifier
        title: .Identifier
        blueprint: '"cloudResource"'
        properties:
          region: .__Region
- kind: AWS::S3::Bucket
  selector:
    query: 'true'
    regionPolicy:
      deny: [eu-west-1]
  port:
    entity:
      mappings:
        identifier: .Identifier
        blueprint: '"cloudResource"'
        properties:
          region: .__Region
- kind: AWS::ECS::Cluster
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: .Identifier
        blueprint: '"cloudResource"'
        properties:
          region: .__Region
          account: .__AccountId
`;

interface RawItem {
  Identifier: string;
  Properties: Record<string, unknown>;
  __Kind: string;
  __AccountId: string;
  __Region: string;
}

/** Every resource of the estate as a raw item, in the estate's order: what `map` is given, built apart from the source stage. */
function rawItems(estate: Estate): RawItem[] {
  return estate.resources.map((r) => {
    const domain = r.properties['RegionalDomainName'];
    const bucketRegion = typeof domain === 'string' ? /\.s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(domain)?.[1] : undefined;
    return { Identifier: r.identifier, Properties: r.properties, __Kind: r.type, __AccountId: r.account, __Region: bucketRegion ?? r.region };
  });
}

interface PlanJson {
  resource_changes: { address: string; action: string; after: Record<string, unknown> }[];
  address_conflicts: { address: string; kept: { scope: { kind: string; account: string; region: string }; aws_identifier: string }; dropped: { scope: { kind: string; account: string; region: string }; aws_identifier: string } }[];
}

/** The entities `map --json` leaves, by address: for an address printed twice, the later line is the one kept. */
function mappedEntities(stdout: string): Map<string, Record<string, unknown>> {
  const entities = new Map<string, Record<string, unknown>>();
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{"blueprint"'))) {
    const { blueprint, ...entity } = JSON.parse(line) as Record<string, unknown>;
    entities.set(`${blueprint as string}.${entity['identifier'] as string}`, entity);
  }
  return entities;
}

/** `address <- dropped item (account region aws_identifier)` for every address conflict `map --json` reported. */
function mappedConflicts(stdout: string, items: readonly RawItem[]): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{"error":"address conflict: '))
    .map((line) => {
      const error = JSON.parse(line) as { error: string; item: number };
      const address = /^address conflict: (\S+) /.exec(error.error)![1]!;
      const dropped = items[error.item]!;
      return `${address} <- ${dropped.__AccountId} ${dropped.__Region} ${dropped.Identifier}`;
    })
    .sort();
}

describe('map and plan agree on the same items', () => {
  it('leave out the same regions and keep the same item of two that map to one address, whatever the order of the items', async () => {
    const estate = demoEstate();
    const world = await startWorld({ estate, configText: CONFIG });
    try {
      const plan = await world.run(['plan', '--json']);
      assert.equal(plan.code, 0, plan.stderr);
      const planned = JSON.parse(plan.stdout) as PlanJson;
      const plannedEntities = new Map(planned.resource_changes.map((change) => [change.address, change.after]));
      const plannedConflicts = planned.address_conflicts.map((c) => `${c.address} <- ${c.dropped.scope.account} ${c.dropped.scope.region} ${c.dropped.aws_identifier}`).sort();
      // the rules are at work: some items are left out by region, some addresses are made twice
      const items = rawItems(estate);
      assert.ok(plannedEntities.size + plannedConflicts.length < items.length, 'the region policy leaves items out of the plan');
      assert.ok(plannedConflicts.length > 0, 'the plan has address conflicts');

      for (const order of [items, [...items].reverse()]) {
        const map = await world.run(['map', '--json'], order.map((item) => JSON.stringify(item)).join('\n'));
        assert.equal(map.code, 1, 'an address conflict skips an item');
        assert.deepEqual(Object.fromEntries([...mappedEntities(map.stdout)].sort()), Object.fromEntries([...plannedEntities].sort()), 'the same entities');
        assert.deepEqual(mappedConflicts(map.stdout, order), plannedConflicts, 'the same item dropped for each address');
      }
    } finally {
      await world.close();
    }
  });
});
