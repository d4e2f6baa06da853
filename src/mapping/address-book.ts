import { takesAddress } from './item-origin.js';
import { itemError, type ErrorRecord, type MapSummary } from './map-records.js';

/** What AddressBook.claim needs of an entity. */
export interface AddressClaim {
  item: number;
  resourceIndex: number;
  blueprint: string;
  identifier: string;
  /** originOrder of the item's origin: the address conflict rule's key. */
  order: string;
}

/** Two items that map to one address, as `map` reports it: an error record for the item that loses. */
export interface AddressConflictRecord {
  /** For the item whose entity is dropped. */
  record: ErrorRecord;
  /** true: the claiming entity keeps the address, and the item that held it (whose entity came earlier) loses it. */
  isClaimKept: boolean;
}

/**
 * The addresses (blueprint and identifier) a stream of entities has made, each with the item that
 * keeps it under the address conflict rule (takesAddress): the item that sorts first by kind, account,
 * region and AWS identifier, the first met on a tie. The rule needs no look ahead: an entity that
 * takes an address reports the conflict for the item that held it, whose entity was already let
 * through; so, for an address made more than once, the last entity let through is the one kept.
 */
export class AddressBook {
  /** Blueprint, then identifier: the item that holds it and its order. */
  private readonly holders = new Map<string, Map<string, { item: number; order: string }>>();

  /**
   * Takes the entity's address: null when it is the first there; else the conflict to report,
   * already counted in `summary` (one entity fewer, one more error that skipped an item).
   */
  claim({ item, resourceIndex, blueprint, identifier, order }: AddressClaim, summary: MapSummary): AddressConflictRecord | null {
    let byIdentifier = this.holders.get(blueprint);
    if (!byIdentifier) this.holders.set(blueprint, (byIdentifier = new Map()));
    const holder = byIdentifier.get(identifier);
    if (holder === undefined) {
      byIdentifier.set(identifier, { item, order });
      return null;
    }
    summary.entities -= 1;
    summary.errors += 1;
    summary.skipped += 1;
    const address = `${blueprint}.${identifier}`;
    if (takesAddress(order, holder.order)) {
      const dropped = holder.item;
      byIdentifier.set(identifier, { item, order });
      const message = `address conflict: ${address} is also mapped from item ${item}, which sorts first by kind, account, region and AWS identifier; this item's entity, printed before, is dropped`;
      return { record: itemError(dropped, message), isClaimKept: true };
    }
    return { record: itemError(item, `address conflict: ${address} was already mapped from item ${holder.item}; this entity is dropped`, resourceIndex), isClaimKept: false };
  }
}
