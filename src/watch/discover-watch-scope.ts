import { discoverScopes, type CallScheduler, type Shard } from '../aws/index.js';
import type { AwsSettings, ResourceConfig } from '../config/index.js';
import { WatchScope } from './watch-scope.js';

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
 * Finds what watch reads, exactly as a full read decides it (discoverScopes): accounts of this
 * shard, their regions, and the scopes of the configured kinds in them. Every call (and every later
 * refresh of a member's assumed role) goes through `scheduler`. Throws when the caller's own
 * identity cannot be read (nothing could work).
 */
export async function discoverWatchScope(settings: AwsSettings, resources: readonly ResourceConfig[], options: DiscoverWatchScopeOptions): Promise<DiscoveredScope> {
  const { discovery, fallbackRegions, bootstrapRegion, scan } = await discoverScopes(settings, resources, {
    scheduler: options.scheduler,
    env: options.env ?? process.env,
    ...(options.shard ? { shard: options.shard } : {}),
  });
  return {
    scope: new WatchScope(resources.map((r) => r.kind), scan.targets),
    defaultRegion: fallbackRegions[0] ?? bootstrapRegion,
    unreachable: discovery.unreachable.map((u) => ({ accountId: u.accountId, reason: u.reason })),
  };
}
