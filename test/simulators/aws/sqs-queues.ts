import type { SeededRandom } from './seeded-random.js';
import { SqsQueue } from './sqs-queue.js';

/** How to make a queue through the simulator's JS API. */
export interface CreateQueueOptions {
  /** Default visibility timeout, seconds (default 30). */
  visibilityTimeoutSeconds?: number;
  /** With `deadLetterQueueName`: receives allowed before a message moves to the dead-letter queue. */
  maxReceiveCount?: number;
  /** A queue made earlier in the same account. */
  deadLetterQueueName?: string;
  /** Owning account (default: the management account, else the first). */
  account?: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

/** The queues of one simulator, addressed by URL `<simulator url>/<account>/<name>`. */
export class SqsQueues {
  readonly #queues = new Map<string, SqsQueue>();

  constructor(
    private readonly baseUrl: string,
    /** Makes message ids and receipt handles. */
    private readonly random: SeededRandom,
  ) {}

  /** Makes queue `name` in `account` (or returns the one already there). Throws on a bad name or a missing dead-letter queue. */
  create(name: string, account: string, options: CreateQueueOptions = {}): SqsQueue {
    if (!QUEUE_NAME.test(name)) throw new Error(`invalid queue name '${name}'`);
    const existing = this.#queues.get(`${account}/${name}`);
    if (existing) return existing;
    const deadLetter = options.deadLetterQueueName === undefined ? undefined : this.#queues.get(`${account}/${options.deadLetterQueueName}`);
    if (options.deadLetterQueueName !== undefined && !deadLetter) {
      throw new Error(`dead-letter queue '${options.deadLetterQueueName}' does not exist in account ${account}`);
    }
    const queue = new SqsQueue({
      account,
      name,
      url: `${this.baseUrl}/${account}/${name}`,
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
      ...(options.maxReceiveCount === undefined ? {} : { maxReceiveCount: options.maxReceiveCount }),
      ...(deadLetter ? { deadLetter } : {}),
    }, this.random);
    this.#queues.set(`${account}/${name}`, queue);
    return queue;
  }

  /** The queue a QueueUrl names by its path `/<account>/<name>`, whatever its host; undefined when none. */
  byUrl(queueUrl: string): SqsQueue | undefined {
    let path: string;
    try {
      path = new URL(queueUrl).pathname;
    } catch {
      return undefined;
    }
    return this.#queues.get(path.replace(/^\/+|\/+$/g, ''));
  }
}
