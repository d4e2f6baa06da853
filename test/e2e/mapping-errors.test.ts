import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { seedConfigWithRegions, startWorld } from '../support/world.js';

/** The seed mapping, with the instances' region read the way the buckets' is: instances have no RegionalDomainName, so capture fails. */
const CONFIG = seedConfigWithRegions().replace(
  /(- kind: AWS::EC2::Instance[\s\S]*?)region: \.__Region/,
  '$1region: .Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
);

describe('a jq runtime error in a mapped property', () => {
  it('nulls the field, counts it and shows it, by default', async () => {
    const world = await startWorld({ configText: CONFIG });
    try {
      const run = await world.run(['plan', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const plan = JSON.parse(run.stdout) as PlanDocument;
      const issue = plan.mapping_issues.find((i) => i.kind === 'AWS::EC2::Instance');
      assert.ok(issue);
      assert.deepEqual([issue.field, issue.item_skipped, issue.count], ['properties.region', false, 12]);
      assert.match(issue.path, /^resources\[2\]\.port\.entity\.mappings\.properties\.region$/);
      const instances = plan.resource_changes.filter((c) => c.scope.kind === 'AWS::EC2::Instance');
      assert.equal(instances.length, 12);
      assert.ok(instances.every((c) => c.after?.properties.region === null));
      const text = await world.run(['plan']);
      assert.match(text.stdout, /Mapping issues:\n {2}! AWS::EC2::Instance resources\[2\]\.port\.entity\.mappings\.properties\.region \(line \d+\): 12 set to null/);
    } finally {
      await world.close();
    }
  });

  it('skips the item with --strict, and marks its scopes incomplete so apply deletes nothing of them', async () => {
    const world = await startWorld();
    try {
      const first = await world.run(['apply', '--auto-approve']);
      assertExitedZero(first.code, first.stderr);
      // WHEN the mapping breaks for instances and aws2port runs strict
      const writes = world.port.writes.length;
      writeFileSync(world.configFile, CONFIG);
      const run = await world.run(['apply', '--auto-approve', '--strict', '--json']);
      assertExitedZero(run.code, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), { type: 'apply_complete', added: 0, changed: 0, destroyed: 0, failed: 0 });
      assert.equal(world.port.writes.length, writes, 'no instance was deleted or nulled');
      const plan = JSON.parse((await world.run(['plan', '--json', '--strict'])).stdout) as PlanDocument;
      assert.equal(plan.complete, false);
      assert.deepEqual([...new Set(plan.skipped_scopes.map((s) => s.kind))], ['AWS::EC2::Instance']);
    } finally {
      await world.close();
    }
  });
});

function assertExitedZero(code: number, stderr: string): void {
  assert.equal(code, 0, stderr);
}
