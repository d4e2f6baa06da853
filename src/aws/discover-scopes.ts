import type { AwsSettings, ResourceConfig } from '../config/index.js';
import type { CallScheduler } from './call-scheduler.js';
import type { ResourceModelSetting } from './child-kind.js';
import { discoverAccounts, type AccountDiscovery, type DiscoveryProgress } from './discover-accounts.js';
import { ORGANIZATIONS_ACCOUNT_KIND } from '../model/index.js';
import { homeRegionOf } from './partition.js';
import { environmentRegion, resolveRegions, type AccountRegions } from './resolve-regions.js';
import { planScan, type ScanPlan } from './scan-targets.js';
import { isAccountInShard, type Shard } from './shard.js';

/** The region STS is first asked in, before the partition is known, when nothing else says. */
export const BOOTSTRAP_REGION = 'us-east-1';

/** What a run sets out to read: its accounts (this shard's), their regions, and the scopes. */
export interface DiscoveredScopes {
  discovery: AccountDiscovery;
  regionsByAccount: Map<string, AccountRegions>;
  /** The regions used where an account's own cannot be listed: `aws.regions`, else AWS_REGION. */
  fallbackRegions: string[];
  /** The region STS was first called in. */
  bootstrapRegion: string;
  scan: ScanPlan;
}

/** How discovery runs. */
export interface DiscoverScopesOptions {
  /** Every discovery call (and every later refresh of a member's assumed role) goes through it. */
  scheduler: CallScheduler;
  /** `--shard I/N`: only the accounts of that shard (Organizations accounts included). */
  shard?: Shard;
  /** Read for AWS_REGION. */
  env: NodeJS.ProcessEnv;
  /** Per kind, the user's `selector.parentKind`/`selector.resourceModel`, evaluated (see planScan). */
  resourceModels?: ReadonlyMap<string, ResourceModelSetting>;
  /** Called as accounts are listed and member roles assumed. */
  onProgress?: (progress: DiscoveryProgress) => void;
}

/**
 * Decides what a run reads, the one way full reads (readEstate) and watch both use: the accounts
 * (discoverAccounts, kept to this shard), each account's regions, and the scopes of the configured
 * kinds in them (planScan).
 */
export async function discoverScopes(settings: AwsSettings, resources: readonly ResourceConfig[], options: DiscoverScopesOptions): Promise<DiscoveredScopes> {
  const { scheduler, env } = options;
  const bootstrapRegion = settings.regions[0] ?? environmentRegion(env) ?? BOOTSTRAP_REGION;
  const isOrganizationRead = resources.some((r) => r.kind === ORGANIZATIONS_ACCOUNT_KIND);
  const discovery = inShard(
    await discoverAccounts(settings, bootstrapRegion, { scheduler, isOrganizationRead, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }),
    options.shard,
  );
  const homeRegion = homeRegionOf(discovery.partition);
  const regionsByAccount = await resolveRegions(settings, discovery.accounts, { scheduler, homeRegion, env });
  const fallbackRegion = environmentRegion(env);
  const fallbackRegions = settings.regions.length > 0 ? settings.regions : fallbackRegion ? [fallbackRegion] : [];
  const scan = planScan(resources, discovery, regionsByAccount, fallbackRegions, homeRegion, options.resourceModels);
  return { discovery, regionsByAccount, fallbackRegions, bootstrapRegion, scan };
}

/** The discovery restricted to the accounts of `shard` (Organizations accounts included). */
function inShard(discovery: AccountDiscovery, shard: Shard | undefined): AccountDiscovery {
  if (!shard) return discovery;
  return {
    ...discovery,
    accounts: discovery.accounts.filter((a) => isAccountInShard(a.accountId, shard)),
    unreachable: discovery.unreachable.filter((u) => isAccountInShard(u.accountId, shard)),
    organizationAccounts: discovery.organizationAccounts.filter((a) => a.Id && isAccountInShard(a.Id, shard)),
  };
}
