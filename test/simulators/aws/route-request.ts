import type { IncomingHttpHeaders } from 'node:http';
import { AwsError } from './aws-error.js';
import type { AwsService } from './aws-service.js';
import { commonError } from './common-errors.js';
import type { JsonInput } from './simulator-context.js';

/** A call the simulator understood: which service and operation, and its decoded body. */
export type Route =
  | { service: 'sts'; operation: string; input: URLSearchParams }
  | { service: Exclude<AwsService, 'sts'>; operation: string; input: JsonInput };

/** A call the simulator could not route or decode; `service` is the best guess, `unknown` when none. */
export interface RouteFailure {
  service: AwsService | 'unknown';
  operation: string;
  error: AwsError;
}

/** `X-Amz-Target` prefixes of the JSON-protocol services. */
const TARGET_PREFIXES: ReadonlyArray<readonly [string, Exclude<AwsService, 'sts' | 'account'>]> = [
  ['CloudApiService.', 'cloudcontrol'],
  ['AWSOrganizationsV20161128.', 'organizations'],
  ['AmazonSQS.', 'sqs'],
];

/** Paths of the Account service's REST-JSON operations that the simulator answers. */
const ACCOUNT_OPERATIONS: Readonly<Record<string, string>> = { '/listRegions': 'ListRegions' };

const STS_VERSION = '2011-06-15';

/**
 * Works out the service and operation of a call from its target header, path or form body (see
 * the reference "AWS on the wire"), and decodes its body.
 */
export function routeRequest(method: string, path: string, headers: IncomingHttpHeaders, body: string): Route | RouteFailure {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    const match = TARGET_PREFIXES.find(([prefix]) => target.startsWith(prefix));
    if (!match) return { service: 'unknown', operation: target, error: commonError('unknownOperation', 'cloudcontrol') };
    const [prefix, service] = match;
    return jsonRoute(service, target.slice(prefix.length), body);
  }
  const pathname = path.split('?')[0] ?? '/';
  if (pathname !== '/') {
    const operation = Object.hasOwn(ACCOUNT_OPERATIONS, pathname) ? ACCOUNT_OPERATIONS[pathname] : undefined;
    if (method !== 'POST' || operation === undefined) return { service: 'account', operation: pathname, error: commonError('unknownOperation', 'account') };
    return jsonRoute('account', operation, body);
  }
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (action !== null) {
    if (form.get('Version') !== STS_VERSION) return { service: 'sts', operation: action, error: commonError('unknownOperation', 'sts') };
    return { service: 'sts', operation: action, input: form };
  }
  return { service: 'unknown', operation: '', error: commonError('unknownOperation', 'cloudcontrol') };
}

function jsonRoute(service: Exclude<AwsService, 'sts'>, operation: string, body: string): Route | RouteFailure {
  try {
    const input: unknown = body.trim() === '' ? {} : JSON.parse(body);
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { service, operation, input: input as JsonInput };
  } catch {
    // answered below, like any body that is not a JSON object
  }
  return { service, operation, error: new AwsError('SerializationException', 'The request body is not a JSON object.', 400) };
}

/** Whether a routed call is a failure to answer as such. */
export function isRouteFailure(route: Route | RouteFailure): route is RouteFailure {
  return 'error' in route;
}
