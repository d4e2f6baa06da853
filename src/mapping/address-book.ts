import { itemError, type ErrorRecord, type MapSummary } from './map-records.js';

/** What AddressBook.claim needs of an entity. */
export interface AddressClaim {
  item: number;
  resourceIndex: number;
  blueprint: string;
  identifier: string;
}

/**
 * The addresses (blueprint and identifier) a run has mapped, each with the item that made it first.
 * An entity at an address already taken is reported for its item and dropped, as a plan keeps the first.
 */
export class AddressBook {
  /** Blueprint, then identifier: the item that made it first. */
  private readonly firstItems = new Map<string, Map<string, number>>();

  /**
   * Takes the entity's address: null when it is the first there; else the conflict to report in its
   * place, already counted in `summary` (one entity fewer, one more error that skipped an item).
   */
  claim({ item, resourceIndex, blueprint, identifier }: AddressClaim, summary: MapSummary): ErrorRecord | null {
    let items = this.firstItems.get(blueprint);
    if (!items) this.firstItems.set(blueprint, (items = new Map()));
    const first = items.get(identifier);
    if (first === undefined) {
      items.set(identifier, item);
      return null;
    }
    summary.entities -= 1;
    summary.errors += 1;
    summary.skipped += 1;
    return itemError(item, `address conflict: ${blueprint}.${identifier} was already mapped from item ${first}; this entity is dropped`, resourceIndex);
  }
}
