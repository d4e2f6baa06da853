import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { endpointFor } from '../aws/index.js';
import { MAX_MESSAGES_PER_RECEIVE, RECEIVE_WAIT_SECONDS } from './constants.js';
import type { ReceivedMessage } from './held-message.js';

/** A message SQS would not delete, and why. */
export interface DeleteFailure {
  id: string;
  code: string;
  message: string;
}

/** The queue's redrive policy: where SQS moves a message received more than maxReceiveCount times. */
export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

/** Where the queue is. */
export interface EventQueueOptions {
  queueUrl: string;
  /** The region when the URL does not say (`sqs.REGION.amazonaws.com`): the first region read. */
  fallbackRegion: string;
  env?: NodeJS.ProcessEnv;
  /** Long-poll wait, seconds (default RECEIVE_WAIT_SECONDS). */
  waitSeconds?: number;
}

/**
 * The SQS queue watch consumes: long polls of up to 10 messages, and batched deletes. The client
 * sets `endpoint` whenever one is configured (AWS_ENDPOINT_URL_SQS or AWS_ENDPOINT_URL): without it,
 * the SDK sends each call to the host in the QueueUrl and ignores the override.
 */
export class EventQueue {
  readonly queueUrl: string;
  /** The account that owns the queue (from its URL path `/ACCOUNT/NAME`); empty when the URL does not say. */
  readonly account: string;
  private readonly client: SQSClient;
  private readonly waitSeconds: number;

  constructor(options: EventQueueOptions) {
    this.queueUrl = options.queueUrl;
    this.account = accountOfQueueUrl(options.queueUrl);
    this.waitSeconds = options.waitSeconds ?? RECEIVE_WAIT_SECONDS;
    const endpoint = endpointFor('SQS', options.env ?? process.env);
    this.client = new SQSClient({ region: regionOfQueueUrl(options.queueUrl) ?? options.fallbackRegion, ...(endpoint ? { endpoint } : {}) });
  }

  /** One long poll; resolves early with what is there, or empty when `signal` aborts (stopping). */
  async receive(signal: AbortSignal): Promise<ReceivedMessage[]> {
    try {
      const answer = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: MAX_MESSAGES_PER_RECEIVE,
          WaitTimeSeconds: this.waitSeconds,
          MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
        }),
        { abortSignal: signal },
      );
      return (answer.Messages ?? []).flatMap((m) => {
        if (!m.MessageId || !m.ReceiptHandle) return [];
        const sent = Number(m.Attributes?.SentTimestamp);
        return [{ id: m.MessageId, receiptHandle: m.ReceiptHandle, body: m.Body ?? '', sentAtMs: Number.isFinite(sent) ? sent : undefined, receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1) }];
      });
    } catch (error) {
      if (signal.aborted) return [];
      throw error;
    }
  }

  /** Deletes up to 10 messages in one call; returns those SQS refused. Throws when the call itself fails. */
  async deleteBatch(messages: readonly ReceivedMessage[]): Promise<DeleteFailure[]> {
    const answer = await this.client.send(
      new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.receiptHandle })) }),
    );
    return (answer.Failed ?? []).map((f) => ({ id: messages[Number(f.Id)]?.id ?? String(f.Id), code: f.Code ?? 'Unknown', message: f.Message ?? '' }));
  }

  /** The queue's redrive policy (GetQueueAttributes `RedrivePolicy`); undefined when it has none. Throws when the call fails. */
  async readRedrivePolicy(): Promise<RedrivePolicy | undefined> {
    const answer = await this.client.send(new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['RedrivePolicy'] }));
    const text = answer.Attributes?.RedrivePolicy;
    if (!text) return undefined;
    // SQS writes maxReceiveCount as a number or as a string, as it was set.
    const policy = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    return { deadLetterTargetArn: String(policy.deadLetterTargetArn ?? ''), maxReceiveCount: Number(policy.maxReceiveCount) };
  }

  /** Closes the client's connections. */
  close(): void {
    this.client.destroy();
  }
}

/** `us-east-1` from `https://sqs.us-east-1.amazonaws.com/...` or `https://us-east-1.queue.amazonaws.com/...`. */
function regionOfQueueUrl(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host)?.[1] ?? /^([a-z0-9-]+)\.queue\.amazonaws\.com(\.cn)?$/.exec(host)?.[1];
  } catch {
    return undefined;
  }
}

function accountOfQueueUrl(url: string): string {
  try {
    return /^\/(\d{12})\//.exec(new URL(url).pathname)?.[1] ?? '';
  } catch {
    return '';
  }
}
