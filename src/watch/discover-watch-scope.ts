import {
  CallScheduler,
  discoverAccounts,
  environmentRegion,
  homeRegionOf,
  isAccountInShard,
  planScan,
  resolveRegions,
  type Shard,
} from '../aws/index.js';
import type { AwsSettings, ResourceConfig } from '../config/index.js';
import { WatchScope } from './watch-scope.js';

/** The region STS is first asked in when neither the config nor the environment names one. */
const BOOTSTRAP_REGION = 'us-east-1';

/** A discovered scope, and what the queue client needs of it. */
export interface DiscoveredScope {
  scope: WatchScope;
  /** A region to call SQS in when the queue URL does not name one. */
  defaultRegion: string;
  /** Accounts whose role could not be assumed, with why (their events are out of scope). */
  unreachable: Array<{ accountId: string; reason: string }>;
}

/** How discovery runs. */
export interface DiscoverWatchScopeOptions {
  /** Every discovery call, and every later refresh of a member's assumed role, goes through it. */
  scheduler: CallScheduler;
  /** `--shard I/N`: only the accounts of that shard. */
  shard?: Shard;
  /** Read for AWS_REGION; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Finds what watch reads, the way a full read decides it (readEstate): accounts of this shard,
 * their regions, and the scopes of the configured kinds in them. Every call (and every later
 * refresh of a member's assumed role) goes through `scheduler`. Throws when the caller's own
 * identity cannot be read (nothing could work).
 */
export async function discoverWatchScope(settings: AwsSettings, resources: readonly ResourceConfig[], options: DiscoverWatchScopeOptions): Promise<DiscoveredScope> {
  const env = options.env ?? process.env;
  const { scheduler } = options;
  const bootstrapRegion = settings.regions[0] ?? environmentRegion(env) ?? BOOTSTRAP_REGION;
  const found = await discoverAccounts(settings, bootstrapRegion, { scheduler });
  const discovery = {
    ...found,
    accounts: found.accounts.filter((a) => isAccountInShard(a.accountId, options.shard)),
    unreachable: found.unreachable.filter((u) => isAccountInShard(u.accountId, options.shard)),
    organizationAccounts: found.organizationAccounts.filter((a) => a.Id && isAccountInShard(a.Id, options.shard)),
  };
  const homeRegion = homeRegionOf(discovery.partition);
  const regionsByAccount = await resolveRegions(settings, discovery.accounts, { scheduler, homeRegion, env });
  const fallback = environmentRegion(env);
  const fallbackRegions = settings.regions.length > 0 ? settings.regions : fallback ? [fallback] : [];
  const scan = planScan(resources, discovery, regionsByAccount, fallbackRegions, homeRegion);
  return {
    scope: new WatchScope(resources.map((r) => r.kind), scan.targets),
    defaultRegion: fallbackRegions[0] ?? bootstrapRegion,
    unreachable: discovery.unreachable.map((u) => ({ accountId: u.accountId, reason: u.reason })),
  };
}
