import { AwsError } from './aws-error.js';
import { commonError } from './common-errors.js';
import type { EstateAccount, EstateOrganization } from './estate.js';
import { sortByKey } from './pager.js';
import { readFields } from './read-fields.js';
import type { JsonInput, ServiceCall } from './simulator-context.js';

const invalidInput = (message: string): AwsError => new AwsError('InvalidInputException', message, 400);

/** AWS Organizations (`AWSOrganizationsV20161128.*`, JSON 1.1): ListAccounts and DescribeOrganization. */
export function organizations(call: ServiceCall<JsonInput>): unknown {
  const organization = call.ctx.estate.organization;
  if (!organization) {
    throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  }
  switch (call.operation) {
    case 'ListAccounts':
      return listAccounts(call, organization);
    case 'DescribeOrganization':
      return describeOrganization(call, organization);
    default:
      throw commonError('unknownOperation', 'organizations');
  }
}

function listAccounts(call: ServiceCall<JsonInput>, organization: EstateOrganization): unknown {
  const { caller, ctx } = call;
  if (caller.account !== organization.managementAccountId) {
    throw new AwsError('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  }
  const fields = readFields(call.input, invalidInput);
  const maxResults = fields.integer('MaxResults', 1, 20);
  const shape = { ...ctx.organizationsPages, pageSize: Math.min(maxResults ?? Infinity, ctx.organizationsPages.pageSize) };
  const accounts = sortByKey([...ctx.estate.accounts], (a) => a.Id);
  const listing = `organizations\u0000ListAccounts\u0000${caller.account}`;
  const page = ctx.pager.page(accounts, (a) => a.Id, listing, fields.string('NextToken'), shape, invalidInput('The NextToken is not valid.'));
  return {
    Accounts: page.items.map((account) => wireAccount(account, organization)),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}

function describeOrganization(call: ServiceCall<JsonInput>, organization: EstateOrganization): unknown {
  const management = call.ctx.estate.accounts.find((a) => a.Id === organization.managementAccountId);
  return {
    Organization: {
      Id: organization.id,
      Arn: `arn:aws:organizations::${organization.managementAccountId}:organization/${organization.id}`,
      FeatureSet: 'ALL',
      MasterAccountArn: accountArn(organization, organization.managementAccountId),
      MasterAccountId: organization.managementAccountId,
      MasterAccountEmail: management?.Email ?? '',
      AvailablePolicyTypes: [],
    },
  };
}

/** An account as ListAccounts sends it: `JoinedTimestamp` as epoch seconds, `Status` only when the estate has one. */
function wireAccount(account: EstateAccount, organization: EstateOrganization): Record<string, unknown> {
  return {
    Id: account.Id,
    Arn: accountArn(organization, account.Id),
    Email: account.Email,
    Name: account.Name,
    ...(account.Status === undefined ? {} : { Status: account.Status }),
    State: account.State,
    JoinedMethod: account.JoinedMethod,
    JoinedTimestamp: account.JoinedTimestamp,
  };
}

function accountArn(organization: EstateOrganization, accountId: string): string {
  return `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${accountId}`;
}
