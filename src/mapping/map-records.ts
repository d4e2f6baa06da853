import type { ConfigPlace } from '../config/index.js';
import type { Entity } from '../model/index.js';

/** An entity made from an input item. */
export interface EntityRecord {
  type: 'entity';
  /** 0-based index of the item in the input. */
  item: number;
  /** `resources[i]`'s index in the config: the resource config that mapped it. */
  resourceIndex: number;
  blueprint: string;
  entity: Entity;
  /** originOrder of its item: what decides, under the address conflict rule, which of two items keeps one address. */
  order: string;
}

/** A problem with one input item: a mapping issue, an unreadable line, a kind no config maps, an address conflict. */
export interface ErrorRecord {
  type: 'error';
  /** 0-based index of the item in the input. */
  item: number;
  /** What went wrong: jq's message, or what was wrong with the value or the item. One line. */
  message: string;
  /** The resource config concerned; null when none could be chosen. */
  resourceIndex: number | null;
  /** `identifier`, `properties.region`...; null when no field is concerned. */
  field: string | null;
  /** Where the field's expression was written; null when no field is concerned. */
  place: ConfigPlace | null;
  /** The jq expression's text; null when no field is concerned. */
  expression: string | null;
  /** true: the item (or itemsToParse element) gave no entity; false: a field became null. */
  isItemSkipped: boolean;
}

export type MapRecord = EntityRecord | ErrorRecord;

/** Counts of a whole run. */
export interface MapSummary {
  items: number;
  entities: number;
  /** Items (or itemsToParse elements) the selector filtered out. */
  filtered: number;
  /** Error records: every problem, those that skipped an item and those that nulled a field. */
  errors: number;
  /** Error records that left an item (or element) without its entity. */
  skipped: number;
}

export function emptySummary(): MapSummary {
  return { items: 0, entities: 0, filtered: 0, errors: 0, skipped: 0 };
}

/** Adds `part`'s counts to `total`. */
export function addSummary(total: MapSummary, part: MapSummary): void {
  total.items += part.items;
  total.entities += part.entities;
  total.filtered += part.filtered;
  total.errors += part.errors;
  total.skipped += part.skipped;
}

/** A problem with the item as a whole (no field concerned): it gives no entity. */
export function itemError(item: number, message: string, resourceIndex: number | null = null): ErrorRecord {
  return { type: 'error', item, message, resourceIndex, field: null, place: null, expression: null, isItemSkipped: true };
}
