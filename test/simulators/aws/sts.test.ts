import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { CloudControlClient, ListResourcesCommand, type CloudControlClientConfig } from '@aws-sdk/client-cloudcontrol';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { expectAwsError } from './expect-aws-error.js';
import { fixtureEstate, MANAGEMENT, MEMBER, MEMBER_EXTERNAL_ID, OTHER_MEMBER } from './fixture-estate.js';
import { startAwsSimulator, type AwsSimulator } from './index.js';

type Credentials = NonNullable<CloudControlClientConfig['credentials']>;

describe('AWS simulator: STS and assumed credentials', () => {
  let sim: AwsSimulator;
  const stsClient = (credentials: Credentials = sim.clientConfig().credentials) => new STSClient({ endpoint: sim.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const assume = (account: string, extra: { ExternalId?: string; DurationSeconds?: number } = {}) =>
    stsClient().send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/aws2portReadOnly`, RoleSessionName: 'aws2port', ...extra }));
  const bucketsWith = (credentials: Credentials) =>
    new CloudControlClient({ endpoint: sim.url, region: 'us-east-1', credentials, maxAttempts: 1 }).send(new ListResourcesCommand({ TypeName: 'AWS::S3::Bucket' }));

  before(async () => {
    sim = await startAwsSimulator({ estate: fixtureEstate() });
  });
  after(() => sim.close());

  it('tells the caller who it is', async () => {
    const me = await stsClient().send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, MANAGEMENT);
    assert.equal(me.Arn, `arn:aws:iam::${MANAGEMENT}:user/simulator`);
    assert.ok(me.UserId);
  });

  it('gives a child process an environment that the default credential chain and endpoint settings pick up', async () => {
    const script = "import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'; " +
      "const me = await new STSClient({}).send(new GetCallerIdentityCommand({})); console.log(me.Account);";
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      // The project root (this file runs from dist/test/simulators/aws), where the SDK resolves from.
      cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
      env: { PATH: process.env.PATH ?? '', ...sim.env(MEMBER) },
    });
    assert.equal(stdout.trim(), MEMBER);
  });

  it('hands out session credentials for the target account on AssumeRole', async () => {
    const before = Date.now();
    const out = await assume(OTHER_MEMBER, { DurationSeconds: 900 });
    assert.match(out.Credentials?.AccessKeyId ?? '', new RegExp(`^ASIA${OTHER_MEMBER}[A-Z][A-Z0-9]{3}$`));
    assert.ok(out.Credentials?.SecretAccessKey && out.Credentials.SessionToken);
    const lifetime = (out.Credentials?.Expiration?.getTime() ?? 0) - before;
    assert.ok(lifetime > 899_000 && lifetime < 901_000, `lifetime ${lifetime} ms`);
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${OTHER_MEMBER}:assumed-role/aws2portReadOnly/aws2port`);
  });

  it('serves the assumed account to clients using fromTemporaryCredentials', async () => {
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: `arn:aws:iam::${MEMBER}:role/aws2portReadOnly`, RoleSessionName: 'aws2port', ExternalId: MEMBER_EXTERNAL_ID },
      masterCredentials: sim.clientConfig(MANAGEMENT).credentials,
      clientConfig: { endpoint: sim.url, region: 'us-east-1' },
    });
    const page = await bucketsWith(credentials);
    assert.deepEqual(page.ResourceDescriptions?.map((d) => d.Identifier), ['member-bucket']);
    const me = await stsClient(credentials).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:sts::${MEMBER}:assumed-role/aws2portReadOnly/aws2port`);
  });

  it('refuses AssumeRole without the required ExternalId, into unknown accounts, and into denied ones', async () => {
    await expectAwsError(assume(MEMBER), 'AccessDenied', 403);
    await expectAwsError(assume(MEMBER, { ExternalId: 'wrong' }), 'AccessDenied', 403);
    await expectAwsError(assume('444444444444'), 'AccessDenied', 403);
    sim.faults.assumeRoleDenied = [OTHER_MEMBER];
    try {
      await expectAwsError(assume(OTHER_MEMBER), 'AccessDenied', 403);
    } finally {
      sim.faults.assumeRoleDenied = [];
    }
    await expectAwsError(
      stsClient().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::nope:role/x', RoleSessionName: 'aws2port' })),
      'ValidationError',
      400,
    );
  });

  it('refuses calls signed with credentials that expired', async () => {
    // Given credentials whose lifetime the fault cuts to 0.2 s
    sim.faults.credentialLifetimeSeconds = 0.2;
    let credentials;
    try {
      credentials = (await assume(OTHER_MEMBER)).Credentials;
    } finally {
      sim.faults.credentialLifetimeSeconds = null;
    }
    assert.ok(credentials?.AccessKeyId && credentials.SecretAccessKey && credentials.SessionToken && credentials.Expiration);
    assert.ok(credentials.Expiration.getTime() - Date.now() <= 200);
    const fixed = { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken };
    // When they are used after expiring
    await sleep(250);
    // Then each service answers its expired-token error
    await expectAwsError(bucketsWith(fixed), 'ExpiredTokenException', 400);
    await expectAwsError(stsClient(fixed).send(new GetCallerIdentityCommand({})), 'ExpiredToken', 400);
  });

  it('keeps fromTemporaryCredentials working across short lifetimes, because it assumes again', async () => {
    sim.faults.credentialLifetimeSeconds = 0.2;
    try {
      const credentials = fromTemporaryCredentials({
        params: { RoleArn: `arn:aws:iam::${OTHER_MEMBER}:role/aws2portReadOnly`, RoleSessionName: 'aws2port' },
        masterCredentials: sim.clientConfig(MANAGEMENT).credentials,
        clientConfig: { endpoint: sim.url, region: 'us-east-1' },
      });
      const assumedBefore = sim.calls.filter((c) => c.operation === 'AssumeRole').length;
      await bucketsWith(credentials);
      await sleep(250);
      await bucketsWith(credentials);
      assert.ok(sim.calls.filter((c) => c.operation === 'AssumeRole').length - assumedBefore >= 2);
    } finally {
      sim.faults.credentialLifetimeSeconds = null;
    }
  });

  it('refuses session tokens it never issued and keys of unknown accounts', async () => {
    const forged = { accessKeyId: `ASIA${OTHER_MEMBER}ABCD`, secretAccessKey: 'x', sessionToken: 'forged' };
    await expectAwsError(stsClient(forged).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    await expectAwsError(bucketsWith(forged), 'UnrecognizedClientException', 400);
    const stranger = { accessKeyId: 'AKIA999999999999TEST', secretAccessKey: 'x' };
    await expectAwsError(stsClient(stranger).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
  });
});
