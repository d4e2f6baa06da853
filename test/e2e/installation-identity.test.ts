import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aws2portVersion } from '../../src/model/index.js';
import { seedConfigWithRegions, startWorld } from '../support/world.js';

describe('the installation named in every write', () => {
  it('is recorded by Port as each entity\'s $datasource: aws2port/{version}/{installationId}, with the shard under --shard', async () => {
    const world = await startWorld({ configText: `installationId: prod-estate\n${seedConfigWithRegions()}` });
    try {
      const whole = await world.run(['apply', '--auto-approve']);
      assert.equal(whole.code, 0, whole.stderr);
      const written = world.port.entities('cloudResource');
      assert.ok(written.length > 0);
      assert.deepEqual(new Set(written.map((e) => e.$datasource)), new Set([`aws2port/${aws2portVersion()}/prod-estate`]));

    } finally {
      await world.close();
    }
    // A shard is a writer of its own: it writes its entities into a Port that holds none of the installation's.
    const shardWorld = await startWorld({ configText: `installationId: prod-estate\n${seedConfigWithRegions()}` });
    try {
      const sharded = await shardWorld.run(['apply', '--auto-approve', '--shard', '1/1']);
      assert.equal(sharded.code, 0, sharded.stderr);
      assert.deepEqual(new Set(shardWorld.port.entities('cloudResource').map((e) => e.$datasource)), new Set([`aws2port/${aws2portVersion()}/prod-estate/1`]));
    } finally {
      await shardWorld.close();
    }
  });

  it('refuses a state of another installation or shard, and lets the installation adopt a state that names none', async () => {
    const world = await startWorld();
    try {
      const unnamed = await world.run(['apply', '--auto-approve']);
      assert.equal(unnamed.code, 0, unnamed.stderr);
      // as a state made before installations were named: it records none
      const state = new Database(join(world.dir, 'state.db'));
      state.prepare("DELETE FROM meta WHERE key = 'installation'").run();
      state.close();
      writeFileSync(world.configFile, `installationId: prod-estate\n${seedConfigWithRegions()}`);
      const adopted = await world.run(['apply', '--auto-approve', '--shard', '1/1']);
      assert.equal(adopted.code, 0, adopted.stderr);

      const writesBefore = world.port.writes.length;
      const otherShard = await world.run(['apply', '--auto-approve']);
      assert.equal(otherShard.code, 1);
      assert.match(otherShard.stderr, /StateOfAnotherInstallation/);
      writeFileSync(world.configFile, `installationId: staging-estate\n${seedConfigWithRegions()}`);
      const otherInstallation = await world.run(['plan', '--shard', '1/1']);
      assert.equal(otherInstallation.code, 1);
      assert.match(otherInstallation.stderr, /StateOfAnotherInstallation/);
      assert.equal(world.port.writes.length, writesBefore, 'nothing written under the wrong installation');
    } finally {
      await world.close();
    }
  });
});
