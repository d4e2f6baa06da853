/**
 * The mapping stage: turns raw AWS items into Port entities through a resource config's jq mapping.
 * A resource config is compiled once (compileMapper). The expressions mappings are mostly made of
 * (paths, literals, `+`, `select`, comparisons, `//`, `capture`, `sub`, `test`, `split`, `join`,
 * object and array construction, pipes...) run on a JavaScript fast path that gives jq 1.8's results
 * and errors (proven by differential tests); the others run on jq-wasm, in one program per batch of
 * items, because one jq run per expression per item is about 100x slower. An item the fast path
 * cannot prove it maps as jq would goes to jq as a whole.
 *
 * Semantics, after Port's own integration:
 * - `selector.query` must yield a boolean: false filters the item out (counted), anything else skips
 *   it with an issue. With `itemsToParse`, the selector runs on each element-item.
 * - Every field takes its expression's first output, and null when it yields nothing.
 * - identifier and blueprint are required: an error, null, a non-string, an empty blueprint or an
 *   identifier Port refuses (isValidPortIdentifier) skips the item with an issue; only a jq error (or
 *   a selector that yields no boolean) taints the item's scope (`isScopeTainting`). A number is not
 *   turned into an identifier: Port's identifiers are strings, and a silent conversion would hide a
 *   mapping mistake.
 * - title and icon take a string or null; team and jq relations a string, a list of strings or null;
 *   properties any JSON value. A jq error or a value of another kind (a numeric title included, for
 *   the same reason) becomes null with an issue, and the entity is still produced.
 * - `isStrict`: a jq error in those fields skips the item instead.
 * - A search-query relation (`{searchQuery}` in the config) is passed through as written.
 * - `itemsToParse` must yield an array (null or nothing: no entities, no issue); each element is
 *   mapped as the parent item plus one key, `itemsToParseName`, holding it.
 * - Numbers come back through JSON.parse: integers beyond 2^53, which jq 1.8 prints exactly, are
 *   rounded to the nearest double. Lone UTF-16 surrogates in items become U+FFFD.
 *
 * - An item beyond the limits (MAX_VALUE_DEPTH, MAX_ITEM_JSON_LENGTH, numbers beyond a double), or on
 *   which jq-wasm crashes or exceeds its time budget (jq-wasm runs in a worker thread it can end),
 *   is skipped with an issue that taints its scope; the other items map as they would without it.
 *
 * Problems with single items are returned as issues, never thrown; nothing is printed.
 *
 * The rules every command maps by (`plan`, watch's incremental plans and `map` alike) are here too:
 * mapItems leaves out items outside a config's `selector.regionPolicy` and gives each entity its
 * item's AWS identifier (awsIdentifierOf) and origin; takesAddress decides which of two items that
 * map to one address keeps it (the first by kind, account, region and AWS identifier).
 *
 * Also here: `ItemStreamMapper` (what `aws2port map` runs over a stream of JSON items).
 */
export { compileJqModule, loadJqEngine, type JqEngine, type JqRunResult } from './jq-engine.js';
export { compileMapper, type CompileMapperOptions } from './compile-mapper.js';
export { compileMappers } from './compile-mappers.js';
export type { FieldEvaluation, Mapper, MappedEntity, MappingIssue, MapBatchOptions, MapBatchResult } from './mapper.js';
export { checkExpression } from './check-expression.js';
export { resourceModelSettings } from './resource-model-settings.js';
export { checkMappingExpressions, type ExpressionProblem } from './check-mapping-expressions.js';
export { checkBlueprintReferences } from './check-blueprint-references.js';
export { blueprintSchemaOf, checkPropertyValues, type BlueprintSchema, type PropertyRefusal, type PropertySchema, type RefusalRule } from './check-property-values.js';
export { inputForm, parseJsonLines, readJsonItems, type ItemChunk } from './read-json-items.js';
export { ItemStreamMapper, type ItemStreamOptions } from './item-stream-mapper.js';
export { addSummary, emptySummary, type EntityRecord, type ErrorRecord, type MapRecord, type MapSummary } from './map-records.js';
export { AddressBook, type AddressClaim, type AddressConflictRecord } from './address-book.js';
export { mapItems, type ItemEntity, type MappedItems, type ScopedItem } from './map-items.js';
export { originOrder, scopeOfItem, takesAddress, type ItemOrigin } from './item-origin.js';
export { awsIdentifierOf } from './aws-identifier.js';
export { literalValueOf } from './fast-path/parse-jq.js';
export { DEFAULT_BATCH_SIZE, DEFAULT_JQ_TIME_BUDGET_MS, MAX_ITEM_JSON_LENGTH, MAX_VALUE_DEPTH } from './constants.js';
export { readLineChunks, type LineChunk } from './read-line-chunks.js';
