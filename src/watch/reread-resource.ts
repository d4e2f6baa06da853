import { describeAwsError, readResource, type RawItem } from '../aws/index.js';
import { PERMANENT_READ_ERRORS } from './constants.js';
import type { ResourceRef } from './resource-ref.js';
import type { WatchScope } from './watch-scope.js';

/**
 * A resource as just re-read: `found` (as it is now), `gone` (ResourceNotFoundException: deleted),
 * `unreadable` (Cloud Control can never read it as asked: acknowledged), `failed` (anything else:
 * throttled past retries, access denied, network: tried again when the message comes back).
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
    return { status: PERMANENT_READ_ERRORS.includes(name) ? 'unreadable' : 'failed', error: describeAwsError(error) };
  }
}
