/** Items evaluated by one jq call when the caller does not say otherwise (about +80 MB of WASM memory). */
export const DEFAULT_BATCH_SIZE = 1000;

/** Port's longest identifier, in Unicode code points. */
export const MAX_IDENTIFIER_LENGTH = 1000;

/** Longest excerpt of a jq value quoted in an issue message, in characters. */
export const MAX_VALUE_EXCERPT_LENGTH = 120;
