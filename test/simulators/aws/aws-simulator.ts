import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountService } from './account-regions.js';
import { AwsError } from './aws-error.js';
import type { AwsService } from './aws-service.js';
import { cloudControl } from './cloud-control.js';
import { commonError } from './common-errors.js';
import { defaultAccountId, typeBehaviour, type Estate, type EstateResource } from './estate.js';
import { EstateIndex } from './estate-index.js';
import { noFaults, type AwsFaults } from './faults.js';
import { identifyCaller, readSignatureScope, type Caller } from './identify-caller.js';
import { LoadFaults } from './load-faults.js';
import { organizations } from './organizations.js';
import { Pager } from './pager.js';
import { isRouteFailure, routeRequest, type Route, type RouteFailure } from './route-request.js';
import { seededRandom } from './seeded-random.js';
import { SessionStore } from './session-store.js';
import type { SimulatorContext } from './simulator-context.js';
import { sqs } from './sqs.js';
import type { QueueDepth } from './sqs-queue.js';
import { SqsQueues, type CreateQueueOptions } from './sqs-queues.js';
import { sts } from './sts.js';
import { encodeError, encodeSuccess, type WireAnswer } from './wire-protocol.js';

/** How to start a simulator. */
export interface AwsSimulatorOptions {
  /** What it serves; kept by reference (the simulator's `estate` is this object). */
  estate: Estate;
  /** Cloud Control ListResources page size (default 5; MaxResults is ignored, as in AWS). */
  pageSize?: number;
  /** Every this-many-th page of a listing is empty but has a NextToken (default 3; 0: never; 1 is refused). */
  emptyPageEvery?: number;
  /** Organizations ListAccounts page size, an upper bound to MaxResults (default 5). */
  organizationsPageSize?: number;
  /** Seed of every random choice: fault shares, key ids, message ids (default 1). */
  seed?: number;
  /** Faults on from the start; the rest are off. */
  faults?: Partial<AwsFaults>;
}

/** One call the simulator answered. */
export interface CallRecord {
  service: AwsService | 'unknown';
  /** E.g. `ListResources`, `AssumeRole`. */
  operation: string;
  /** Undefined when the caller could not be identified. */
  account?: string;
  /** The region of the signature's credential scope; undefined when unsigned. */
  region?: string;
  /** Cloud Control calls only. */
  typeName?: string;
  /** HTTP status answered. */
  status: number;
  /** Error name answered, when the status is not 200. */
  errorCode?: string;
  /** Epoch milliseconds when the call arrived. */
  at: number;
}

/** A running simulator of the AWS APIs aws2port calls, on 127.0.0.1. */
export interface AwsSimulator {
  /** `http://127.0.0.1:PORT`: the endpoint to give every SDK client. */
  readonly url: string;
  /**
   * Environment for a child process calling as `account` (default: the management account, else the
   * first) in `region` (default: the first estate region): AWS_ENDPOINT_URL, static keys
   * (`AKIA<account>TEST`), AWS_REGION, AWS_EC2_METADATA_DISABLED.
   */
  env(account?: string, region?: string): Record<string, string>;
  /** The same identity as SDK client options: `{ endpoint, region, credentials }`. */
  clientConfig(account?: string, region?: string): SimulatorClientConfig;
  /** The live estate; it may be edited or replaced (see `estateChanged`). */
  estate: Estate;
  /** Adds a resource, or replaces the one with the same type, account, identifier (and region, unless the type is global). */
  putResource(resource: EstateResource): void;
  /** Removes the resources with this type, account and identifier (in `region` only, when given); false when there were none. */
  removeResource(type: string, account: string, identifier: string, region?: string): boolean;
  /** Call after replacing elements of `estate.resources` in place or changing their type, account, region or identifier. */
  estateChanged(): void;
  /** The live faults; assign fields (or the whole object) at any time. */
  faults: AwsFaults;
  /** Every call answered, in the order answered. */
  readonly calls: CallRecord[];
  /** Makes an SQS queue and returns its URL `<url>/<account>/<name>`. */
  createQueue(name: string, options?: CreateQueueOptions): string;
  /** Puts a message in a queue as SendMessage would; returns its MessageId. */
  sendMessage(queueUrl: string, body: string): string;
  /** Message counts of a queue now. */
  queueDepth(queueUrl: string): QueueDepth;
  /** Ends pending long polls (they answer with no messages), then stops the server. */
  close(): Promise<void>;
}

/** SDK client options that point a client at the simulator. */
export interface SimulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const SECRET_ACCESS_KEY = 'simulatorSecretAccessKeyNotARealSecret00';
const CLOSE_GRACE_MS = 1000;

/** Starts a simulator on a free port of 127.0.0.1. */
export async function startAwsSimulator(options: AwsSimulatorOptions): Promise<AwsSimulator> {
  const emptyPageEvery = options.emptyPageEvery ?? 3;
  if (emptyPageEvery === 1) throw new Error('emptyPageEvery 1 would make every page empty');
  const seed = options.seed ?? 1;
  let estate = options.estate;
  let faults: AwsFaults = { ...noFaults(), ...options.faults };
  const closing = new AbortController();
  const index = new EstateIndex();
  const random = seededRandom(seed);
  const loadFaults = new LoadFaults(seededRandom(seed + 1));
  const jitterRandom = seededRandom(seed + 2);
  const calls: CallRecord[] = [];
  const inFlight = new Set<Promise<void>>();

  const server = createServer((req, res) => {
    // A client that vanishes mid-request must not crash the simulator: drop its connection instead.
    const handling = handle(req, res)
      .catch(() => {
        res.destroy();
      })
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog, as AWS's endpoints never drop a connection for want of one: Node's default (511) would, under a burst of new connections.
    // A deep backlog, as AWS's endpoints never drop a connection for want of one: Node's default (511) would, under a burst of new connections.
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const queues = new SqsQueues(url, random);
  const ctx: SimulatorContext = {
    get estate() {
      return estate;
    },
    get faults() {
      return faults;
    },
    index,
    pager: new Pager(),
    sessions: new SessionStore(random, Date.now),
    queues,
    cloudControlPages: { pageSize: options.pageSize ?? 5, emptyPageEvery },
    organizationsPages: { pageSize: options.organizationsPageSize ?? 5, emptyPageEvery },
    random,
    nowMs: Date.now,
    closing: closing.signal,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const requestId = randomUUID();
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const signal = AbortSignal.any([gone.signal, closing.signal]);
    const route = routeRequest(req.method ?? 'GET', req.url ?? '/', req.headers, await readBody(req));
    let caller: Caller | undefined;
    let failure: AwsError | undefined;
    let answer: WireAnswer;
    try {
      if (isRouteFailure(route)) throw route.error;
      if (faults.latencyMs > 0 && !isLongPoll(route)) await pause(faults.latencyMs * (1 + faults.latencyJitter * (2 * jitterRandom.next() - 1)), signal);
      caller = identifyCaller(req.headers, route.service, estate, ctx.sessions, Date.now());
      loadFaults.check(faults, route.service, route.operation, caller, Date.now());
      answer = encodeSuccess(route.service, await dispatch(route, caller, requestId, signal));
    } catch (error) {
      const service = route.service === 'unknown' ? 'cloudcontrol' : route.service;
      if (!(error instanceof AwsError)) console.error('AWS simulator: unexpected failure', error);
      failure = error instanceof AwsError ? error : commonError('internal', service);
      answer = encodeError(service, failure, requestId);
    }
    const region = caller?.region ?? readSignatureScope(req.headers)?.region;
    calls.push(callRecord(route, caller?.account, region, answer.status, failure, at));
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...answer.headers, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  function dispatch(route: Route, caller: Caller, requestId: string, signal: AbortSignal): unknown {
    const common = { operation: route.operation, caller, requestId, ctx, signal };
    switch (route.service) {
      case 'sts':
        return sts({ ...common, input: route.input });
      case 'cloudcontrol':
        return cloudControl({ ...common, input: route.input });
      case 'organizations':
        return organizations({ ...common, input: route.input });
      case 'sqs':
        return sqs({ ...common, input: route.input });
      case 'account':
        return accountService({ ...common, input: route.input });
    }
  }

  const queueAt = (queueUrl: string) => {
    const queue = queues.byUrl(queueUrl);
    if (!queue) throw new Error(`no queue at ${queueUrl}`);
    return queue;
  };
  const sameResource = (a: EstateResource, b: EstateResource): boolean =>
    a.type === b.type && a.account === b.account && a.identifier === b.identifier && (a.region === b.region || typeBehaviour(estate, a.type).global === true);

  const clientConfig = (account = defaultAccountId(estate), region = estate.regions[0] ?? 'us-east-1'): SimulatorClientConfig => ({
    endpoint: url,
    region,
    credentials: { accessKeyId: `AKIA${account}TEST`, secretAccessKey: SECRET_ACCESS_KEY },
  });

  return {
    url,
    env(account, region) {
      const config = clientConfig(account, region);
      return {
        AWS_ENDPOINT_URL: url,
        AWS_ACCESS_KEY_ID: config.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: config.credentials.secretAccessKey,
        AWS_REGION: config.region,
        AWS_EC2_METADATA_DISABLED: 'true',
      };
    },
    clientConfig,
    get estate() {
      return estate;
    },
    set estate(value) {
      estate = value;
      index.changed();
    },
    putResource(resource) {
      const at = estate.resources.findIndex((r) => sameResource(r, resource));
      if (at >= 0) estate.resources[at] = resource;
      else estate.resources.push(resource);
      index.changed();
    },
    removeResource(type, account, identifier, region) {
      const before = estate.resources.length;
      estate.resources = estate.resources.filter(
        (r) => !(r.type === type && r.account === account && r.identifier === identifier && (region === undefined || r.region === region)),
      );
      index.changed();
      return estate.resources.length < before;
    },
    estateChanged() {
      index.changed();
    },
    get faults() {
      return faults;
    },
    set faults(value) {
      faults = { ...noFaults(), ...value };
    },
    calls,
    createQueue(name, queueOptions = {}) {
      return queues.create(name, queueOptions.account ?? defaultAccountId(estate), queueOptions).settings.url;
    },
    sendMessage(queueUrl, body) {
      return queueAt(queueUrl).add(body, Date.now()).id;
    },
    queueDepth(queueUrl) {
      return queueAt(queueUrl).depth(Date.now());
    },
    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      const graceOver = new AbortController();
      await Promise.race([Promise.allSettled([...inFlight]), pause(CLOSE_GRACE_MS, graceOver.signal)]);
      graceOver.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function isLongPoll(route: Route): boolean {
  return route.service === 'sqs' && route.operation === 'ReceiveMessage' && Number(route.input.WaitTimeSeconds ?? 0) > 0;
}

function callRecord(route: Route | RouteFailure, account: string | undefined, region: string | undefined, status: number, failure: AwsError | undefined, at: number): CallRecord {
  const typeName = route.service === 'cloudcontrol' && 'input' in route ? route.input.TypeName : undefined;
  return {
    service: route.service,
    operation: route.operation,
    ...(account === undefined ? {} : { account }),
    ...(region === undefined ? {} : { region }),
    ...(typeof typeName === 'string' ? { typeName } : {}),
    status,
    ...(failure ? { errorCode: failure.code } : {}),
    at,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    if (signal.aborted) done();
  });
}
