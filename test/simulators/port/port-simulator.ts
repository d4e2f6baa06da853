import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BLUEPRINT_ROUTES } from './blueprint-routes.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_TOKEN_TTL_SECONDS,
  MAX_BODY_BYTES,
} from './constants.js';
import { ENTITY_ROUTES } from './entity-routes.js';
import { loadExampleBlueprints } from './example-blueprints.js';
import { parseBlueprint } from './parse-blueprint.js';
import { isPlainObject } from './parse-entity-input.js';
import { invalidRequest, notFound, PortApiError } from './port-api-error.js';
import { PortCatalog } from './port-catalog.js';
import { RateLimiter } from './rate-limiter.js';
import { type RouteAnswer, type RouteSpec, type WriteDraft } from './route-spec.js';
import { portContractChecker, type ContractMatch } from './contract/port-contract.js';
import { TokenRegistry } from './token-registry.js';
import type { ContractRecord, PortFaults, PortSimulator, PortSimulatorOptions, RouteClass, WriteRecord, WriteRoute } from './types.js';

const ROUTES: ReadonlyMap<string, RouteSpec> = new Map([...BLUEPRINT_ROUTES, ...ENTITY_ROUTES].map((spec) => [spec.operation, spec]));
/** The token route, answered before any other check. */
const TOKEN_OPERATION = 'POST /v1/auth/access_token';

/** Error codes of the statuses `nextStatuses` can force; others answer `simulated_fault`. */
const FAULT_CODES: Record<number, string> = {
  401: 'unauthorized',
  408: 'request_timeout',
  413: 'payload_too_large',
  429: 'too_many_requests',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** An answer with the headers it carries. */
interface Reply extends RouteAnswer {
  headers: Record<string, string>;
}

/**
 * Starts a Port API simulator on 127.0.0.1 (a free port). See SPEC.md for the behaviour; the
 * options and the returned handle are documented on their types.
 */
export async function startPortSimulator(options: PortSimulatorOptions = {}): Promise<PortSimulator> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const catalog = new PortCatalog(now, (options.blueprints ?? loadExampleBlueprints()).map(parseBlueprint));
  const tokens = new TokenRegistry(options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, now);
  const limiter = RateLimiter.fromOption(
    options.rateLimits,
    options.rateLimitResetForm ?? 'seconds',
    options.sendRetryAfter ?? true,
    now,
    options.rateLimitModel ?? 'bucket',
    options.rateLimitWindowSeconds,
  );
  const faults: PortFaults = {
    failEntities: new Map(),
    failDeletes: new Map(),
    nextStatuses: [],
    nextTokenStatuses: [],
    latencyMs: 0,
    retryAfterSeconds: 1,
    ...options.faults,
  };
  const writes: WriteRecord[] = [];
  const contractLog: ContractRecord[] = [];
  const contract = portContractChecker();
  for (const operation of ROUTES.keys()) {
    if (!contract.contract.routes.some((route) => route.operation === operation)) throw new Error(`The simulator serves ${operation}, which the contract lacks`);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = request.method ?? 'GET';
    const segments = pathSegments(url.pathname);
    const match = segments?.[0] === 'v1' ? contract.match(method, segments.slice(1)) : undefined;
    const requestProblem = match && contract.requestProblem(match, { query: url.searchParams, body: tryParseJson(body) });
    let reply: Reply;
    if (match?.route.operation === TOKEN_OPERATION) {
      const forced = faults.nextTokenStatuses.shift();
      reply = forced === undefined ? answerToken(requestProblem, body) : refusal(new PortApiError(forced, FAULT_CODES[forced] ?? 'simulated_fault', `Simulated fault: HTTP ${forced}`));
    } else {
      const spec = match && ROUTES.get(match.route.operation);
      const draft: WriteDraft = {};
      reply = answerApi(request, match, spec, requestProblem, url, body, draft);
      const write = spec?.write;
      if (write) writes.push(writeRecord(write, method, match!.params, body, reply.status, draft));
    }
    const answerProblem = match && contract.answerProblem(match.route, reply.status, reply.body);
    contractLog.push({
      method,
      url: request.url ?? '/',
      operation: match?.route.operation,
      status: reply.status,
      ...(requestProblem === undefined ? {} : { requestProblem }),
      ...(answerProblem === undefined ? {} : { answerProblem }),
    });
    send(response, reply);
  }

  /** Refuses a request outside the contract as Port's validator does: 400 for a body that is not JSON, else 422. */
  function checkContract(requestProblem: string | undefined, body: RequestBody): void {
    parseJson(body);
    if (requestProblem !== undefined) throw invalidRequest(requestProblem);
  }

  function answerToken(requestProblem: string | undefined, body: RequestBody): Reply {
    try {
      checkContract(requestProblem, body);
      const credentials = parseJson(body) as { clientId: string; clientSecret: string };
      if (credentials['clientId'] !== clientId || credentials['clientSecret'] !== clientSecret) {
        throw new PortApiError(401, 'invalid_credentials', 'The client id or secret is not valid');
      }
      return { status: 200, headers: {}, body: { ok: true, ...tokens.issue(clientId), tokenType: 'Bearer' } };
    } catch (error) {
      return refusal(error);
    }
  }

  function answerApi(
    request: IncomingMessage,
    match: ContractMatch | undefined,
    spec: RouteSpec | undefined,
    requestProblem: string | undefined,
    url: URL,
    body: RequestBody,
    draft: WriteDraft,
  ): Reply {
    const token = tokens.verify(request.headers.authorization);
    if (!token.isValid) return refusal(new PortApiError(401, 'unauthorized', token.reason));
    if (!match || !spec) return refusal(notFound(`Route ${request.method}:${url.pathname} not found`));
    if (body.isTooLarge) {
      return refusal(new PortApiError(413, 'payload_too_large', `Bodies may be at most ${MAX_BODY_BYTES} bytes`));
    }
    const routeClass = match.route.rateLimitClass as RouteClass;
    const admission = limiter.admit(routeClass);
    if (!admission.isAdmitted) {
      return withHeaders(refusal(new PortApiError(429, 'too_many_requests', 'Rate limit exceeded')), admission.headers);
    }
    const forced = faults.nextStatuses.shift();
    if (forced !== undefined) return forcedFault(forced, routeClass, admission.headers);
    try {
      checkContract(requestProblem, body);
      const answer = spec.handle({
        params: match.params,
        query: url.searchParams,
        rawBody: body.bytes,
        json: () => parseJson(body),
        writer: { clientId: token.clientId, datasource: request.headers['user-agent'] ?? '' },
        catalog,
        faults,
        draft,
      });
      return { ...answer, headers: admission.headers };
    } catch (error) {
      return withHeaders(refusal(error), admission.headers);
    }
  }

  function forcedFault(status: number, routeClass: RouteClass, admitted: Record<string, string>): Reply {
    const code = FAULT_CODES[status] ?? 'simulated_fault';
    const reply = refusal(new PortApiError(status, code, `Simulated fault: HTTP ${status}`));
    return withHeaders(reply, status === 429 ? limiter.faultHeaders(routeClass, faults.retryAfterSeconds) : admitted);
  }

  function writeRecord(
    route: WriteRoute,
    method: string,
    params: Record<string, string>,
    body: RequestBody,
    status: number,
    draft: WriteDraft,
  ): WriteRecord {
    const json = tryParseJson(body);
    const sentBlueprint = isPlainObject(json) && typeof json['identifier'] === 'string' ? json['identifier'] : '';
    return {
      seq: writes.length + 1,
      method,
      route,
      blueprint: params['blueprint_identifier'] ?? params['identifier'] ?? sentBlueprint,
      identifiers: identifiersOf(route, params, json),
      status,
      ...draft,
      at: new Date(now()).toISOString(),
    };
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      // A simulator bug: answer it loudly rather than hang the client.
      if (!response.headersSent) send(response, refusal(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    env: () => ({ PORT_BASE_URL: url, PORT_CLIENT_ID: clientId, PORT_CLIENT_SECRET: clientSecret }),
    entities: (blueprint) => catalog.entities(blueprint).map((entity) => structuredClone(entity)),
    entity: (blueprint, identifier) => {
      const entity = catalog.entity(blueprint, identifier);
      return entity && structuredClone(entity);
    },
    blueprints: () => structuredClone(catalog.blueprints()),
    writes,
    contractLog,
    editEntity: (blueprint, identifier, patch) => catalog.editEntity(blueprint, identifier, patch),
    removeEntity: (blueprint, identifier) => catalog.removeEntity(blueprint, identifier),
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A request body as read: the bytes, or a note that it passed MAX_BODY_BYTES (bytes then empty). */
interface RequestBody {
  bytes: Buffer;
  isTooLarge: boolean;
}

async function readBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return { bytes: Buffer.alloc(0), isTooLarge: true };
  return { bytes: Buffer.concat(chunks), isTooLarge: false };
}

/** The body as JSON; undefined when empty; throws 400 `invalid_json`. */
function parseJson(body: RequestBody): unknown {
  if (body.bytes.length === 0) return undefined;
  try {
    return JSON.parse(body.bytes.toString('utf8')) as unknown;
  } catch {
    throw new PortApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
}

function tryParseJson(body: RequestBody): unknown {
  try {
    return parseJson(body);
  } catch {
    return undefined;
  }
}

/** Decoded path segments; undefined when a segment does not decode. */
function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** The identifiers a write request names, whatever became of it. */
function identifiersOf(route: WriteRoute, params: Record<string, string>, json: unknown): string[] {
  const strings = (values: unknown): string[] =>
    Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
  switch (route) {
    case 'upsert':
      return isPlainObject(json) ? strings([json['identifier']]) : [];
    case 'bulk-upsert': {
      const entities: unknown[] = isPlainObject(json) && Array.isArray(json['entities']) ? json['entities'] : [];
      return strings(entities.map((entity) => (isPlainObject(entity) ? entity['identifier'] : undefined)));
    }
    case 'delete':
      return [params['entity_identifier']!];
    case 'bulk-delete':
      return isPlainObject(json) ? strings(json['entities']) : [];
    case 'blueprint-create':
    case 'blueprint-patch':
    case 'blueprint-replace':
      return [];
  }
}

/** The answer to a refused request; anything but a `PortApiError` is a simulator bug (500). */
function refusal(error: unknown): Reply {
  const apiError =
    error instanceof PortApiError ? error : new PortApiError(500, 'internal_error', `Simulator bug: ${String(error)}`);
  return {
    status: apiError.statusCode,
    headers: {},
    body: { ok: false, error: apiError.code, message: apiError.message },
  };
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  response.end(JSON.stringify(reply.body));
}
