import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate } from '../simulators/aws/generate-estate.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

/** Crashes in all: the acceptance asks for at least 20. Half at a random time, half right after a Port write. */
const CRASHES = 24;
const APPLY = ['apply', '--auto-approve', '--parallelism', '1'];

/** A seeded generator in [0, 1): a failure must be reproducible. */
function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Instances only: they are listed with full properties, so plans are quick and the time goes to applies. */
const estate = () => generateEstate({ seed: 7, accounts: 2, regions: ['us-east-1', 'eu-west-1'], kinds: ['AWS::EC2::Instance'], resourcesPerScope: 40 });

function portAddresses(world: World): string[] {
  return ['awsAccount', 'cloudResource'].flatMap((bp) => world.port.entities(bp).map((e) => `${bp}.${e.identifier}`)).sort();
}

/** Changes the estate so the next apply has creates, updates (in several batches) and a delete. */
function changeEstate(world: World, round: number): void {
  const resources = world.aws.estate.resources;
  const victim = resources[round % resources.length]!;
  world.aws.removeResource(victim.type, victim.account, victim.identifier, victim.region);
  const name = `${victim.identifier}-r${round}`;
  world.aws.putResource({ ...victim, identifier: name, properties: { ...victim.properties, InstanceId: name } });
  for (let i = 0; i < 45; i++) {
    const retagged = resources[(round * 45 + i) % resources.length]!;
    retagged.properties = { ...retagged.properties, Tags: [{ Key: 'round', Value: String(round) }] };
  }
}

describe('an apply killed with SIGKILL at random moments', () => {
  it('always converges on the next apply: Port as planned, the state equal to Port, no duplicate creates', async () => {
    const world = await startWorld({ estate: estate(), configText: seedConfigWithRegions(), pageSize: 50 });
    try {
      // Slow Port down so that a round's apply spends most of its time writing.
      world.port.faults.latencyMs = 10;
      const first = await world.run(['apply', '--auto-approve']);
      assert.equal(first.code, 0, first.stderr);
      changeEstate(world, CRASHES);
      const started = Date.now();
      const typical = await world.run(APPLY);
      const roundMs = Date.now() - started;
      assert.equal(typical.code, 0, typical.stderr);

      const random = seededUniform(2026);
      let killedMidway = 0;
      for (let round = 0; round < CRASHES; round++) {
        changeEstate(world, round);
        // WHEN an apply is killed: at a random time of a round, or right after Port answered its 1st or 2nd write
        const writesBefore = world.port.writes.length;
        const afterWrites = 1 + Math.floor(random() * 2);
        const killed =
          round % 2 === 0
            ? await world.runKilledAfter(APPLY, Math.floor(random() * roundMs * 0.9))
            : await world.runKilledWhen(APPLY, () => world.port.writes.length >= writesBefore + afterWrites);
        if (killed.signal === 'SIGKILL') killedMidway++;

        // THEN the next apply converges, and the state tells the truth about Port
        const recovery = await world.run(['apply', '--auto-approve']);
        assert.equal(recovery.code, 0, `round ${round}: ${recovery.stderr}`);
        const again = await world.run(['plan', '--detailed-exitcode']);
        assert.equal(again.code, 0, `round ${round}: not converged:\n${again.stdout}`);
        const state = (await world.run(['state', 'list'])).stdout.trim().split('\n').sort();
        assert.deepEqual(state, portAddresses(world), `round ${round}: the state and Port disagree`);
      }
      assert.ok(killedMidway >= 20, `only ${killedMidway} of ${CRASHES} applies were killed before they ended`);

      const created = world.port.writes.flatMap((w) => (w.created ?? []).map((id) => `${w.blueprint}.${id}`));
      assert.equal(new Set(created).size, created.length, 'an entity was created twice');
      const planned = JSON.parse((await world.run(['plan', '--json'])).stdout) as PlanDocument;
      assert.equal(planned.resource_changes.length, 0);
    } finally {
      await world.close();
    }
  });
});
