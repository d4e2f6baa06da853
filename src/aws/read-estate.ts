import type { AwsSettings, ResourceConfig } from '../config/index.js';
import { CallScheduler, type SchedulerSettings } from './call-scheduler.js';
import type { ResourceModelSetting } from './child-kind.js';
import { SYSTEM_CLOCK } from './clock.js';
import type { UnreachableAccount } from './discover-accounts.js';
import { discoverScopes } from './discover-scopes.js';
import { discoveryProgressLog } from './discovery-progress-log.js';
import { BOTOCORE_LEGACY_RETRY_POLICY } from './retry-policy.js';
import { scanEstate, type ScanStrategy, type SourceEvent } from './scan-estate.js';
import type { RegionHints } from './region-hints.js';
import type { ScanProgress } from './scan-progress.js';
import { ScanProgressTracker } from './scan-progress-tracker.js';
import type { SkippedScope } from './scan-targets.js';
import { isAccountInShard, type Shard } from './shard.js';
import type { Scope } from '../model/index.js';

/** How a run reads AWS. */
export interface ReadEstateOptions {
  /** The user's cap on AWS calls in flight at once (`--parallelism`); undefined: the host's default, adapted to load. */
  parallelism?: number;
  /** Progress lines for a person. */
  log: (message: string) => void;
  /** `--shard I/N`: read only the accounts whose id hashes to shard I of N (see shardOfAccount). */
  shard?: Shard;
  /** Called as the read progresses (at most every 250 ms, and once at the end with `isDone`). */
  onProgress?: (progress: ScanProgress) => void;
  /** Per kind, the user's `selector.parentKind`/`selector.resourceModel`, evaluated (see planScan). */
  resourceModels?: ReadonlyMap<string, ResourceModelSetting>;
  /** Where the last read found each S3 bucket, and what to tell of this read's (see RegionHints). */
  regionHints?: RegionHints;
  /** For tests and benchmarks only: how the read is carried out. Users never set it. */
  tuning?: ReadTuning;
}

/** Knobs of a read that only tests and benchmarks turn. */
export interface ReadTuning {
  /** Default `interleaved`; `port-blocks` reproduces Port's integration (unpaced, botocore retries) to measure against. */
  strategy?: ScanStrategy;
  /** Overrides of the scheduler's settings (clock, randomness, AIMD, retry policy). */
  scheduler?: Omit<Partial<SchedulerSettings>, 'parallelism'>;
  /** Randomness of the scopes' order. */
  random?: () => number;
  /** Environment read for AWS_REGION; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** A read of the estate under way: what it set out to read, and the stream of what it finds. */
export interface EstateRead {
  /**
   * Accounts whose every scope this run either read or listed as skipped: a scope of one of them
   * that is not in `intendedScopes` is no longer read. Excludes accounts whose regions are unknown
   * (their role could not be assumed, or ListRegions failed, while regions are discovered).
   */
  knownAccounts: string[];
  /**
   * True when an account of this run (see `isAccountOfRun`) missing from `knownAccounts` is gone for
   * sure. False when Organizations could not be listed, or when some account's regions are unknown,
   * so that nothing such an account owns is deleted.
   */
  isAccountListComplete: boolean;
  /** Whether an account is this run's to judge: under `--shard`, only the accounts of this shard. */
  isAccountOfRun: (accountId: string) => boolean;
  unreachable: UnreachableAccount[];
  /** Every scope this run set out to read, readable or not. */
  intendedScopes: Scope[];
  /** Scopes known unreadable before reading (their reasons). */
  skipped: SkippedScope[];
  /** Pages of items and scope outcomes, as they come. */
  events: AsyncIterable<SourceEvent>;
}

/**
 * Starts reading AWS for these resource configs: discovers accounts (and keeps this shard's) and
 * their regions, decides the scopes, and streams what it reads, every call through one scheduler.
 * The one entry of the source stage for a full read.
 */
export async function readEstate(settings: AwsSettings, resources: readonly ResourceConfig[], options: ReadEstateOptions): Promise<EstateRead> {
  const tuning = options.tuning ?? {};
  const env = tuning.env ?? process.env;
  const isPortStrategy = tuning.strategy === 'port-blocks';
  const scheduler = new CallScheduler({
    ...(isPortStrategy ? { parallelism: Infinity } : options.parallelism === undefined ? {} : { parallelism: options.parallelism }),
    ...(isPortStrategy ? { isPaced: false, retryPolicy: BOTOCORE_LEGACY_RETRY_POLICY } : {}),
    ...tuning.scheduler,
  });

  const onProgress = discoveryProgressLog(options.log, tuning.scheduler?.clock ?? SYSTEM_CLOCK);
  const { discovery, regionsByAccount, scan } = await discoverScopes(settings, resources, {
    scheduler,
    env,
    onProgress,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.resourceModels ? { resourceModels: options.resourceModels } : {}),
  });
  for (const account of discovery.unreachable) options.log(`! account ${account.accountId}: ${account.reason}; its scopes are skipped`);
  for (const [account, { regions, problem }] of regionsByAccount) {
    if (problem) options.log(`! account ${account}: ${problem}; reading ${regions.length > 0 ? regions.join(', ') : 'only its global kinds'}, and deleting nothing of accounts left out`);
  }
  const regionCount = new Set([...regionsByAccount.values()].flatMap((r) => r.regions)).size;
  options.log(`Reading ${scan.targets.length} scopes in ${discovery.accounts.length} accounts and ${regionCount} regions...`);

  const uncertain = new Set([
    ...[...regionsByAccount].filter(([, r]) => r.problem).map(([account]) => account),
    ...(settings.regions.length > 0 ? [] : discovery.unreachable.map((u) => u.accountId)),
  ]);
  const accounts = [...discovery.accounts.map((a) => a.accountId), ...discovery.unreachable.map((u) => u.accountId)];
  const intendedScopes = [...scan.targets, ...scan.skipped].map((t) => t.scope);
  const tracker = options.onProgress ? startTracking(scheduler, intendedScopes, accounts, scan.skipped, options.onProgress, tuning) : undefined;
  const events = scanEstate(scan.targets, {
    scheduler,
    ...(tuning.strategy ? { strategy: tuning.strategy } : {}),
    ...(tuning.random ? { random: tuning.random } : {}),
    ...(options.regionHints ? { regionHints: options.regionHints } : {}),
  });
  return {
    knownAccounts: accounts.filter((account) => !uncertain.has(account)),
    isAccountListComplete: discovery.isComplete && uncertain.size === 0,
    isAccountOfRun: (accountId) => !options.shard || isAccountInShard(accountId, options.shard),
    unreachable: discovery.unreachable,
    intendedScopes,
    skipped: scan.skipped,
    events: tracker ? withProgress(events, tracker) : events,
  };
}

/** A tracker of this read's progress, counting every call from now on. */
function startTracking(
  scheduler: CallScheduler,
  scopes: readonly Scope[],
  accounts: readonly string[],
  skipped: readonly SkippedScope[],
  onProgress: (progress: ScanProgress) => void,
  tuning: ReadTuning,
): ScanProgressTracker {
  const tracker = new ScanProgressTracker(scopes, accounts, tuning.scheduler?.clock ?? SYSTEM_CLOCK, onProgress);
  for (const { scope } of skipped) tracker.skip(scope);
  scheduler.onEvent((event) => tracker.onCallEvent(event));
  return tracker;
}

/** The events, counted into the tracker as the consumer takes them; the last snapshot when they end. */
async function* withProgress(events: AsyncIterable<SourceEvent>, tracker: ScanProgressTracker): AsyncIterable<SourceEvent> {
  for await (const event of events) {
    tracker.onSourceEvent(event);
    yield event;
  }
  tracker.finish();
}
