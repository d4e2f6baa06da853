import { ListRegionsCommand } from '@aws-sdk/client-account';
import type { AwsSettings } from '../config/index.js';
import { makeAccountClient, type AccountAccess } from './aws-clients.js';
import { describeAwsError } from './aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import { ENABLED_REGION_STATUSES } from './constants.js';
import { listAllPages } from './list-all-pages.js';

/** The regions one account is read in, and whether that list is certain. */
export interface AccountRegions {
  regions: string[];
  /**
   * Why the account's own list of regions is unknown (ListRegions failed); then `regions` is the
   * fallback (`AWS_REGION`, possibly none), and regions not in it must not be taken as "no longer read".
   */
  problem?: string;
}

/** Where region discovery calls go. */
export interface ResolveRegionsOptions {
  scheduler: CallScheduler;
  /** The region of the Account API endpoint (the partition's home region). */
  homeRegion: string;
  env?: NodeJS.ProcessEnv;
}

/** The region named by `AWS_REGION` (or `AWS_DEFAULT_REGION`); undefined when neither is set. */
export function environmentRegion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

/**
 * The regions to read in each account: `aws.regions` for all; else each account's enabled regions
 * (Account ListRegions, status ENABLED or ENABLED_BY_DEFAULT, which real AWS answers for most
 * regions), listed concurrently; else, for an account whose list cannot be read, `AWS_REGION`.
 */
export async function resolveRegions(settings: AwsSettings, accounts: readonly AccountAccess[], options: ResolveRegionsOptions): Promise<Map<string, AccountRegions>> {
  const byAccount = new Map<string, AccountRegions>();
  if (settings.regions.length > 0) {
    for (const access of accounts) byAccount.set(access.accountId, { regions: [...settings.regions] });
    return byAccount;
  }
  const fallback = environmentRegion(options.env);
  await Promise.all(
    accounts.map(async (access) => {
      try {
        byAccount.set(access.accountId, { regions: await listEnabledRegions(access, options) });
      } catch (error) {
        byAccount.set(access.accountId, { regions: fallback ? [fallback] : [], problem: `cannot list its regions: ${describeAwsError(error)}` });
      }
    }),
  );
  return byAccount;
}

/** The account's usable regions, from Account ListRegions (every page) through the scheduler. */
async function listEnabledRegions(access: AccountAccess, options: ResolveRegionsOptions): Promise<string[]> {
  const client = makeAccountClient(options.homeRegion, access.credentials, 'scheduler');
  const lane = { account: access.accountId, region: options.homeRegion, service: 'account' as const };
  try {
    const regions = await listAllPages(
      (nextToken) => options.scheduler.call(lane, () => client.send(new ListRegionsCommand({ MaxResults: 50, ...(nextToken ? { NextToken: nextToken } : {}) }))),
      (page) => page.Regions ?? [],
    );
    return enabledNames(regions);
  } finally {
    client.destroy();
  }
}

/** The names of the regions whose opt-in status lets them be used, sorted. */
function enabledNames(regions: ReadonlyArray<{ RegionName?: string; RegionOptStatus?: string }>): string[] {
  return regions
    .filter((r) => r.RegionName && ENABLED_REGION_STATUSES.includes(r.RegionOptStatus ?? ''))
    .map((r) => r.RegionName!)
    .sort();
}
