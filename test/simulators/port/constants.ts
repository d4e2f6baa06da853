import type { RateLimitTable } from './types.js';

/** Client id the simulator accepts unless told otherwise. */
export const DEFAULT_CLIENT_ID = 'sim-client-id';

/** Client secret the simulator accepts unless told otherwise. */
export const DEFAULT_CLIENT_SECRET = 'sim-client-secret';

/** Lifetime of an access token, in seconds (Port: about 3 hours). */
export const DEFAULT_TOKEN_TTL_SECONDS = 10_800;

/** Who `$updatedBy` names after an out-of-band edit. */
export const UI_USER = 'sim-ui-user';

/** Port's entity identifier rule. */
export const IDENTIFIER_PATTERN = /^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/='-]+$/u;

/** Longest identifier Port accepts, in UTF-16 code units (JavaScript's `length`). */
export const MAX_IDENTIFIER_LENGTH = 1000;

/** Largest bulk upsert body, in bytes (1 MiB). */
export const MAX_BULK_BYTES = 1024 * 1024;

/** Largest body any route reads, in bytes; past it the answer is 413 without parsing. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Smallest search page. */
export const SEARCH_LIMIT_MIN = 1;

/** Largest search page. */
export const SEARCH_LIMIT_MAX = 1000;

/** Search page size when the body gives no `limit`. */
export const SEARCH_LIMIT_DEFAULT = 200;

/** Length of Port's rate-limit window, in seconds. */
export const RATE_LIMIT_WINDOW_SECONDS = 300;

/** Port's published limits per organization, per 5-minute window. */
export const PORT_RATE_LIMITS: RateLimitTable = {
  entities: { limit: 35_000, burst: 3_500 },
  bulkUpsert: { limit: 35_000, burst: 3_500 },
  singleUpsert: { limit: 10_000, burst: 200 },
  search: { limit: 35_000, burst: 3_500 },
  blueprints: { limit: 15_000, burst: 1_500 },
  other: { limit: 15_000, burst: 1_500 },
};
