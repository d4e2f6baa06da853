import { classifyAwsError } from './classify-aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import type { CloudControlClients } from './cloud-control-clients.js';
import { isGlobalKind } from './global-kinds.js';
import type { RawItem } from './raw-item.js';
import { getResource, isNotFound } from './read-resource.js';
import type { ScanTarget } from './scan-targets.js';

/** What reading one listed item needs. */
export interface ItemReadContext {
  scheduler: CallScheduler;
  clients: CloudControlClients;
  /** Aborted when the scope has failed: its queued calls are dropped. */
  signal: AbortSignal;
}

/** A region name in text: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-northwest-1`. */
const REGION_IN_TEXT = /\b[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+\b/g;

/**
 * Reads a listed item again with GetResource, through the scheduler; `undefined` when it is gone
 * meanwhile (ResourceNotFoundException). A global resource (an S3 bucket) is read first in the
 * target's read region; when that region refuses it (the bucket lives elsewhere: AWS answers
 * NotFound or an invalid request, sometimes naming the region), it is read in the region the
 * answer names, then in the account's other regions, and is gone only if every region says so.
 * Any other failure is thrown: the item could not be read, so its scope is incomplete.
 */
export async function readListedItem(target: ScanTarget, item: RawItem, context: ItemReadContext): Promise<RawItem | undefined> {
  const { kind, account } = target.scope;
  const identifier = item.Identifier!;
  const get = (region: string) =>
    context.scheduler.call({ account, region, service: 'cloudcontrol' }, () => getResource(context.clients.get(target.access!, region), kind, account, region, identifier), {
      signal: context.signal,
    });
  if (!isGlobalKind(kind)) {
    try {
      return await get(item.__Region);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
  const first = target.readRegion;
  let firstError: unknown;
  try {
    return await get(first);
  } catch (error) {
    if (!isWrongRegion(error)) throw error;
    firstError = error;
  }
  let isGoneEverywhere = isNotFound(firstError);
  for (const region of otherRegions(firstError, first, target.accountRegions)) {
    try {
      return await get(region);
    } catch (error) {
      if (!isWrongRegion(error)) throw error;
      isGoneEverywhere &&= isNotFound(error);
    }
  }
  if (isGoneEverywhere) return undefined;
  throw firstError;
}

/** A refusal that another region may not give: a client error that is not a denial. */
function isWrongRegion(error: unknown): boolean {
  return classifyAwsError(error).errorClass === 'client' && !(error instanceof Error && error.name.startsWith('AccessDenied'));
}

/** The region the error names first, then the account's regions, without `asked`. */
function otherRegions(error: unknown, asked: string, accountRegions: readonly string[]): string[] {
  const named = error instanceof Error ? (error.message.match(REGION_IN_TEXT) ?? []) : [];
  return [...new Set([...named, ...accountRegions])].filter((region) => region !== asked);
}
