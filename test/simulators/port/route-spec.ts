import type { PortCatalog, Writer } from './port-catalog.js';
import type { PortFaults, WriteRecord, WriteRoute } from './types.js';

/** What a write handler learned, for its write record; fields stay absent when empty. */
export type WriteDraft = Pick<WriteRecord, 'created' | 'createdRelated' | 'failed' | 'deleted'>;

/** Everything a route handler may use. */
export interface RouteContext {
  /** Path parameters, decoded, by the contract's names (`blueprint_identifier`, `entity_identifier`, `identifier`). */
  params: Record<string, string>;
  query: URLSearchParams;
  rawBody: Buffer;
  /** The body as JSON; throws 400 `invalid_json` when it does not parse. Empty body: undefined. */
  json(): unknown;
  writer: Writer;
  catalog: PortCatalog;
  faults: PortFaults;
  draft: WriteDraft;
}

/** A handler's answer: status and JSON body. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** One route of the API: its operation in the contract, which gives its method, path and parameters. */
export interface RouteSpec {
  /** `METHOD /v1/path/{param}`, exactly as the contract names it. */
  operation: string;
  /** Set for writes: they go into the write log. */
  write?: WriteRoute;
  /** Answers the request; throws `PortApiError` to refuse it. */
  handle(context: RouteContext): RouteAnswer;
}

/** `?name=true` is true; anything else, or absence, is false (Port's defaults for every flag). */
export function flag(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}
