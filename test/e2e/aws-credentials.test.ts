import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
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

  it('says that credentials expired and how to renew them, not that AWS is out of reach', async () => {
    // Given session credentials (from STS) that expired before the run
    world.aws.faults.credentialLifetimeSeconds = 0.2;
    let credentials;
    try {
      const sts = new STSClient(world.aws.clientConfig('111111111111'));
      credentials = (await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/aws2portReadOnly', RoleSessionName: 'expiring' }))).Credentials!;
    } finally {
      world.aws.faults.credentialLifetimeSeconds = null;
    }
    await sleep(250);
    const env = { ...world.env, AWS_ACCESS_KEY_ID: credentials.AccessKeyId!, AWS_SECRET_ACCESS_KEY: credentials.SecretAccessKey!, AWS_SESSION_TOKEN: credentials.SessionToken! };
    // When aws2port starts with them
    const run = await runCli(['plan'], { cwd: world.dir, env });
    // Then STS's ExpiredToken is named as such, with what to do
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Error: The AWS credentials have expired \(STS GetCallerIdentity in \S+\): ExpiredToken: .*\[AwsCredentialsExpired\]\n/);
    assert.match(run.stderr, /aws sso login/);
    assert.doesNotMatch(run.stderr, /Could not reach AWS/);
  });

  it('names an STS that keeps failing as AWS out of reach, with the attempts and the time they waited', async () => {
    world.aws.faults.serverErrorShare = 1;
    world.aws.faults.loadFaultServices = ['sts'];
    try {
      const run = await runCli(['plan'], { cwd: world.dir, env: world.env });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^Error: Could not reach AWS \(STS GetCallerIdentity in \S+\): .* \(after 5 attempts over \d+\.\d s\) \[AwsRequestFailed\]\n/);
    } finally {
      world.aws.faults.serverErrorShare = 0;
      world.aws.faults.loadFaultServices = [];
    }
  });
});
