import { childListingOf, type ChildListing } from './child-kind.js';
import type { RawItem } from './raw-item.js';
import { type ChildQuery, readScope, type ScopeReadContext } from './read-scope.js';
import type { ScanTarget } from './scan-targets.js';
import { Semaphore } from '../concurrency/index.js';

/** Parents whose children are listed at once in one scope (the scheduler paces the calls themselves). */
const PARENTS_AT_ONCE = 16;

/**
 * Reads a scope of a child kind: lists its parent kind in the same account and region (itself
 * through its own parent, for a chain such as listener rule <- listener <- load balancer), then the
 * children of each parent with the ResourceModel that parent gives; without a parent kind, one
 * listing with the model the scope gives. Returns how many children there were. Throws when the
 * parents, a parent's model or any parent's children cannot be read: the whole scope is then
 * incomplete, so nothing it owns is deleted on a guess.
 */
export async function readChildScope(
  target: ScanTarget,
  listing: ChildListing,
  context: ScopeReadContext,
  listChildren: (query: ChildQuery) => Promise<number>,
): Promise<number> {
  const { kind, account } = target.scope;
  if (listing.parentKind === undefined) {
    const model = await listing.modelOf({ __Kind: kind, __AccountId: account, __Region: target.readRegion });
    return listChildren({ resourceModel: model });
  }
  const parentKind = listing.parentKind;
  const parents = await readParents(target, listing, parentKind, context);
  const atOnce = new Semaphore(PARENTS_AT_ONCE);
  const counts = await Promise.all(
    parents.map((parent) =>
      atOnce.run(async () => {
        const model = await listing.modelOf(parent);
        return listChildren({ resourceModel: model, parent: { kind: parentKind, identifier: parent.Identifier ?? '' } });
      }),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Every parent of the scope's account and region; a failure names the parent kind. */
async function readParents(target: ScanTarget, listing: ChildListing, parentKind: string, context: ScopeReadContext): Promise<RawItem[]> {
  const parentTarget: ScanTarget = {
    ...target,
    scope: { ...target.scope, kind: parentKind },
    useGetResource: listing.needsFullParents,
    childListing: childListingOf(parentKind),
  };
  const parents: RawItem[] = [];
  try {
    await readScope(parentTarget, context, {
      push: async (items) => {
        parents.push(...items);
      },
      // A parent Cloud Control cannot read on its own hides its children: the child scope cannot be complete.
      unread: async ({ error }) => {
        throw error;
      },
    });
  } catch (error) {
    throw namingParents(error, parentKind);
  }
  return parents;
}

/** The error, its message saying it came from listing the parents (name and attempts kept). */
function namingParents(error: unknown, parentKind: string): unknown {
  if (!(error instanceof Error)) return error;
  const named = new Error(`listing the parents (${parentKind}): ${error.message}`, { cause: error });
  named.name = error.name;
  Object.assign(named, { $metadata: (error as { $metadata?: unknown }).$metadata, $fault: (error as { $fault?: unknown }).$fault });
  return named;
}
