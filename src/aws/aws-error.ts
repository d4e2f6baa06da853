import { describeRetryCount, isAws2PortError, type RetryCount } from '../errors/index.js';
import type { AttemptRecord } from './call-scheduler.js';

/**
 * The one line that names an AWS failure in plans and logs: `AccessDeniedException: User ... is not
 * authorized`, with `(after 10 attempts over 12.3 s)` when it was retried. Never includes credentials
 * (AWS messages name principals, not keys). An aws2port error (a ResourceModel that could not be made)
 * is named by its code.
 */
export function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const name = isAws2PortError(error) ? error.code : error.name && error.name !== 'Error' ? error.name : ((error as { code?: unknown }).code as string | undefined) ?? 'Error';
  const message = error.message.split('\n')[0] ?? '';
  const text = message && message !== name ? `${name}: ${message}` : name;
  const retries = retryCountOf(error);
  if (!retries || retries.attempts < 2) return text;
  return `${text} (after ${describeRetryCount(retries)})`;
}

/** How hard a failed AWS call was tried, where the scheduler recorded it (the SDK's `$metadata`). */
export function retryCountOf(error: unknown): RetryCount | undefined {
  const record = (error as { $metadata?: AttemptRecord } | undefined)?.$metadata;
  return record?.attempts ? { attempts: record.attempts, totalDelayMs: record.totalRetryDelay ?? 0 } : undefined;
}

/** The AWS error name (`__type` without namespace), or undefined for non-AWS errors. */
export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
