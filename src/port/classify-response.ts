import type { FailureClass } from '../concurrency/index.js';
import type { QuotaHint } from './rate-budget.js';

/** Statuses Port's own client (Ocean) retries after a wait; the retry policy says how often. */
const THROTTLING_STATUSES = [429];
const TRANSIENT_STATUSES = [408, 502, 503, 504];

/**
 * What kind of failure a Port answer is (the retry core sees only this and the wait hint): an HTTP
 * status, or a network error as status 0. 500 and other 5xx are `server`.
 */
export function classifyStatus(status: number): FailureClass {
  if (THROTTLING_STATUSES.includes(status)) return 'throttling';
  if (status === 0 || TRANSIENT_STATUSES.includes(status)) return 'transient';
  if (status >= 500) return 'server';
  return 'client';
}

/**
 * How long Port asks us to wait, in ms, from `Retry-After` or `x-ratelimit-reset`. The reset header is
 * documented both as seconds until the reset and as an epoch time in seconds: a value past 10^9 is
 * taken as epoch seconds. Undefined when the answer gives no hint.
 */
export function waitHintMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headerNumber(headers, 'retry-after');
  if (retryAfter !== undefined) return retryAfter * 1000;
  return resetHintMs(headers, nowMs);
}

/** ms until `x-ratelimit-reset`, read in either documented form (seconds from now, or epoch seconds past 10^9). */
export function resetHintMs(headers: Headers, nowMs: number): number | undefined {
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  if (reset === undefined) return undefined;
  return reset > 1e9 ? Math.max(0, reset * 1000 - nowMs) : reset * 1000;
}

/** What is left of the quota, from `x-ratelimit-remaining` and `-reset`; undefined without the first. */
export function quotaHint(headers: Headers, nowMs: number): QuotaHint | undefined {
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  return remaining === undefined ? undefined : { remaining, resetMs: resetHintMs(headers, nowMs) };
}

/** A header's value as a non-negative number; undefined when absent or not one. */
export function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

type Headers = Record<string, string | string[] | undefined>;
