/**
 * Errors every stage can raise. An error carries a stable PascalCase code from one registry (tests
 * assert on the code, never on the wording), a one-line message safe to print, and optionally a
 * detail, the subject it concerns (`blueprint/identifier`, `Type account/region`, a file), a cause, and
 * for a remote call that was retried, the attempts and the time waited.
 * `source` says who can fix it: the user (bad input, refused plan) or us (a bug: report it).
 */

import type { RetryCount } from './retry-count.js';

/** Every error code aws2port can print. Add new codes here only. */
export const ERROR_CODES = [
  'ConfigNotFound',
  'ConfigInvalid',
  'BlueprintsFileInvalid',
  'JqCompileFailed',
  'StateLocked',
  'StateUnreadable',
  'StateOfAnotherInstallation',
  'PlanFileInvalid',
  'PlanStale',
  'PlanWritesForeignEntities',
  'ConfirmationDeclined',
  'ConfirmationUnavailable',
  'DeletionThresholdExceeded',
  'PortAuthFailed',
  'PortRequestFailed',
  'AwsCredentialsMissing',
  'AwsCredentialsExpired',
  'AwsRequestFailed',
  'ApplyIncomplete',
  'InvalidArgument',
  'Internal',
  'InputUnreadable',
  'InputInvalid',
  'ChildKindNeedsParent',
  'ResourceModelFailed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Aws2PortErrorOptions {
  detail?: string;
  subject?: string;
  source?: 'user' | 'internal';
  cause?: unknown;
  /** How hard the remote call was tried, when it was retried before giving up. */
  retries?: RetryCount;
}

export class Aws2PortError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly subject: string | undefined;
  readonly source: 'user' | 'internal';
  readonly retries: RetryCount | undefined;

  constructor(code: ErrorCode, message: string, options: Aws2PortErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Aws2PortError';
    this.code = code;
    this.detail = options.detail;
    this.subject = options.subject;
    this.source = options.source ?? 'user';
    this.retries = options.retries;
  }
}

/** True for an Aws2PortError with the given code (or any code when none is given). */
export function isAws2PortError(value: unknown, code?: ErrorCode): value is Aws2PortError {
  return value instanceof Aws2PortError && (code === undefined || value.code === code);
}
export { fileReadProblem } from './file-read-problem.js';
export { describeRetryCount, type RetryCount } from './retry-count.js';
