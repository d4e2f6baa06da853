import { createHash } from 'node:crypto';
import { AwsError } from './aws-error.js';
import { commonError } from './common-errors.js';
import { readFields, type FieldReader } from './read-fields.js';
import type { JsonInput, ServiceCall } from './simulator-context.js';
import type { QueuedMessage, SqsQueue } from './sqs-queue.js';

const MAX_VISIBILITY_SECONDS = 43200;
const SYSTEM_ATTRIBUTES = ['ApproximateReceiveCount', 'SentTimestamp', 'ApproximateFirstReceiveTimestamp'] as const;
const QUEUE_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'VisibilityTimeout',
  'QueueArn',
  'RedrivePolicy',
] as const;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterValue', message, 400);
const invalidHandle = (handle: string): AwsError => new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 404);

type Operation = (call: ServiceCall<JsonInput>, fields: FieldReader, queue: SqsQueue) => unknown;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  SendMessage: sendMessage,
  ReceiveMessage: receiveMessage,
  DeleteMessage: (_call, fields, queue) => {
    deleteMessage(queue, fields.requiredString('ReceiptHandle'));
    return {};
  },
  DeleteMessageBatch: (call, _fields, queue) => deleteMessageBatch(call, queue),
  ChangeMessageVisibility: changeMessageVisibility,
  GetQueueAttributes: getQueueAttributes,
};

/** Amazon SQS (`AmazonSQS.*`, JSON protocol in query-compatible mode) over the queues made through the JS API. */
export async function sqs(call: ServiceCall<JsonInput>): Promise<unknown> {
  const operation = Object.hasOwn(OPERATIONS, call.operation) ? OPERATIONS[call.operation] : undefined;
  if (!operation) throw commonError('unknownOperation', 'sqs');
  const fields = readFields(call.input, invalidParameter);
  const queue = call.ctx.queues.byUrl(fields.requiredString('QueueUrl'));
  if (!queue) throw new AwsError('QueueDoesNotExist', 'The specified queue does not exist.', 400);
  return operation(call, fields, queue);
}

function sendMessage({ ctx }: ServiceCall<JsonInput>, fields: FieldReader, queue: SqsQueue): unknown {
  const body = fields.requiredString('MessageBody');
  const message = queue.add(body, ctx.nowMs(), fields.integer('DelaySeconds', 0, 900));
  return { MessageId: message.id, MD5OfMessageBody: answeredMd5(message, ctx.faults.corruptMd5) };
}

/** Receives at once, or long-polls up to WaitTimeSeconds and answers as soon as a message is visible. */
async function receiveMessage(call: ServiceCall<JsonInput>, fields: FieldReader, queue: SqsQueue): Promise<unknown> {
  const { ctx, signal } = call;
  const max = fields.integer('MaxNumberOfMessages', 1, 10) ?? 1;
  const waitSeconds = fields.integer('WaitTimeSeconds', 0, 20) ?? 0;
  const visibility = fields.integer('VisibilityTimeout', 0, MAX_VISIBILITY_SECONDS) ?? queue.settings.visibilityTimeoutSeconds;
  const asked = [...fields.strings('MessageSystemAttributeNames'), ...fields.strings('AttributeNames')];
  const attributes = asked.includes('All') ? [...SYSTEM_ATTRIBUTES] : SYSTEM_ATTRIBUTES.filter((name) => asked.includes(name));
  const deadlineMs = ctx.nowMs() + waitSeconds * 1000;
  for (;;) {
    const messages = queue.receive(max, visibility, ctx.nowMs());
    if (messages.length > 0) {
      return { Messages: messages.map((m) => wireMessage(m, attributes, ctx.faults.corruptMd5)) };
    }
    const leftMs = deadlineMs - ctx.nowMs();
    if (leftMs <= 0 || signal.aborted) return {};
    await queue.waitForChange(leftMs, ctx.nowMs(), signal);
  }
}

function deleteMessage(queue: SqsQueue, handle: string): void {
  if (queue.standing(handle) === 'invalid') throw invalidHandle(handle);
  // An outdated handle (the message was received again since) succeeds without deleting, as in AWS.
  queue.delete(handle);
}

function deleteMessageBatch(call: ServiceCall<JsonInput>, queue: SqsQueue): unknown {
  const entries = call.input.Entries;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new AwsError('EmptyBatchRequest', 'There should be at least one DeleteMessageBatchRequestEntry in the request.', 400);
  }
  if (entries.length > 10) throw new AwsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${entries.length}.`, 400);
  const parsed = entries.map((entry: unknown) => {
    const { Id, ReceiptHandle } = (entry ?? {}) as { Id?: unknown; ReceiptHandle?: unknown };
    if (typeof Id !== 'string' || !BATCH_ENTRY_ID.test(Id)) throw new AwsError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores.', 400);
    if (typeof ReceiptHandle !== 'string') throw invalidParameter('ReceiptHandle is required');
    return { Id, ReceiptHandle };
  });
  if (new Set(parsed.map((e) => e.Id)).size !== parsed.length) {
    throw new AwsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.', 400);
  }
  const successful: Array<{ Id: string }> = [];
  const failed: Array<{ Id: string; SenderFault: boolean; Code: string; Message: string }> = [];
  for (const entry of parsed) {
    try {
      deleteMessage(queue, entry.ReceiptHandle);
      successful.push({ Id: entry.Id });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      failed.push({ Id: entry.Id, SenderFault: true, Code: error.code, Message: error.message });
    }
  }
  return { Successful: successful, Failed: failed };
}

function changeMessageVisibility({ ctx }: ServiceCall<JsonInput>, fields: FieldReader, queue: SqsQueue): unknown {
  const handle = fields.requiredString('ReceiptHandle');
  const seconds = fields.integer('VisibilityTimeout', 0, MAX_VISIBILITY_SECONDS);
  if (seconds === undefined) throw invalidParameter('VisibilityTimeout is required');
  if (queue.standing(handle) !== 'current') throw invalidHandle(handle);
  if (!queue.isInFlight(handle, ctx.nowMs())) throw new AwsError('MessageNotInflight', 'The message referred to is not in flight.', 400);
  queue.setVisibility(handle, seconds, ctx.nowMs());
  return {};
}

function getQueueAttributes({ ctx, caller }: ServiceCall<JsonInput>, fields: FieldReader, queue: SqsQueue): unknown {
  const asked = fields.strings('AttributeNames');
  const depth = queue.depth(ctx.nowMs());
  const { deadLetter, maxReceiveCount } = queue.settings;
  const arn = (q: SqsQueue): string => `arn:aws:sqs:${caller.region}:${q.settings.account}:${q.settings.name}`;
  const all: Partial<Record<(typeof QUEUE_ATTRIBUTES)[number], string>> = {
    ApproximateNumberOfMessages: String(depth.visible),
    ApproximateNumberOfMessagesNotVisible: String(depth.inFlight),
    ApproximateNumberOfMessagesDelayed: String(depth.delayed),
    VisibilityTimeout: String(queue.settings.visibilityTimeoutSeconds),
    QueueArn: arn(queue),
    ...(deadLetter ? { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn(deadLetter), maxReceiveCount }) } : {}),
  };
  const chosen = Object.entries(all).filter(([key]) => asked.includes('All') || asked.includes(key));
  return chosen.length === 0 ? {} : { Attributes: Object.fromEntries(chosen) };
}

function wireMessage(message: QueuedMessage, attributes: readonly string[], corruptMd5: boolean): Record<string, unknown> {
  const values: Record<string, string | undefined> = {
    ApproximateReceiveCount: String(message.receiveCount),
    SentTimestamp: String(message.sentAtMs),
    ApproximateFirstReceiveTimestamp: message.firstReceiveAtMs === undefined ? undefined : String(message.firstReceiveAtMs),
  };
  const chosen = attributes.flatMap((name) => (values[name] === undefined ? [] : [[name, values[name]]]));
  return {
    MessageId: message.id,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: answeredMd5(message, corruptMd5),
    Body: message.body,
    ...(chosen.length === 0 ? {} : { Attributes: Object.fromEntries(chosen) }),
  };
}

/** The body's MD5, or (fault `corruptMd5`) a well-formed wrong one. */
function answeredMd5(message: QueuedMessage, corrupt: boolean): string {
  return corrupt ? createHash('md5').update(`${message.body}\u0000corrupt`).digest('hex') : message.md5;
}
