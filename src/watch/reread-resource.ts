import { describeAwsError, readResource, resourceReadFailureOf, type RawItem } from '../aws/index.js';
import { PERMANENT_READ_ERRORS } from './constants.js';
import type { ResourceRef } from './resource-ref.js';
import type { WatchScope } from './watch-scope.js';

/**
 * A resource as just re-read: `found` (as it is now), `gone` (ResourceNotFoundException, or a
 * GeneralServiceException wrapping a NotFound: deleted), `unreadable` (Cloud Control can never read
 * it as asked, or its handler failed on it with a GeneralServiceException that is neither a NotFound
 * nor a denial: acknowledged), `failed` (anything else: throttled past retries, access denied,
 * network, a handler fault: tried again when the message comes back).
 */
export type Reread =
  | { status: 'found'; item: RawItem }
  | { status: 'gone' }
  | { status: 'unreadable'; error: string }
  | { status: 'failed'; error: string };

/** Reads one resource with GetResource in its account (a member's assumed role) and region. Never throws. */
export async function rereadResource(ref: ResourceRef, scope: WatchScope): Promise<Reread> {
  try {
    const item = await readResource(scope.clientFor(ref), ref.kind, ref.account, ref.region, ref.identifier);
    return item ? { status: 'found', item } : { status: 'gone' };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const isPermanent = PERMANENT_READ_ERRORS.includes(name) || resourceReadFailureOf(error) === 'item';
    return { status: isPermanent ? 'unreadable' : 'failed', error: describeAwsError(error) };
  }
}
