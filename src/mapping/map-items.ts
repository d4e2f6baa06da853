import type { RawItem } from '../aws/index.js';
import { isRegionAllowed, type ResourceConfig } from '../config/index.js';
import { ORGANIZATIONS_ACCOUNT_KIND } from '../model/index.js';
import type { Entity, Scope } from '../model/index.js';
import { awsIdentifierOf } from './aws-identifier.js';
import type { ItemOrigin } from './item-origin.js';
import type { MapBatchOptions, Mapper, MappingIssue } from './mapper.js';

/** A raw item and the scope it was read in. */
export interface ScopedItem {
  item: RawItem;
  scope: Scope;
  /** The identifier it was read by (watch): its AWS identifier when the item carries none itself. */
  readBy?: string;
}

/** One entity an item of the batch made, with its address and where it came from. */
export interface ItemEntity {
  /** Index of its item in the items given to mapItems. */
  itemIndex: number;
  blueprint: string;
  identifier: string;
  entity: Entity;
  origin: ItemOrigin;
}

/** What mapping items with one resource config gave. */
export interface MappedItems {
  /** In item order. */
  entities: ItemEntity[];
  /** In item order; `itemIndex` is the index in the items given to mapItems. */
  issues: MappingIssue[];
  /** Items the config's region policy leaves out, and items (or elements) its selector filtered out. */
  filtered: number;
}

/**
 * Maps items with one resource config, under the rules every command shares (plan, watch's
 * incremental plans, `map`): an item outside the config's `selector.regionPolicy` (by its `__Region`;
 * Organizations accounts have no region) gives nothing and counts as filtered out; each entity
 * carries its item's AWS identifier (awsIdentifierOf). Which of two items mapping to one address
 * keeps it is takesAddress, applied by whoever gathers the entities of a run.
 */
export function mapItems(mapper: Mapper, items: readonly ScopedItem[], options?: MapBatchOptions): MappedItems {
  const chosen = isEveryRegionAllowed(mapper.resource) ? null : items.flatMap((scoped, i) => (isRegionAllowed(mapper.resource.selector.regionPolicy, scoped.item.__Region) ? [i] : []));
  const indexOf = (i: number) => (chosen ? chosen[i]! : i);
  const result = mapper.mapBatch(
    chosen ? chosen.map((i) => items[i]!.item) : items.map((scoped) => scoped.item),
    options,
  );
  return {
    entities: result.entities.map(({ itemIndex, blueprint, entity }) => {
      const { item, scope, readBy } = items[indexOf(itemIndex)]!;
      return { itemIndex: indexOf(itemIndex), blueprint, identifier: entity.identifier, entity, origin: { scope, awsIdentifier: awsIdentifierOf(item) ?? readBy ?? null } };
    }),
    issues: chosen ? result.issues.map((issue) => ({ ...issue, itemIndex: indexOf(issue.itemIndex) })) : result.issues,
    filtered: result.filtered + (chosen ? items.length - chosen.length : 0),
  };
}

/** True when the config's region policy leaves no item out (no lists, or a kind with no region). */
function isEveryRegionAllowed(resource: ResourceConfig): boolean {
  const { allow, deny } = resource.selector.regionPolicy;
  return resource.kind === ORGANIZATIONS_ACCOUNT_KIND || (allow.length === 0 && deny.length === 0);
}
