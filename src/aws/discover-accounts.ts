import type { Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsSettings } from '../config/index.js';
import { assumeRoleCredentials } from './assume-role-credentials.js';
import { makeStsClient, type AccountAccess } from './aws-clients.js';
import { awsErrorName, describeAwsError } from './aws-error.js';
import { CallScheduler } from './call-scheduler.js';
import { callerIdentityError } from './caller-identity-error.js';
import { listOrganizationAccounts } from './list-organization-accounts.js';
import { organizationThroughRoles } from './organization-through-roles.js';
import { accountIdOfArn, homeRegionOf, partitionOfArn } from './partition.js';

/** An account that could not be reached, and why. Its scopes are skipped, never pruned. */
export interface UnreachableAccount {
  accountId: string;
  /** The role that could not be assumed. */
  roleArn?: string;
  /** `cannot assume arn:...: AccessDenied: ...`. */
  reason: string;
}

/** The accounts of this run. */
export interface AccountDiscovery {
  /** The account the default credentials belong to. */
  callerAccountId: string;
  /**
   * `aws`, `aws-us-gov` or `aws-cn`: from `organizationRoleArn`, else the first of `accountRoleArns`,
   * else the caller's own ARN. Member role ARNs are built in it.
   */
  partition: string;
  /** Accounts to read, each with its credentials. */
  accounts: AccountAccess[];
  unreachable: UnreachableAccount[];
  /**
   * True when the list is the whole truth: explicit `accountRoleArns`, a complete Organizations
   * listing, or an account that is in no organization. False when Organizations was denied: other
   * accounts may exist, so nothing they own may be deleted.
   */
  isComplete: boolean;
  /** The Organizations accounts as listed (empty without Organizations); the items of `AWS::Organizations::Account`. */
  organizationAccounts: Account[];
  /** Why the Organizations listing was not used, when it was not. */
  organizationProblem?: string;
  /** The Organizations management account (from the accounts' ARNs), when listed. */
  managementAccountId?: string;
}

/** How far discovery has come: Organizations accounts listed so far, then member roles assumed of how many. */
export type DiscoveryProgress = { phase: 'listing'; listed: number } | { phase: 'assuming'; assumed: number; total: number };

/** Where discovery's calls go. */
export interface DiscoverOptions {
  /** Every call (STS, Organizations, AssumeRole now and at each refresh) goes through it; default: a scheduler of its own. */
  scheduler?: CallScheduler;
  /**
   * False: members' roles are not assumed up front (`unreachable` stays empty; a role is assumed when
   * its credentials are first asked for). For `doctor`, which tries only a sample. Default true.
   */
  isAccessVerified?: boolean;
  /** Called after each page of accounts listed and each member role assumed (or refused). */
  onProgress?: (progress: DiscoveryProgress) => void;
  /**
   * True when the run reads `AWS::Organizations::Account`: with `accountRoleArns`, the Organization is
   * then listed too, through the first of those roles that may (organizationThroughRoles). Default false.
   */
  isOrganizationRead?: boolean;
}

/** Calls in flight at once when discovery runs without a scheduler of the caller's. */
const OWN_SCHEDULER_PARALLELISM = 10;

export { homeRegionOf } from './partition.js';

/**
 * Finds the accounts to read, at the start of every run (so new accounts are never missed): exactly
 * `accountRoleArns` when given (and, when `isOrganizationRead`, those of them the Organization lists,
 * as listed through the first role that may); otherwise every ACTIVE account of the Organization (listed with
 * `organizationRoleArn` when given; the caller's own account with its own credentials, the others
 * through `accountReadRoleName`); the caller alone when Organizations is not in use or denied.
 * Every AssumeRole carries `externalId` when set. Each member's role is assumed once up front: a
 * member whose role cannot be assumed is reported in `unreachable`, never fatal.
 */
export async function discoverAccounts(settings: AwsSettings, stsRegion: string, options: DiscoverOptions = {}): Promise<AccountDiscovery> {
  const scheduler = options.scheduler ?? new CallScheduler({ parallelism: OWN_SCHEDULER_PARALLELISM });
  const identity = await scheduler
    .call({ account: 'caller', region: stsRegion, service: 'sts' }, () => makeStsClient(stsRegion, 'scheduler').send(new GetCallerIdentityCommand({})))
    .catch((error: unknown) => {
      throw callerIdentityError(error, stsRegion);
    });
  const callerAccountId = identity.Account!;
  const roleArnForPartition = settings.organizationRoleArn ?? settings.accountRoleArns[0] ?? identity.Arn;
  const partition = (roleArnForPartition && partitionOfArn(roleArnForPartition)) || 'aws';
  const stsClients = new Map<string, STSClient>();
  const assume = (roleArn: string) => {
    const region = homeRegionOf(partitionOfArn(roleArn) ?? partition);
    if (!stsClients.has(region)) stsClients.set(region, makeStsClient(region, 'scheduler'));
    return assumeRoleCredentials(roleArn, settings.externalId, region, { scheduler, callerAccount: callerAccountId, sts: stsClients.get(region)! });
  };
  const caller: AccountAccess = { accountId: callerAccountId };
  const verifyAccess: typeof verifyEveryAccess = options.isAccessVerified === false ? async (discovery) => discovery : verifyEveryAccess;

  const homeRegion = homeRegionOf(partition);
  if (settings.accountRoleArns.length > 0) {
    const accounts = settings.accountRoleArns.map((roleArn) => ({ accountId: accountIdOfArn(roleArn), roleArn, credentials: assume(roleArn) }));
    const discovery = await verifyAccess(
      { callerAccountId, partition, accounts, unreachable: [], isComplete: true, organizationAccounts: [], organizationProblem: 'accountRoleArns names the accounts: Organizations is not read' },
      options.onProgress,
    );
    if (!options.isOrganizationRead) return discovery;
    const organization = await organizationThroughRoles(discovery.accounts, scheduler, homeRegion);
    if ('problem' in organization) return { ...discovery, organizationProblem: organization.problem };
    const named = new Set(accounts.map((a) => a.accountId));
    const { organizationProblem: _notRead, ...listedDiscovery } = discovery;
    const managementAccountId = managementAccountOf(organization.accounts);
    return { ...listedDiscovery, organizationAccounts: organization.accounts.filter((a) => a.Id && named.has(a.Id)), ...(managementAccountId ? { managementAccountId } : {}) };
  }

  const orgCredentials = settings.organizationRoleArn ? assume(settings.organizationRoleArn) : undefined;
  let listed: Account[];
  try {
    listed = await listOrganizationAccounts({
      scheduler,
      account: settings.organizationRoleArn ? accountIdOfArn(settings.organizationRoleArn) : callerAccountId,
      region: homeRegion,
      credentials: orgCredentials,
      onPage: (listedSoFar) => options.onProgress?.({ phase: 'listing', listed: listedSoFar }),
    });
  } catch (error) {
    const isStandalone = awsErrorName(error) === 'AWSOrganizationsNotInUseException';
    return {
      callerAccountId,
      partition,
      accounts: [caller],
      unreachable: [],
      isComplete: isStandalone,
      organizationAccounts: [],
      organizationProblem: describeAwsError(error),
    };
  }
  const accounts = listed
    .filter((a) => (a.State ?? a.Status) === 'ACTIVE' && a.Id)
    .map((a): AccountAccess => {
      if (a.Id === callerAccountId) return caller;
      const roleArn = `arn:${partition}:iam::${a.Id}:role/${settings.accountReadRoleName}`;
      return { accountId: a.Id!, roleArn, credentials: assume(roleArn) };
    });
  const managementAccountId = managementAccountOf(listed);
  return verifyAccess(
    {
      callerAccountId,
      partition,
      accounts,
      unreachable: [],
      isComplete: true,
      organizationAccounts: listed,
      ...(managementAccountId ? { managementAccountId } : {}),
    },
    options.onProgress,
  );
}

/** The Organizations management account, from the listed accounts' ARNs. */
function managementAccountOf(listed: readonly Account[]): string | undefined {
  return listed.map((a) => (a.Arn ? accountIdOfArn(a.Arn) : undefined)).find((id) => id);
}

/** Assumes each member's role once, concurrently: a member that cannot be assumed is reported, not fatal. */
async function verifyEveryAccess(discovery: AccountDiscovery, onProgress: DiscoverOptions['onProgress']): Promise<AccountDiscovery> {
  const total = discovery.accounts.filter((access) => access.credentials).length;
  let assumed = 0;
  const counted = () => onProgress?.({ phase: 'assuming', assumed: ++assumed, total });
  const checks = await Promise.all(
    discovery.accounts.map(async (access): Promise<UnreachableAccount | undefined> => {
      if (!access.credentials) return undefined;
      try {
        await access.credentials();
        return undefined;
      } catch (error) {
        return { accountId: access.accountId, roleArn: access.roleArn!, reason: error instanceof Error ? error.message : String(error) };
      } finally {
        counted();
      }
    }),
  );
  const unreachable = checks.filter((c): c is UnreachableAccount => c !== undefined);
  const unreachableIds = new Set(unreachable.map((u) => u.accountId));
  return { ...discovery, accounts: discovery.accounts.filter((a) => !unreachableIds.has(a.accountId)), unreachable };
}
