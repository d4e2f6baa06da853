import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { generateEstate, type Estate } from '../simulators/aws/index.js';
import { SEED_CONFIG_TEXT, startWorld, type World } from '../support/world.js';

const ORG = 'AWS::Organizations::Account';
const ROLE_NAME = 'aws2portReadOnly';

/** The seed's config, reading exactly the accounts of these roles in one region. */
function configWithRoles(accounts: readonly string[], region: string): string {
  const roles = accounts.map((id) => `arn:aws:iam::${id}:role/${ROLE_NAME}`).join(', ');
  return `aws:\n  regions: [${region}]\n  accountRoleArns: [${roles}]\n${SEED_CONFIG_TEXT}`;
}

/** Planned Organizations accounts, as `action identifier`. */
const plannedAccounts = (plan: PlanDocument) => plan.resource_changes.filter((c) => c.scope.kind === ORG).map((c) => `${c.action} ${c.identifier}`).sort();

describe('AWS::Organizations::Account with accountRoleArns', () => {
  let world: World;
  let estate: Estate;
  let management: string;
  let members: string[];

  before(async () => {
    // Given an Organization of four accounts, whose management account alone may list it
    estate = generateEstate({ seed: 21, accounts: 4, regions: 1, kinds: ['AWS::S3::Bucket'], resourcesPerScope: 1 });
    management = estate.organization!.managementAccountId;
    members = estate.accounts.map((a) => a.Id).filter((id) => id !== management);
    world = await startWorld({ estate });
  });
  after(() => world.close());

  async function planWith(accounts: readonly string[]): Promise<{ plan: PlanDocument; stderr: string }> {
    writeFileSync(world.configFile, configWithRoles(accounts, estate.regions[0]!));
    const run = await world.run(['plan', '--json']);
    assert.equal(run.code, 0, run.stderr);
    return { plan: JSON.parse(run.stdout) as PlanDocument, stderr: run.stderr };
  }

  it('lists the Organization through the first role that may, and plans the accounts the roles name', async () => {
    // When the roles are a member's (denied by Organizations), the management account's, another member's
    const callsBefore = world.aws.calls.length;
    const { plan } = await planWith([members[0]!, management, members[1]!]);

    // Then the accounts named are planned (not the third member), nothing is skipped
    assert.deepEqual(plannedAccounts(plan), [members[0]!, management, members[1]!].map((id) => `create ${id}`).sort());
    assert.deepEqual(plan.skipped_scopes, []);
    // And Organizations was asked by the first member (refused), then by the management account, and by no one else
    const listings = world.aws.calls.slice(callsBefore).filter((c) => c.operation === 'ListAccounts');
    assert.deepEqual(
      listings.map((c) => `${c.account} ${c.errorCode ?? c.status}`),
      [`${members[0]} AccessDeniedException`, `${management} 200`],
    );
  });

  it('skips the Organizations scope, saying why, when no role may list the Organization', async () => {
    // When every role is a member's
    const { plan } = await planWith([members[0]!, members[1]!]);

    // Then no account is planned, and the scope is skipped with each role's refusal
    assert.deepEqual(plannedAccounts(plan), []);
    const skipped = plan.skipped_scopes.filter((s) => s.kind === ORG);
    assert.equal(skipped.length, 1);
    for (const member of [members[0]!, members[1]!]) assert.ok(skipped[0]!.error.includes(`arn:aws:iam::${member}:role/${ROLE_NAME}: AccessDeniedException`), skipped[0]!.error);
  });

  it('skips it as well when the accounts are in no Organization', async () => {
    // When Organizations is not in use
    const organization = world.aws.estate.organization;
    world.aws.estate.organization = null;
    try {
      const { plan } = await planWith([management]);
      // Then the scope is skipped with AWS's answer, and the account's other kinds are still read
      const skipped = plan.skipped_scopes.filter((s) => s.kind === ORG);
      assert.equal(skipped.length, 1);
      assert.ok(skipped[0]!.error.includes('AWSOrganizationsNotInUseException'), skipped[0]!.error);
      assert.ok(plan.resource_changes.some((c) => c.scope.kind === 'AWS::S3::Bucket' && c.scope.account === management));
    } finally {
      world.aws.estate.organization = organization;
    }
  });
});
