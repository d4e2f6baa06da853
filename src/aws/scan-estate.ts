import { AsyncChannel } from './async-channel.js';
import { describeAwsError } from './aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import { CloudControlClients } from './cloud-control-clients.js';
import type { RawItem } from './raw-item.js';
import { readScope, type ScopeReadContext } from './read-scope.js';
import type { RegionHints } from './region-hints.js';
import type { ScanTarget } from './scan-targets.js';
import type { Scope } from '../model/index.js';

/** What reading the estate reports, in the order it happens. */
export type SourceEvent =
  /** A page of items of one scope. */
  | { type: 'items'; scope: Scope; items: RawItem[] }
  /**
   * One listed item of the scope Cloud Control could not read (a GeneralServiceException that is
   * neither a NotFound nor a denial): what it produced before must be kept; the scope goes on.
   */
  | { type: 'item-unread'; scope: Scope; identifier: string; error: string }
  /** The scope's last page was read: what it did not produce (and no unread item did) is gone. */
  | { type: 'scope-complete'; scope: Scope; itemCount: number }
  /** The scope could not be read fully; what it owns must be kept. */
  | { type: 'scope-skipped'; scope: Scope; error: string };

/**
 * The order scopes are read in. `interleaved` (aws2port's): every scope at once, the scheduler
 * taking lanes in turn. `port-blocks`: what Port's integration does, kept only to measure against:
 * kind after kind, accounts in blocks of 10, each account's regions in blocks of 10, at most 10
 * GetResource calls of a scope at a time, a page's calls done before the next page is listed; a
 * block starts when the previous one has ended.
 */
export type ScanStrategy = 'interleaved' | 'port-blocks';

/** How scanEstate reads. */
export interface ScanOptions {
  /** Every AWS call goes through it. */
  scheduler: CallScheduler;
  /** Default `interleaved`. */
  strategy?: ScanStrategy;
  /** Shuffles the scopes' start order (numbers in [0, 1)); default Math.random. */
  random?: () => number;
  /** Where the last read found S3 buckets (see readListedItem). */
  regionHints?: RegionHints;
}

/** Pages waiting for the consumer before producers pause (bounds memory). */
const CHANNEL_CAPACITY = 64;

/** Port's integration: accounts, regions, and GetResource calls per block. */
const PORT_BLOCK_SIZE = 10;

/**
 * Reads every target and streams the results. Never throws for a scope's failure: that scope ends
 * with `scope-skipped` (with the reason), and every other scope goes on.
 */
export function scanEstate(targets: readonly ScanTarget[], options: ScanOptions): AsyncIterable<SourceEvent> {
  const channel = new AsyncChannel<SourceEvent>(CHANNEL_CAPACITY);
  const clients = new CloudControlClients();
  const strategy = options.strategy ?? 'interleaved';
  const context: ScopeReadContext = {
    scheduler: options.scheduler,
    clients,
    ...(options.regionHints ? { regionHints: options.regionHints } : {}),
    ...(strategy === 'port-blocks' ? { getConcurrency: PORT_BLOCK_SIZE, pagesAhead: 1 } : {}),
  };
  const readOne = async (target: ScanTarget): Promise<void> => {
    try {
      const itemCount = await readScope(target, context, {
        push: (items) => channel.push({ type: 'items', scope: target.scope, items }),
        unread: ({ identifier, error }) => channel.push({ type: 'item-unread', scope: target.scope, identifier, error: describeAwsError(error) }),
      });
      await channel.push({ type: 'scope-complete', scope: target.scope, itemCount });
    } catch (error) {
      await channel.push({ type: 'scope-skipped', scope: target.scope, error: describeAwsError(error) });
    }
  };
  const run = strategy === 'port-blocks' ? readInBlocks(targets, readOne) : Promise.all(shuffled(targets, options.random ?? Math.random).map(readOne));
  run.then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  ).finally(() => clients.destroy());
  return channel;
}

/** Port's order (see ScanStrategy). */
async function readInBlocks(targets: readonly ScanTarget[], readOne: (target: ScanTarget) => Promise<void>): Promise<void> {
  for (const kindTargets of groupBy(targets, (t) => t.scope.kind)) {
    for (const accounts of chunks(groupBy(kindTargets, (t) => t.scope.account), PORT_BLOCK_SIZE)) {
      await Promise.all(
        accounts.map(async (accountTargets) => {
          for (const regions of chunks(accountTargets, PORT_BLOCK_SIZE)) await Promise.all(regions.map(readOne));
        }),
      );
    }
  }
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return [...groups.values()];
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += size) result.push(values.slice(i, i + size));
  return result;
}

/** Interleaves accounts, regions and kinds, so that no single API is hammered while others idle. */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
