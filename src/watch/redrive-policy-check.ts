import { describeAwsError } from '../aws/index.js';
import type { EventQueue } from './event-queue.js';
import type { WatchLogger } from './watch-logger.js';

/**
 * Warns when poison messages would not end in a dead-letter queue: the queue has no redrive policy,
 * or its maxReceiveCount lets --max-receives drop a message before SQS moves it.
 */
export async function warnOnRedrivePolicy(queue: EventQueue, settings: { queueUrl: string; maxReceives: number; log: WatchLogger }): Promise<void> {
  const { log, maxReceives, queueUrl } = settings;
  let policy;
  try {
    policy = await queue.readRedrivePolicy();
  } catch (error) {
    log.log('warn', 'redrive_policy_unknown', `could not read the queue's redrive policy (${describeAwsError(error)}): poison messages are dropped after --max-receives ${maxReceives} unless its dead-letter queue takes them first`, { queue_url: queueUrl });
    return;
  }
  if (!policy) {
    log.log('warn', 'no_dead_letter_queue', `the queue has no redrive policy: a poison message is tried ${maxReceives} times (--max-receives), then logged with its body and deleted. Give the queue a dead-letter queue to keep them.`, { queue_url: queueUrl });
  } else if (!(policy.maxReceiveCount <= maxReceives)) {
    log.log('warn', 'dead_letter_after_max_receives', `the queue moves a message to its dead-letter queue after ${policy.maxReceiveCount} receives, but --max-receives ${maxReceives} drops it first: set --max-receives to at least ${policy.maxReceiveCount}`, {
      queue_url: queueUrl,
      max_receive_count: policy.maxReceiveCount,
      dead_letter_queue: policy.deadLetterTargetArn,
    });
  }
}
