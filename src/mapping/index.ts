/**
 * The mapping stage: turns raw AWS items into Port entities through a resource config's jq mapping.
 * A resource config is compiled once (compileMapper) into one jq program that maps a whole batch of
 * items in one jq-wasm run, because one run per expression per item is about 100x slower.
 *
 * Semantics, after Port's own integration:
 * - `selector.query` must yield a boolean: false filters the item out (counted), anything else skips
 *   it with an issue. With `itemsToParse`, the selector runs on each element-item.
 * - Every field takes its expression's first output, and null when it yields nothing.
 * - identifier and blueprint are required: an error, null, a non-string, an empty blueprint or an
 *   identifier Port refuses (isValidPortIdentifier) skips the item with an issue. A number is not
 *   turned into an identifier: Port's identifiers are strings, and a silent conversion would hide a
 *   mapping mistake.
 * - title and icon take a string or null; team and jq relations a string, a list of strings or null;
 *   properties any JSON value. A jq error or a value of another kind (a numeric title included, for
 *   the same reason) becomes null with an issue, and the entity is still produced.
 * - A search-query relation (`{searchQuery}` in the config) is passed through as written.
 * - `itemsToParse` must yield an array (null or nothing: no entities, no issue); each element is
 *   mapped as the parent item plus one key, `itemsToParseName`, holding it.
 * - Numbers come back through JSON.parse: integers beyond 2^53, which jq 1.8 prints exactly, are
 *   rounded to the nearest double. Lone UTF-16 surrogates in items become U+FFFD.
 *
 * Problems with single items are returned as issues, never thrown; nothing is printed.
 */
export { loadJqEngine, type JqEngine, type JqRunResult } from './jq-engine.js';
export { compileMapper, type CompileMapperOptions } from './compile-mapper.js';
export type { Mapper, MappedEntity, MappingIssue, MapBatchResult } from './mapper.js';
export { checkExpression } from './check-expression.js';
export { isValidPortIdentifier } from './is-valid-port-identifier.js';
export { DEFAULT_BATCH_SIZE, MAX_IDENTIFIER_LENGTH } from './constants.js';
