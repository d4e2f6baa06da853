import type { AwsError } from './aws-error.js';
import type { AwsService } from './aws-service.js';
import { xmlEscape } from './xml-escape.js';

/** One HTTP answer, ready to write. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CONTENT_TYPES: Readonly<Record<AwsService, string>> = {
  cloudcontrol: 'application/x-amz-json-1.0',
  organizations: 'application/x-amz-json-1.1',
  sqs: 'application/x-amz-json-1.0',
  account: 'application/json',
  sts: 'text/xml',
};

/**
 * SQS error names whose query-compatible code (header `x-amzn-query-error`) differs from the name,
 * as the SDK's SQS model lists them; the SDK maps the code back to the name.
 */
const SQS_QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

/** A successful answer: JSON services get `output` as JSON, STS gets `output` as its XML text. */
export function encodeSuccess(service: AwsService, output: unknown): WireAnswer {
  const body = service === 'sts' ? String(output) : JSON.stringify(output ?? {});
  return { status: 200, headers: { 'content-type': CONTENT_TYPES[service] }, body };
}

/** An error answer in the service's protocol. */
export function encodeError(service: AwsService, error: AwsError, requestId: string): WireAnswer {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[service] };
  if (service === 'sts') {
    const body =
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${error.faultType}</Type>` +
      `<Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: error.status, headers, body };
  }
  if (service === 'sqs') {
    headers['x-amzn-query-error'] = `${SQS_QUERY_CODES[error.code] ?? error.code};${error.faultType}`;
    const body = JSON.stringify({ __type: `com.amazonaws.sqs#${error.code}`, message: error.message });
    return { status: error.status, headers, body };
  }
  headers['x-amzn-errortype'] = error.code;
  return { status: error.status, headers, body: JSON.stringify({ __type: error.code, Message: error.message }) };
}
