import { classifyAwsError } from './classify-aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import type { CloudControlClients } from './cloud-control-clients.js';
import { bucketRegionOf, isGlobalKind } from '../model/index.js';
import type { RawItem } from './raw-item.js';
import type { RegionHints } from './region-hints.js';
import { getResource, isNotFound } from './read-resource.js';
import { resourceReadFailureOf } from './resource-read-failure.js';
import type { ScanTarget } from './scan-targets.js';

/** What reading one listed item needs. */
export interface ItemReadContext {
  scheduler: CallScheduler;
  clients: CloudControlClients;
  /** Aborted when the scope has failed: its queued calls are dropped. */
  signal: AbortSignal;
  /** Where the last read found global resources that live in one region (S3 buckets). */
  regionHints?: RegionHints;
}

/**
 * A listed item read again: `found` as it is now, `gone` meanwhile (a deletion), or `unread`: Cloud
 * Control could not read this one item (a GeneralServiceException that is neither a NotFound nor a
 * denial), which says nothing about the other items of its scope.
 */
export type ListedItemRead = { status: 'found'; item: RawItem } | { status: 'gone' } | { status: 'unread'; error: unknown };

/** A region name in text: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-northwest-1`. */
const REGION_IN_TEXT = /\b[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+\b/g;

/**
 * Reads a listed item again with GetResource, through the scheduler (see ListedItemRead). A global
 * resource (an S3 bucket) is read first in the region the last read found it in (`regionHints`), else
 * in the target's read region, and the region it is found to live in is handed back to the hints; when that region refuses it
 * (the bucket lives elsewhere: AWS answers NotFound or an invalid request, sometimes naming the
 * region), it is read in the region the answer names, then in the account's other regions, and is
 * gone only if every region says so. Any other failure (a denial, throttling past retries, a server
 * error) is thrown: its scope is incomplete.
 */
export async function readListedItem(target: ScanTarget, item: RawItem, context: ItemReadContext): Promise<ListedItemRead> {
  const { kind, account } = target.scope;
  const identifier = item.Identifier!;
  const get = (region: string) =>
    context.scheduler.call({ account, region, service: 'cloudcontrol' }, () => getResource(context.clients.get(target.access!, region), kind, account, region, identifier), {
      signal: context.signal,
    });
  if (!isGlobalKind(kind)) {
    try {
      return { status: 'found', item: await get(item.__Region) };
    } catch (error) {
      return failedRead(error);
    }
  }
  const hints = context.regionHints;
  const first = hints?.knownRegionOf(kind, account, identifier) ?? target.readRegion;
  const found = (read: RawItem): ListedItemRead => {
    const region = bucketRegionOf(read.Properties);
    if (hints && region !== undefined) hints.onRegionFound(kind, account, identifier, region);
    return { status: 'found', item: read };
  };
  let firstError: unknown;
  try {
    return found(await get(first));
  } catch (error) {
    if (!isWrongRegion(error)) throw error;
    firstError = error;
  }
  let isGoneEverywhere = isNotFound(firstError);
  for (const region of otherRegions(firstError, first, [target.readRegion, ...target.accountRegions])) {
    try {
      return found(await get(region));
    } catch (error) {
      if (!isWrongRegion(error)) throw error;
      isGoneEverywhere &&= isNotFound(error);
    }
  }
  return isGoneEverywhere ? { status: 'gone' } : failedRead(firstError);
}

/** What a failure of the item's last read means: gone, this item unread, or (thrown) its scope failed. */
function failedRead(error: unknown): ListedItemRead {
  const failure = resourceReadFailureOf(error);
  if (failure === 'gone') return { status: 'gone' };
  if (failure === 'item') return { status: 'unread', error };
  throw error;
}

/** A refusal that another region may not give: a client error that is not a denial. */
function isWrongRegion(error: unknown): boolean {
  return classifyAwsError(error).errorClass === 'client' && resourceReadFailureOf(error) !== 'denied';
}

/** The region the error names first, then the account's regions, without `asked`. */
function otherRegions(error: unknown, asked: string, accountRegions: readonly string[]): string[] {
  const named = error instanceof Error ? (error.message.match(REGION_IN_TEXT) ?? []) : [];
  return [...new Set([...named, ...accountRegions])].filter((region) => region !== asked);
}
