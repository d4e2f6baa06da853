import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate } from '../simulators/aws/generate-estate.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

/** Kill points per test: the acceptance asks for at least 20. */
const CRASHES = 22;
/** A seeded generator of kill times (no Math.random: a failure must be reproducible). */
function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const estate = () =>
  generateEstate({ seed: 7, accounts: 2, regions: ['us-east-1', 'eu-west-1'], kinds: ['AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::ECS::Cluster'], resourcesPerScope: 12 });

function portAddresses(world: World): string[] {
  return ['awsAccount', 'cloudResource'].flatMap((bp) => world.port.entities(bp).map((e) => `${bp}.${e.identifier}`)).sort();
}

describe('an apply killed with SIGKILL at random moments', () => {
  it('always converges on the next apply: Port as planned, the state equal to Port, no duplicate creates', async () => {
    const world = await startWorld({ estate: estate(), configText: seedConfigWithRegions(), pageSize: 50 });
    try {
      // Slow Port down so that kills land between writes, not only in start-up.
      world.port.faults.latencyMs = 15;
      const planned = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanDocument;
      const expected = planned.resource_changes.map((c) => c.address).sort();
      assert.ok(expected.length > 100);

      const started = Date.now();
      const timing = await world.runKilledAfter(['apply', '--auto-approve', '--parallelism', '2'], 60_000);
      const fullApplyMs = Date.now() - started;
      assert.equal(timing.code, 0, timing.stderr);

      const random = seededUniform(2026);
      let killedMidway = 0;
      for (let crash = 0; crash < CRASHES; crash++) {
        // GIVEN the estate changes a little, so each round has creates, updates and deletes to do
        const resources = world.aws.estate.resources;
        const victim = resources[crash % resources.length]!;
        world.aws.removeResource(victim.type, victim.account, victim.identifier, victim.region);
        world.aws.putResource({ ...victim, identifier: `${victim.identifier}-r${crash}`, properties: { ...victim.properties, BucketName: `${victim.identifier}-r${crash}`, ClusterName: `${victim.identifier}-r${crash}` } });
        const retagged = resources[(crash * 7 + 3) % resources.length]!;
        retagged.properties = { ...retagged.properties, Tags: [{ Key: 'round', Value: String(crash) }] };

        // WHEN an apply is killed at a random moment of its run
        const killed = await world.runKilledAfter(['apply', '--auto-approve', '--parallelism', '2'], Math.floor(random() * fullApplyMs));
        if (killed.signal === 'SIGKILL') killedMidway++;

        // THEN the next apply converges
        const recovery = await world.run(['apply', '--auto-approve']);
        assert.equal(recovery.code, 0, `round ${crash}: ${recovery.stderr}`);
        const again = await world.run(['plan', '--detailed-exitcode']);
        assert.equal(again.code, 0, `round ${crash}: not converged:\n${again.stdout}`);
        const state = (await world.run(['state', 'list'])).stdout.trim().split('\n').sort();
        assert.deepEqual(state, portAddresses(world), `round ${crash}: the state and Port disagree`);
      }
      assert.ok(killedMidway >= 20, `only ${killedMidway} of ${CRASHES} runs were killed before they ended`);

      const created = world.port.writes.flatMap((w) => (w.created ?? []).map((id) => `${w.blueprint}.${id}`));
      assert.equal(new Set(created).size, created.length, 'an entity was created twice');
      const removedThenAdded = portAddresses(world);
      assert.equal(removedThenAdded.length, expected.length, 'Port holds as many entities as planned');
    } finally {
      await world.close();
    }
  });
});
