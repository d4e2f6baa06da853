import type { ConfigPlace, ResourceConfig } from '../config/types.js';
import type { RawItem } from '../aws/raw-item.js';
import type { Entity } from '../plan/entity.js';

/** One entity mapped from a raw item. */
export interface MappedEntity {
  /** Index in the batch given to mapBatch of the item it came from; several entities share it with `itemsToParse`. */
  itemIndex: number;
  blueprint: string;
  entity: Entity;
}

/** Something wrong with one field of one item: a jq runtime error, or a value of the wrong kind. */
export interface MappingIssue {
  /** Index in the batch given to mapBatch of the item concerned. */
  itemIndex: number;
  /** `selector.query` | `identifier` | `blueprint` | `title` | `icon` | `team` | `properties.<name>` | `relations.<name>` | `itemsToParse`. */
  field: string;
  /** Where the expression was written (from its JqExpression). */
  place: ConfigPlace;
  /** jq's error text, or what was wrong with the value (`must be a string, got number 42`). One line. */
  message: string;
  /** true: the item (or itemsToParse element) produced no entity (selector, identifier, blueprint, itemsToParse problems); false: the field became null. */
  isItemSkipped: boolean;
}

/** What mapping a batch gave. */
export interface MapBatchResult {
  /** The entities, in item order (and element order within an item's `itemsToParse`). */
  entities: MappedEntity[];
  /** Every problem met, in item order; empty when all went well. */
  issues: MappingIssue[];
  /** How many items (itemsToParse elements, when set) the selector filtered out by yielding false. */
  filtered: number;
}

/** A resource config's mapping, compiled once, ready to map any number of batches. */
export interface Mapper {
  readonly resource: ResourceConfig;
  /**
   * Maps a batch of raw items, in as many jq runs as the batch size requires. Never throws on a jq
   * runtime error: each one is an issue. Throws Aws2PortError `Internal` only when jq's output cannot
   * be matched with the items (a bug, not a data problem).
   */
  mapBatch(items: readonly RawItem[]): MapBatchResult;
}
