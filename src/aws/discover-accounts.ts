import { ListAccountsCommand, type Account, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsSettings } from '../config/types.js';
import { assumeRoleCredentials, makeOrganizationsClient, makeStsClient, type AccountAccess } from './aws-clients.js';
import { awsErrorName, describeAwsError } from './aws-error.js';

/** An account that could not be reached, and why. Its scopes are skipped, never pruned. */
export interface UnreachableAccount {
  accountId: string;
  roleArn?: string;
  reason: string;
}

/** The accounts of this run. */
export interface AccountDiscovery {
  /** The account the default credentials belong to. */
  callerAccountId: string;
  /** `aws`, `aws-us-gov` or `aws-cn`, from the caller's ARN. */
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

/** The region where the Organizations and STS global endpoints live, per partition. */
export function homeRegionOf(partition: string): string {
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  if (partition === 'aws-cn') return 'cn-northwest-1';
  return 'us-east-1';
}

/**
 * Finds the accounts to read, at the start of every run (so new accounts are never missed): exactly
 * `accountRoleArns` when given; otherwise every ACTIVE account of the Organization (the caller's own
 * with its own credentials, the others through `accountReadRoleName`); the caller alone when
 * Organizations is not in use or denied.
 */
export async function discoverAccounts(settings: AwsSettings, stsRegion: string): Promise<AccountDiscovery> {
  const identity = await makeStsClient(stsRegion).send(new GetCallerIdentityCommand({}));
  const callerAccountId = identity.Account!;
  const partition = identity.Arn?.split(':')[1] || 'aws';
  const homeRegion = homeRegionOf(partition);
  const caller: AccountAccess = { accountId: callerAccountId };

  if (settings.accountRoleArns.length > 0) {
    const accounts = settings.accountRoleArns.map((roleArn) => memberAccess(accountIdOfArn(roleArn), roleArn, settings, homeRegion));
    return verifyAccess({ callerAccountId, partition, accounts, unreachable: [], isComplete: true, organizationAccounts: [] });
  }

  const orgCredentials = settings.organizationRoleArn ? assumeRoleCredentials(settings.organizationRoleArn, settings.externalId, homeRegion) : undefined;
  let listed: Account[];
  try {
    listed = await listOrganizationAccounts(makeOrganizationsClient(homeRegion, orgCredentials));
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
    .map((a) => (a.Id === callerAccountId ? caller : memberAccess(a.Id!, `arn:${partition}:iam::${a.Id}:role/${settings.accountReadRoleName}`, settings, homeRegion)));
  const managementAccountId = listed.map((a) => a.Arn?.split(':')[4]).find((id) => id);
  return verifyAccess({
    callerAccountId,
    partition,
    accounts,
    unreachable: [],
    isComplete: true,
    organizationAccounts: listed,
    ...(managementAccountId ? { managementAccountId } : {}),
  });
}

/** Every account of the Organization, following NextToken through empty pages. */
async function listOrganizationAccounts(client: OrganizationsClient): Promise<Account[]> {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListAccountsCommand({ NextToken: nextToken }));
    accounts.push(...(page.Accounts ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return accounts;
}

function memberAccess(accountId: string, roleArn: string, settings: AwsSettings, region: string): AccountAccess {
  return { accountId, roleArn, credentials: assumeRoleCredentials(roleArn, settings.externalId, region) };
}

/** Assumes each member's role once up front: a member that cannot be assumed is reported, not fatal. */
async function verifyAccess(discovery: AccountDiscovery): Promise<AccountDiscovery> {
  const checks = await Promise.all(
    discovery.accounts.map(async (access): Promise<UnreachableAccount | undefined> => {
      if (!access.credentials) return undefined;
      try {
        await access.credentials();
        return undefined;
      } catch (error) {
        return { accountId: access.accountId, roleArn: access.roleArn!, reason: `cannot assume ${access.roleArn}: ${describeAwsError(error)}` };
      }
    }),
  );
  const unreachable = checks.filter((c): c is UnreachableAccount => c !== undefined);
  const unreachableIds = new Set(unreachable.map((u) => u.accountId));
  return { ...discovery, accounts: discovery.accounts.filter((a) => !unreachableIds.has(a.accountId)), unreachable };
}

function accountIdOfArn(arn: string): string {
  return arn.split(':')[4] ?? arn;
}
