import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { expectAwsError } from './expect-aws-error.js';
import { fixtureEstate, MANAGEMENT, MEMBER, OTHER_MEMBER } from './fixture-estate.js';
import { startAwsSimulator, type AwsSimulator } from './index.js';

describe('AWS simulator: Organizations', () => {
  let sim: AwsSimulator;
  const client = (account = MANAGEMENT) => new OrganizationsClient({ ...sim.clientConfig(account, 'us-east-1'), maxAttempts: 1 });

  before(async () => {
    // Page size 1 and every second page empty: three accounts take five pages
    sim = await startAwsSimulator({ estate: fixtureEstate(), organizationsPageSize: 1, emptyPageEvery: 2 });
  });
  after(() => sim.close());

  it('pages the accounts, empty pages included, with JoinedTimestamp arriving as a Date', async () => {
    const accounts: Account[] = [];
    const sizes: number[] = [];
    for await (const page of paginateListAccounts({ client: client() }, { MaxResults: 20 })) {
      sizes.push(page.Accounts?.length ?? 0);
      accounts.push(...(page.Accounts ?? []));
    }
    assert.deepEqual(sizes, [1, 0, 1, 0, 1]);
    assert.deepEqual(accounts.map((a) => a.Id), [MANAGEMENT, MEMBER, OTHER_MEMBER]);
    const [management, member] = accounts;
    assert.ok(management?.JoinedTimestamp instanceof Date);
    assert.equal(management.JoinedTimestamp.getTime(), 1700000000123);
    assert.equal(management.Arn, `arn:aws:organizations::${MANAGEMENT}:account/o-abcdefghij/${MANAGEMENT}`);
    assert.equal(management.Status, 'ACTIVE');
    // Status was retired: sent only when the estate has it
    assert.equal(member?.Status, undefined);
    assert.equal(member?.State, 'ACTIVE');
    assert.equal(accounts[2]?.State, 'SUSPENDED');
  });

  it('describes the organization to any member', async () => {
    const out = await client(MEMBER).send(new DescribeOrganizationCommand({}));
    assert.deepEqual(out.Organization, {
      Id: 'o-abcdefghij',
      Arn: `arn:aws:organizations::${MANAGEMENT}:organization/o-abcdefghij`,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${MANAGEMENT}:account/o-abcdefghij/${MANAGEMENT}`,
      MasterAccountId: MANAGEMENT,
      MasterAccountEmail: 'root@example.com',
      AvailablePolicyTypes: [],
    });
  });

  it('denies ListAccounts to accounts other than the management account', async () => {
    await expectAwsError(client(MEMBER).send(new ListAccountsCommand({})), 'AccessDeniedException', 400);
  });

  it('rejects MaxResults out of 1..20 and tokens it did not issue', async () => {
    await expectAwsError(client().send(new ListAccountsCommand({ MaxResults: 21 })), 'InvalidInputException', 400);
    await expectAwsError(client().send(new ListAccountsCommand({ NextToken: 'forged' })), 'InvalidInputException', 400);
  });

  it('answers AWSOrganizationsNotInUseException when the estate has no organization', async () => {
    const alone = await startAwsSimulator({ estate: { ...fixtureEstate(), organization: null } });
    try {
      const standalone = new OrganizationsClient({ ...alone.clientConfig(MANAGEMENT, 'us-east-1'), maxAttempts: 1 });
      await expectAwsError(standalone.send(new ListAccountsCommand({})), 'AWSOrganizationsNotInUseException', 400);
      await expectAwsError(standalone.send(new DescribeOrganizationCommand({})), 'AWSOrganizationsNotInUseException', 400);
    } finally {
      await alone.close();
    }
  });
});
