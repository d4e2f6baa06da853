import type { PortCatalog, Writer } from './port-catalog.js';
import type { PortFaults, RouteClass, WriteRecord, WriteRoute } from './types.js';

/** What a write handler learned, for its write record; fields stay absent when empty. */
export type WriteDraft = Pick<WriteRecord, 'created' | 'createdRelated' | 'failed' | 'deleted'>;

/** Everything a route handler may use. */
export interface RouteContext {
  /** Path captures, decoded: `blueprint`, `identifier`. */
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

/** One route of the API under `/v1`. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Segments after `/v1`; `:name` captures one segment. */
  path: string[];
  /** Which rate-limit bucket the route draws from. */
  routeClass: RouteClass;
  /** Set for writes: they go into the write log. */
  write?: WriteRoute;
  /** Answers the request; throws `PortApiError` to refuse it. */
  handle(context: RouteContext): RouteAnswer;
}

/** The route for a method and decoded path segments, with its captures; undefined when none fits. */
export function matchRoute(
  routes: readonly RouteSpec[],
  method: string,
  segments: string[],
): { spec: RouteSpec; params: Record<string, string> } | undefined {
  for (const spec of routes) {
    if (spec.method !== method || spec.path.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const isMatch = spec.path.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i]!;
        return true;
      }
      return part === segments[i];
    });
    if (isMatch) return { spec, params };
  }
  return undefined;
}

/** `?name=true` is true; anything else, or absence, is false (Port's defaults for every flag). */
export function flag(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}
