import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/run-cli.js';
import { startWorld } from '../support/world.js';

describe('secrets (invariant 7)', () => {
  it('never appear in output, logs, errors, plan files or the state, even with --debug', async () => {
    const world = await startWorld();
    try {
      const secrets = [world.env.PORT_CLIENT_SECRET!, world.env.AWS_SECRET_ACCESS_KEY!];
      assert.ok(secrets.every((s) => s.length >= 16));
      world.port.faults.failEntities.set('acme-shared-logs', { statusCode: 422, error: 'schema_mismatch', message: 'refused' });
      const runs = [
        await world.run(['plan', '--out', 'saved.plan', '--debug']),
        await world.run(['plan', '--json', '--debug']),
        await world.run(['apply', 'saved.plan', '--debug', '--json']),
        await world.run(['refresh', '--debug']),
        await world.run(['state', 'show', 'cloudResource.acme-shared-assets']),
        // a refused Port credential, with stack traces on
        await runCli(['apply', '--auto-approve', '--debug'], { cwd: world.dir, env: { ...world.env, PORT_CLIENT_SECRET: `${world.env.PORT_CLIENT_SECRET}-wrong` } }),
      ];
      assert.equal(runs[5]!.code, 1);
      assert.match(runs[5]!.stderr, /PortAuthFailed/);
      const texts = runs.flatMap((r) => [r.stdout, r.stderr]);
      for (const file of readdirSync(world.dir)) texts.push(readFileSync(join(world.dir, file)).toString('latin1'));
      for (const secret of [...secrets, `${world.env.PORT_CLIENT_SECRET}-wrong`]) {
        assert.ok(!texts.some((text) => text.includes(secret)), 'a secret was written somewhere');
      }
    } finally {
      await world.close();
    }
  });
});
