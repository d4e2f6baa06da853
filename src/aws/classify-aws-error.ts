import type { FailureClass } from '../concurrency/index.js';
import { SERVER_ERROR_CODES, SERVER_ERROR_STATUSES, THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES } from './constants.js';

/**
 * A failure, classified once, which is all the retry core and the rate limiter see: `throttling` (slow
 * down and retry), `transient` (a timeout, a reset, credentials expired in flight: retry), `server`
 * (the service failed: retry), `client` (the request itself is refused: AccessDenied, TypeNotFound,
 * invalid credentials, validation, Cloud Control's GeneralServiceException; never retried).
 */
export interface ClassifiedError {
  errorClass: FailureClass;
  /** The AWS error name (`ThrottlingException`) or Node error code (`ECONNRESET`). */
  code: string;
  /** The server's Retry-After hint, in milliseconds, when it sent one. */
  retryAfterMs?: number;
}

/** The fields of an SDK service exception (and of Node network errors) that classification reads. */
interface ErrorShape {
  name?: unknown;
  code?: unknown;
  /** The SDK model's fault of a modelled exception; for others the SDK derives it from the status. */
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
  $response?: { headers?: Record<string, string | undefined> };
}

/**
 * Classifies any error thrown by an SDK call (see ClassifiedError). A service exception is a server error
 * when its `$fault` says so, which for modelled exceptions is the service model's word whatever the
 * HTTP status (Cloud Control's handler faults are `server`, its GeneralServiceException `client`);
 * the status decides only for errors that carry no fault (network errors, hand-made ones).
 */
export function classifyAwsError(error: unknown): ClassifiedError {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const nodeCode = typeof shape.code === 'string' ? shape.code : undefined;
  const code = name === 'Error' && nodeCode ? nodeCode : name;
  const status = shape.$metadata?.httpStatusCode;
  const retryAfterMs = retryAfterOf(shape.$response?.headers);
  const classified = (errorClass: FailureClass): ClassifiedError => ({ errorClass, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  if (THROTTLING_ERROR_CODES.includes(code) || status === 429 || shape.$retryable?.throttling === true) return classified('throttling');
  if (TRANSIENT_ERROR_CODES.includes(code) || (nodeCode !== undefined && TRANSIENT_ERROR_CODES.includes(nodeCode))) return classified('transient');
  const fault = shape.$fault === 'server' || shape.$fault === 'client' ? shape.$fault : undefined;
  const isServerStatus = status !== undefined && SERVER_ERROR_STATUSES.includes(status);
  if (SERVER_ERROR_CODES.includes(code) || fault === 'server' || (fault === undefined && isServerStatus)) return classified('server');
  return classified('client');
}

/** `Retry-After` in seconds (the only form AWS sends), as milliseconds. */
function retryAfterOf(headers: Record<string, string | undefined> | undefined): number | undefined {
  const value = headers?.['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
