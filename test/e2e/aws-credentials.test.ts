import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../support/run-cli.js';
import { startWorld, type World } from '../support/world.js';

describe('AWS credentials that are missing or refused', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  it('names missing credentials, with what to set, as a user error; Port is not touched', async () => {
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...withoutKeys } = world.env;
    // No profile files either: HOME and the files the SDK would read point into the test's folder.
    const env = { ...withoutKeys, HOME: world.dir, AWS_CONFIG_FILE: join(world.dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(world.dir, 'none') };

    for (const command of [['plan'], ['apply', '--auto-approve']]) {
      const run = await runCli(command, { cwd: world.dir, env });

      assert.equal(run.code, 1, command[0]);
      assert.match(run.stderr, /^Error: No AWS credentials found\. \[AwsCredentialsMissing\]\n/, command[0]);
      assert.match(run.stderr, /AWS_PROFILE/, `${command[0]}: says what to set`);
      assert.doesNotMatch(run.stderr, /bug in aws2port/, command[0]);
    }
    assert.equal(world.port.writes.length, 0);
  });

  it('names credentials AWS refuses, with its error, as a user error', async () => {
    const run = await runCli(['plan'], { cwd: world.dir, env: { ...world.env, AWS_ACCESS_KEY_ID: 'AKIA999999999999TEST' } });

    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Error: AWS refused the credentials \(STS GetCallerIdentity in \S+\): InvalidClientTokenId: .*\[AwsRequestFailed\]\n/);
    assert.doesNotMatch(run.stderr, /bug in aws2port/);
  });
});
