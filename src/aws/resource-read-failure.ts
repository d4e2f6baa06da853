import { classifyAwsError } from './classify-aws-error.js';
import {
  ACCESS_DENIED_ERROR_CODES,
  DOWNSTREAM_ACCESS_DENIED_PATTERNS,
  DOWNSTREAM_NOT_FOUND_PATTERNS,
  GENERAL_SERVICE_ERROR_CODE,
  NOT_FOUND_ERROR_CODES,
} from './constants.js';

/**
 * What a failed GetResource of one resource means:
 * - `gone`: the resource does not exist (ResourceNotFoundException, or a GeneralServiceException
 *   wrapping a downstream NotFound, as when it was deleted between List and Get): a deletion.
 * - `denied`: the caller may not read it (AccessDenied, or a GeneralServiceException wrapping one):
 *   the scope cannot be read, and only that scope is skipped.
 * - `item`: any other GeneralServiceException: this one resource could not be read; the others of its
 *   scope are not concerned.
 * - `call`: anything else (throttled past retries, a server or network failure, a refused request):
 *   the call failed as calls do, and the scope with it.
 */
export type ResourceReadFailure = 'gone' | 'denied' | 'item' | 'call';

/** Says what a failed GetResource means (see ResourceReadFailure). A denial wins over a not-found. */
export function resourceReadFailureOf(error: unknown): ResourceReadFailure {
  const name = error instanceof Error ? error.name : '';
  if (NOT_FOUND_ERROR_CODES.includes(name)) return 'gone';
  if (ACCESS_DENIED_ERROR_CODES.includes(name)) return 'denied';
  if (name !== GENERAL_SERVICE_ERROR_CODE || classifyAwsError(error).errorClass !== 'client') return 'call';
  const message = (error as Error).message;
  if (DOWNSTREAM_ACCESS_DENIED_PATTERNS.some((pattern) => pattern.test(message))) return 'denied';
  if (DOWNSTREAM_NOT_FOUND_PATTERNS.some((pattern) => pattern.test(message))) return 'gone';
  return 'item';
}
