import type { CallScheduler } from './call-scheduler.js';
import type { CloudControlClients } from './cloud-control-clients.js';
import { bucketRegionOf, S3_BUCKET_KIND } from '../model/index.js';
import { organizationAccountItem } from './organization-account-item.js';
import type { ParentRef } from './child-kind.js';
import { rawItemOf, type RawItem } from './raw-item.js';
import { readChildScope } from './read-child-scope.js';
import { readListedItem, type ListedItemRead } from './read-listed-item.js';
import type { RegionHints } from './region-hints.js';
import type { ScanTarget } from './scan-targets.js';
import { Semaphore } from '../concurrency/index.js';

/** What reading a scope needs. */
export interface ScopeReadContext {
  scheduler: CallScheduler;
  clients: CloudControlClients;
  /** GetResource calls of one scope in flight at once; default: as many as the page has (the scheduler paces them). */
  getConcurrency?: number;
  /** Pages whose GetResource calls may run while the next page is listed; default PAGES_AHEAD; 1: none. */
  pagesAhead?: number;
  /** Where the last read found S3 buckets: each is read there first (see readListedItem). */
  regionHints?: RegionHints;
}

/** One listed item Cloud Control could not read (see ListedItemRead): its identifier and the error. */
export interface UnreadItem {
  identifier: string;
  error: unknown;
}

/** Where a scope's read hands what it finds: pages of items, and items it could not read. */
export interface ScopeReadSink {
  push: (items: RawItem[]) => Promise<void>;
  unread: (item: UnreadItem) => Promise<void>;
}

/** Pages of a scope whose GetResource calls may run while the next pages are listed (bounds memory). */
const PAGES_AHEAD = 4;

/** One ListResources series of a child kind: the ResourceModel its parent gives, and that parent. */
export interface ChildQuery {
  resourceModel: Record<string, unknown>;
  /** Set on every item as `__Parent`; undefined when the model comes from the scope itself. */
  parent?: ParentRef;
}

/**
 * Reads one scope to its last page, handing each page's items to `push` as it comes, and returns
 * how many there were. Organizations accounts come from the listing made during discovery. Child
 * kinds list their parents first (readChildScope). Cloud Control scopes are listed page by page
 * until NextToken is absent (empty pages included); items are read again with GetResource when the
 * config asks, and S3 buckets whenever the listing does not say their region, while the next pages
 * are being listed. An item gone meanwhile is left out; an item Cloud Control cannot read on its own
 * (`unread`) is handed to `sink.unread` and the read goes on. Throws when any page cannot be listed
 * or any item fails otherwise: the scope is then incomplete, and its calls still waiting are dropped.
 */
export async function readScope(target: ScanTarget, context: ScopeReadContext, sink: ScopeReadSink): Promise<number> {
  if (target.organizationAccount) {
    await sink.push([organizationAccountItem(target.organizationAccount, target.readRegion)]);
    return 1;
  }
  const failed = new AbortController();
  try {
    if (target.childListing) return await readChildScope(target, target.childListing, context, (query) => listScope(target, context, failed, sink, query));
    return await listScope(target, context, failed, sink);
  } catch (error) {
    failed.abort(error);
    throw error;
  }
}

async function listScope(target: ScanTarget, context: ScopeReadContext, failed: AbortController, sink: ScopeReadSink, query?: ChildQuery): Promise<number> {
  const { kind, account } = target.scope;
  const client = context.clients.get(target.access!, target.readRegion);
  const lane = { account, region: target.readRegion, service: 'cloudcontrol' as const };
  const gets = new Semaphore(context.getConcurrency ?? Number.MAX_SAFE_INTEGER);
  const signal = failed.signal;
  const pages = new Set<Promise<void>>();
  /** Failures of pages read in the background; the first one is the scope's. */
  const failures: unknown[] = [];
  let itemCount = 0;
  const readPage = async (listed: RawItem[]): Promise<void> => {
    const reads = await Promise.all(
      listed.map(
        (item): Promise<ListedItemRead> =>
          needsGetResource(target, item) ? gets.run(() => readListedItem(target, item, { ...context, signal })) : Promise.resolve({ status: 'found', item }),
      ),
    );
    const present = reads.flatMap((read) => (read.status === 'found' ? [read.item] : []));
    if (query?.parent) for (const item of present) item.__Parent = query.parent;
    if (present.length > 0) await sink.push(present);
    itemCount += present.length;
    for (const [i, read] of reads.entries()) if (read.status === 'unread') await sink.unread({ identifier: listed[i]!.Identifier!, error: read.error });
  };
  let nextToken: string | undefined;
  do {
    if (failures.length > 0) throw failures[0];
    const request = { TypeName: kind, NextToken: nextToken, ...(query && { ResourceModel: JSON.stringify(query.resourceModel) }) };
    const page = await context.scheduler.call(lane, () => client.listResources(request), { signal });
    nextToken = page.NextToken;
    const listed = (page.ResourceDescriptions ?? []).map((d) => rawItemOf(d, kind, account, target.readRegion));
    const tracked: Promise<void> = readPage(listed).then(
      () => {
        pages.delete(tracked);
      },
      (error: unknown) => {
        pages.delete(tracked);
        failures.push(error);
        failed.abort(error);
      },
    );
    pages.add(tracked);
    while (pages.size >= (context.pagesAhead ?? PAGES_AHEAD)) await Promise.race(pages);
  } while (nextToken);
  await Promise.all(pages);
  if (failures.length > 0) throw failures[0];
  return itemCount;
}

function needsGetResource(target: ScanTarget, item: RawItem): boolean {
  return target.useGetResource || (target.scope.kind === S3_BUCKET_KIND && bucketRegionOf(item.Properties) === undefined);
}
