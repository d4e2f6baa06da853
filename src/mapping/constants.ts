/** Items evaluated by one jq call when the caller does not say otherwise (about +80 MB of WASM memory). */
export const DEFAULT_BATCH_SIZE = 1000;

/** Longest excerpt of a jq value quoted in an issue message, in characters. */
export const MAX_VALUE_EXCERPT_LENGTH = 120;

/**
 * Deepest nesting of arrays and objects in an item handed to jq-wasm and in a mapped value. jq-wasm
 * 1.8.2 crashes (a WebAssembly trap) printing values about 700 levels deep; JavaScript's own stack
 * ends some thousands of levels down. 256 is jq 1.6's parsing limit, far beyond any AWS resource.
 */
export const MAX_VALUE_DEPTH = 256;

/** Longest item handed to jq-wasm, in characters of its JSON: WASM memory is 4 GiB at most, for a whole batch. */
export const MAX_ITEM_JSON_LENGTH = 16 << 20;

/** Most characters of JSON handed to one jq-wasm run: a batch is cut shorter when its items are large. */
export const MAX_BATCH_JSON_LENGTH = 64 << 20;

/**
 * How long one jq-wasm run may take, in milliseconds, by default: a batch run that takes longer is
 * stopped and its items run one by one, and an item that takes longer alone is skipped with an error.
 */
export const DEFAULT_JQ_TIME_BUDGET_MS = 10_000;
