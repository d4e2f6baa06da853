import type { Account } from '@aws-sdk/client-organizations';
import type { AccountAccess } from './aws-clients.js';
import { awsErrorName, describeAwsError } from './aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import { listOrganizationAccounts } from './list-organization-accounts.js';

/** The Organization's accounts as one role listed them, or why no role could. */
export type OrganizationThroughRoles = { accounts: Account[]; roleArn: string } | { problem: string };

/**
 * Answers that say this role may not list the Organization but the next one may: a denial (a member
 * account's role), an account in no organization, a role that cannot be assumed.
 */
const NEXT_ROLE_ERRORS = new Set(['AccessDeniedException', 'AccessDenied', 'AWSOrganizationsNotInUseException', 'AssumeRoleFailed']);

/** Failures named in the problem; the rest are counted. */
const NAMED_FAILURES = 3;

/**
 * Lists the Organization's accounts through the first of `accesses` (the `accountRoleArns` roles, in
 * the config's order) that may: a role whose answer is in NEXT_ROLE_ERRORS gives way to the next; any
 * other failure (throttling or server errors past retries) ends the search with that problem. When no
 * role may, the problem names what each answered.
 */
export async function organizationThroughRoles(accesses: readonly AccountAccess[], scheduler: CallScheduler, region: string): Promise<OrganizationThroughRoles> {
  const refusals: string[] = [];
  for (const access of accesses) {
    try {
      const accounts = await listOrganizationAccounts({ scheduler, account: access.accountId, region, credentials: access.credentials });
      return { accounts, roleArn: access.roleArn! };
    } catch (error) {
      const problem = `${access.roleArn}: ${describeAwsError(error)}`;
      if (!NEXT_ROLE_ERRORS.has(awsErrorName(error) ?? '')) return { problem: `cannot list the Organization's accounts through ${problem}` };
      refusals.push(problem);
    }
  }
  const named = refusals.slice(0, NAMED_FAILURES).join('; ');
  const more = refusals.length > NAMED_FAILURES ? ` (and ${refusals.length - NAMED_FAILURES} more roles)` : '';
  return {
    problem:
      refusals.length === 0
        ? 'no role of accountRoleArns could be assumed to list the Organization'
        : `no role of accountRoleArns may list the Organization's accounts (give one of them organizations:ListAccounts, e.g. the management account's): ${named}${more}`,
  };
}
