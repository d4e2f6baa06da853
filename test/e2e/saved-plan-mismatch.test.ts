import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES_DIR, SEED_CONFIG_TEXT, startWorld } from '../support/world.js';

describe('a saved plan applied under other conditions', () => {
  it('is refused when the config changed since it was made, and when it was made from another state', async () => {
    const world = await startWorld();
    try {
      const saved = await world.run(['plan', '--out', 'p.plan']);
      assert.equal(saved.code, 0, saved.stderr);
      copyFileSync(world.configFile, join(world.dir, 'original.yml'));
      appendFileSync(world.configFile, '\nentityDeletionThreshold: 0.5\n');
      const otherConfig = await world.run(['apply', 'p.plan']);
      assert.equal(otherConfig.code, 1);
      assert.match(otherConfig.stderr, /Saved plan is stale: it was made with a different config\. Run plan again\. \[PlanStale\]/);

      const otherState = await world.run(['apply', 'p.plan', '--config', join(world.dir, 'original.yml'), '--state', join(world.dir, 'other-state.db')]);
      assert.equal(otherState.code, 1);
      assert.match(otherState.stderr, /Saved plan is stale: it was made from a different state \(lineage .*\[PlanStale\]/);
      assert.equal(world.port.writes.length, 0);
    } finally {
      await world.close();
    }
  });

  it('is refused when the blueprints file the config names changed since it was made', async () => {
    const blueprintsFile = join(EXAMPLES_DIR, 'blueprints.json');
    const world = await startWorld({ configText: `blueprints: ./blueprints.json\naws:\n  regions: [us-east-1]\n${SEED_CONFIG_TEXT}`, portBlueprints: [] });
    try {
      copyFileSync(blueprintsFile, join(world.dir, 'blueprints.json'));
      const saved = await world.run(['plan', '--out', 'p.plan']);
      assert.equal(saved.code, 0, saved.stderr);
      appendFileSync(join(world.dir, 'blueprints.json'), '\n');
      const run = await world.run(['apply', 'p.plan']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /Saved plan is stale: it was made with a different config\. Run plan again\./);
      assert.equal(world.port.writes.length, 0);
    } finally {
      await world.close();
    }
  });

  it('streams one JSON line per entity with apply --json, then apply_complete', async () => {
    const world = await startWorld();
    try {
      const run = await world.run(['apply', '--auto-approve', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; outcome?: string });
      assert.equal(lines.filter((l) => l.type === 'apply_progress' && l.outcome === 'created').length, 32);
      assert.deepEqual(lines.at(-1), { type: 'apply_complete', added: 32, changed: 0, destroyed: 0, failed: 0 });
    } finally {
      await world.close();
    }
  });
});
