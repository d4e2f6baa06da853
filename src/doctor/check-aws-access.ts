import { BOOTSTRAP_REGION, discoverAccounts, environmentRegion, type AccountAccess, type AccountDiscovery, type CallScheduler } from '../aws/index.js';
import type { AwsSettings } from '../config/index.js';
import { isAws2PortError } from '../errors/index.js';
import { SAMPLE_ACCOUNTS } from './constants.js';
import { failed, passed, warned, type DoctorCheck } from './doctor-check.js';

/** What the AWS access checks found: their lines, and the accounts that can be read. */
export interface AwsAccessResult {
  checks: DoctorCheck[];
  /** Undefined when the AWS credentials do not work (nothing else of AWS can be checked). */
  discovery?: AccountDiscovery;
  /** The caller's own account (when it is read) and every sampled member whose role was assumed. */
  readable: AccountAccess[];
}

/** How the AWS access checks run. */
export interface AwsAccessOptions {
  scheduler: CallScheduler;
  /** Assume the read role in every member account, not a sample. */
  isAllAccounts: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Checks, as a run would meet them: the AWS credentials (STS GetCallerIdentity), the Organizations
 * listing, and the read role of each member account (a sample of SAMPLE_ACCOUNTS, by account id,
 * unless `isAllAccounts`). Discovery is the run's own (discoverAccounts); roles are assumed here.
 */
export async function checkAwsAccess(settings: AwsSettings, options: AwsAccessOptions): Promise<AwsAccessResult> {
  const region = settings.regions[0] ?? environmentRegion(options.env) ?? BOOTSTRAP_REGION;
  let discovery: AccountDiscovery;
  try {
    discovery = await discoverAccounts(settings, region, { scheduler: options.scheduler, isAccessVerified: false });
  } catch (error) {
    if (!isAws2PortError(error)) throw error;
    return { checks: [failed('aws-credentials', 'AWS credentials', null, error.message, error.detail ?? 'Check the AWS credentials with `aws sts get-caller-identity`.')], readable: [] };
  }
  const checks = [passed('aws-credentials', 'AWS credentials', null, `STS GetCallerIdentity answered: account ${discovery.callerAccountId}`), organizationsCheck(settings, discovery)];
  const members = discovery.accounts.filter((a) => a.credentials).sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  const sample = options.isAllAccounts ? members : members.slice(0, SAMPLE_ACCOUNTS);
  const outcomes = await Promise.all(sample.map((access) => checkReadRole(access, settings, discovery.callerAccountId)));
  checks.push(...outcomes);
  if (sample.length < members.length) {
    checks.push(passed('read-role', 'read roles', null, `checked ${sample.length} of ${members.length} member accounts (the first by id); --all-accounts checks every one`));
  }
  const caller = discovery.accounts.filter((a) => !a.credentials);
  const assumed = sample.filter((_, i) => outcomes[i]!.status === 'pass');
  return { checks, discovery, readable: [...caller, ...assumed] };
}

function organizationsCheck(settings: AwsSettings, discovery: AccountDiscovery): DoctorCheck {
  const name = 'Organizations';
  if (settings.accountRoleArns.length > 0) return passed('organizations', name, null, `not read: aws.accountRoleArns names ${settings.accountRoleArns.length} accounts`);
  if (discovery.organizationProblem === undefined) {
    const listed = discovery.organizationAccounts;
    const active = listed.filter((a) => (a.State ?? a.Status) === 'ACTIVE').length;
    return passed('organizations', name, null, `ListAccounts listed ${listed.length} accounts (${active} active)${settings.organizationRoleArn ? ` through ${settings.organizationRoleArn}` : ''}`);
  }
  if (discovery.isComplete) {
    return warned(
      'organizations',
      name,
      null,
      `account ${discovery.callerAccountId} is in no organization (${discovery.organizationProblem}): only it is read`,
      'Nothing to do for a single account. To read an Organization, run with credentials of its management account (or a delegated administrator), or set aws.organizationRoleArn.',
    );
  }
  return failed(
    'organizations',
    name,
    null,
    `cannot list the Organization's accounts: ${discovery.organizationProblem}; only account ${discovery.callerAccountId} would be read`,
    'Allow organizations:ListAccounts to these credentials (the management account or a delegated administrator), or set aws.organizationRoleArn to a role that may, or name the accounts in aws.accountRoleArns.',
  );
}

async function checkReadRole(access: AccountAccess, settings: AwsSettings, callerAccountId: string): Promise<DoctorCheck> {
  const name = `read role in ${access.accountId}`;
  try {
    await access.credentials!();
    return passed('read-role', name, access.accountId, `assumed ${access.roleArn}`);
  } catch (error) {
    const roleName = access.roleArn?.split('/').pop() ?? settings.accountReadRoleName;
    return failed(
      'read-role',
      name,
      access.accountId,
      error instanceof Error ? error.message : String(error),
      `Create role ${roleName} in account ${access.accountId}, trusting account ${callerAccountId} to assume it${settings.externalId ? ' with the external id of aws.externalId' : ''}, ` +
        `with read permissions (e.g. the ReadOnlyAccess managed policy); or set aws.accountReadRoleName to the role that account has.`,
    );
  }
}
