/** What kind of failure a Port answer is: the retry policy sees only this and the wait hint. */
export type FailureClass = 'throttling' | 'transient' | 'server' | 'client';

/** Statuses worth another try after a wait (Port's own integration retries these). */
const THROTTLING_STATUSES = [429];
const TRANSIENT_STATUSES = [408, 502, 503, 504];
const SERVER_STATUSES = [500];

/** Classifies an HTTP status (or a network error, status 0). */
export function classifyStatus(status: number): FailureClass {
  if (THROTTLING_STATUSES.includes(status)) return 'throttling';
  if (status === 0 || TRANSIENT_STATUSES.includes(status)) return 'transient';
  if (SERVER_STATUSES.includes(status) || status >= 500) return 'server';
  return 'client';
}

/** True for classes that a later attempt can fix. */
export function isRetryable(failure: FailureClass): boolean {
  return failure !== 'client';
}

/**
 * How long Port asks us to wait, in ms, from `Retry-After` or `x-ratelimit-reset`. The reset header is
 * documented both as seconds until the reset and as an epoch time in seconds: a value past 10^9 is
 * taken as epoch seconds. Undefined when the answer gives no hint.
 */
export function waitHintMs(headers: Record<string, string | string[] | undefined>, nowMs: number): number | undefined {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = Number(header('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && header('retry-after') !== undefined) return retryAfter * 1000;
  const resetText = header('x-ratelimit-reset');
  if (resetText === undefined) return undefined;
  const reset = Number(resetText);
  if (!Number.isFinite(reset) || reset < 0) return undefined;
  return reset > 1e9 ? Math.max(0, reset * 1000 - nowMs) : reset * 1000;
}
