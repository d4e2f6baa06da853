import type { ConfigPlace, ResourceConfig } from '../config/index.js';
import type { RawItem } from '../aws/index.js';
import type { Entity } from '../model/index.js';

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
  /**
   * true: the item (or itemsToParse element) produced no entity (selector, identifier, blueprint,
   * itemsToParse problems, a halt, and under `isStrict` any jq error); false: the field became null.
   */
  isItemSkipped: boolean;
  /**
   * true when the item could not be mapped at all, so the mapping cannot say which entities it owns:
   * a jq runtime error (or a halt) in `selector.query`, `identifier`, `blueprint` or `itemsToParse`,
   * a selector that yields no boolean, and under `isStrict` a jq runtime error in any field. A caller
   * must then treat the item's scope as incompletely read (delete nothing it owns). false for
   * problems that are the item's data seen through a working mapping: a null or invalid identifier,
   * a null blueprint, an itemsToParse that is no array, a field of the wrong type.
   */
  isScopeTainting: boolean;
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

/** Options of one mapBatch call. */
export interface MapBatchOptions {
  /**
   * true when the caller guarantees that no string of the items (object keys included) holds a lone
   * UTF-16 surrogate, e.g. because it parsed them from UTF-8 JSON text without `\uD800`-`\uDFFF`
   * escapes: spares a scan of every item. Default false: items are scanned, and lone surrogates
   * become U+FFFD (what jq sees) before mapping.
   */
  areStringsWellFormed?: boolean;
}

/** A field of the mapping and how it is evaluated. */
export interface FieldEvaluation {
  /** As issues name it: `selector.query`, `identifier`, `properties.arn`... */
  field: string;
  /** Why the expression runs on jq-wasm; null when it runs on the JavaScript fast path. */
  jqReason: string | null;
}

/** A resource config's mapping, compiled once, ready to map any number of batches. */
export interface Mapper {
  readonly resource: ResourceConfig;
  /** Every jq field of the mapping, in evaluation order, with the engine that evaluates it. For diagnostics and tests. */
  readonly fields: readonly FieldEvaluation[];
  /**
   * Maps a batch of raw items. Fields on the fast path are evaluated in JavaScript; the others (and
   * any item the fast path cannot prove it handles as jq would) in as few jq-wasm runs as the batch
   * size allows. Never throws on a jq runtime error: each one is an issue. Throws Aws2PortError
   * `Internal` only when jq's output cannot be matched with the items (a bug, not a data problem).
   */
  mapBatch(items: readonly RawItem[], options?: MapBatchOptions): MapBatchResult;
}
