import type { Estate } from './estate.js';
import type { EstateIndex } from './estate-index.js';
import type { AwsFaults } from './faults.js';
import type { Caller } from './identify-caller.js';
import type { PageShape, Pager } from './pager.js';
import type { SeededRandom } from './seeded-random.js';
import type { SessionStore } from './session-store.js';
import type { SqsQueues } from './sqs-queues.js';

/** What every service handler of one simulator shares. */
export interface SimulatorContext {
  /** The current estate (tests may replace or edit it between calls). */
  readonly estate: Estate;
  /** The current faults. */
  readonly faults: AwsFaults;
  readonly index: EstateIndex;
  readonly pager: Pager;
  readonly sessions: SessionStore;
  readonly queues: SqsQueues;
  /** Paging of Cloud Control ListResources. */
  readonly cloudControlPages: PageShape;
  /** Paging of Organizations ListAccounts (an upper bound to MaxResults). */
  readonly organizationsPages: PageShape;
  /** Ids and handles the services make up (seeded). */
  readonly random: SeededRandom;
  /** Epoch milliseconds. */
  nowMs(): number;
  /** Aborted when the simulator closes: long waits must end. */
  readonly closing: AbortSignal;
}

/** One call as a service handler sees it. */
export interface ServiceCall<Input> {
  /** The operation name, e.g. `ListResources`. */
  operation: string;
  input: Input;
  caller: Caller;
  /** Also sent as the `x-amzn-RequestId` header. */
  requestId: string;
  ctx: SimulatorContext;
  /** Aborted when the client goes away or the simulator closes. */
  signal: AbortSignal;
}

/** The body of a JSON-protocol call. */
export type JsonInput = Record<string, unknown>;
