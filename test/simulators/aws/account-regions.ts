import { AwsError } from './aws-error.js';
import { commonError } from './common-errors.js';
import type { Estate, RegionOptStatus } from './estate.js';
import { sortByKey } from './pager.js';
import { readFields } from './read-fields.js';
import type { JsonInput, ServiceCall } from './simulator-context.js';

interface RegionOpt {
  RegionName: string;
  RegionOptStatus: RegionOptStatus;
}

const DEFAULT_PAGE_SIZE = 20;

const validation = (message: string): AwsError => new AwsError('ValidationException', message, 400);

/** AWS Account (REST-JSON, `POST /listRegions`): ListRegions over the estate's regions. */
export function accountService(call: ServiceCall<JsonInput>): unknown {
  if (call.operation !== 'ListRegions') throw commonError('unknownOperation', 'account');
  const { caller, ctx } = call;
  const fields = readFields(call.input, validation);
  const accountId = fields.string('AccountId');
  const isManagement = ctx.estate.organization?.managementAccountId === caller.account;
  if (accountId !== undefined && accountId !== caller.account && !(isManagement && ctx.estate.accounts.some((a) => a.Id === accountId))) {
    throw new AwsError('AccessDeniedException', `User: ${caller.account} is not authorized to read the regions of account ${accountId}`, 403);
  }
  const wanted = fields.strings('RegionOptStatusContains');
  const regions = regionOpts(ctx.estate).filter((r) => wanted.length === 0 || wanted.includes(r.RegionOptStatus));
  const shape = { pageSize: fields.integer('MaxResults', 1, 50) ?? DEFAULT_PAGE_SIZE, emptyPageEvery: 0 };
  const listing = `account\u0000ListRegions\u0000${caller.account}\u0000${accountId ?? ''}\u0000${wanted.join(',')}`;
  const page = ctx.pager.page(regions, (r) => r.RegionName, listing, fields.string('NextToken'), shape, validation('Invalid NextToken'));
  return { Regions: page.items, ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }) };
}

/** Every region the estate names, with its status: `regionOptStatus` when set, else ENABLED. */
function regionOpts(estate: Estate): RegionOpt[] {
  const statuses = estate.regionOptStatus ?? {};
  const names = new Set([...estate.regions, ...Object.keys(statuses)]);
  return sortByKey(
    [...names].map((name) => ({ RegionName: name, RegionOptStatus: statuses[name] ?? 'ENABLED' })),
    (r) => r.RegionName,
  );
}
