import type { RawItem } from '../aws/index.js';
import { isGlobalKind, ORGANIZATIONS_ACCOUNT_KIND } from '../model/index.js';
import { GLOBAL_REGION, type Scope } from '../model/index.js';

/** Where an entity came from: the scope its item was read in, and the item's AWS identifier. */
export interface ItemOrigin {
  scope: Scope;
  awsIdentifier: string | null;
}

/**
 * The address conflict rule. Two items that map to one address (blueprint and identifier): the one
 * whose origin (kind, account, region, AWS identifier) sorts first keeps it, so the outcome does not
 * depend on the order AWS was read in; on a tie (one item that two resource configs map to one
 * address) the one met first keeps it. It needs no look ahead: hold, for each address, the order of
 * the item that keeps it so far. True when the item of order `incoming` takes the address from the
 * one of order `holder` (both originOrder).
 */
export function takesAddress(incoming: string, holder: string): boolean {
  return incoming < holder;
}

/** The text the address conflict rule orders origins by: kind, account, region, AWS identifier. */
export function originOrder(origin: ItemOrigin): string {
  return `${origin.scope.kind}\u0000${origin.scope.account}\u0000${origin.scope.region}\u0000${origin.awsIdentifier ?? ''}`;
}

/**
 * The scope of a raw item known only by its own fields (`aws2port map`), as a plan reads it in: its
 * kind, its `__AccountId` (an Organizations account's own Id), and its `__Region`, or `global` for
 * kinds read once per account and for Organizations accounts.
 */
export function scopeOfItem(item: RawItem, kind: string): Scope {
  const isGlobal = kind === ORGANIZATIONS_ACCOUNT_KIND || isGlobalKind(kind);
  const account = typeof item.__AccountId === 'string' ? item.__AccountId : '';
  const region = isGlobal ? GLOBAL_REGION : typeof item.__Region === 'string' ? item.__Region : '';
  return { kind, account, region };
}
