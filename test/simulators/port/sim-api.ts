import type { IncomingHttpHeaders } from 'node:http';
import type { TestContext } from 'node:test';
import { request } from 'undici';
import { startPortSimulator } from './port-simulator.js';
import type { PortSimulator, PortSimulatorOptions } from './types.js';

/** An answer of the simulator as a test sees it. */
export interface SimAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  // Tests read answers field by field; `any` keeps each assertion free of casts.
  body: any;
}

/** What a call may carry besides method and path. */
export interface CallOptions {
  /** JSON body. */
  body?: unknown;
  /** Body sent as is (takes precedence over `body`). */
  rawBody?: string;
  /** Bearer token; none when absent. */
  token?: string;
  userAgent?: string;
}

/** User-Agent the helpers send unless told otherwise. */
export const TEST_USER_AGENT = 'aws2port-test/0.0.0/sim';

/** One HTTP call to the simulator; `path` starts with `/v1/`. */
export async function call(
  sim: PortSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<SimAnswer> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent ?? TEST_USER_AGENT };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const answer = await request(`${sim.url}${path}`, {
    method: method as 'GET',
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await answer.body.text();
  return { status: answer.statusCode, headers: answer.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A fresh token for the simulator's credentials. */
export async function fetchToken(sim: PortSimulator): Promise<string> {
  const env = sim.env();
  const answer = await call(sim, 'POST', '/v1/auth/access_token', {
    body: { clientId: env['PORT_CLIENT_ID'], clientSecret: env['PORT_CLIENT_SECRET'] },
  });
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
  return answer.body.accessToken as string;
}

/** A client bound to one simulator and token: `api('POST', path, body)`. */
export type Api = (
  method: string,
  path: string,
  body?: unknown,
  options?: Omit<CallOptions, 'body' | 'token'>,
) => Promise<SimAnswer>;

/** Starts a simulator that the test closes when it ends, and an authenticated client for it. */
export async function startWithApi(
  t: TestContext,
  options?: PortSimulatorOptions,
): Promise<{ sim: PortSimulator; api: Api }> {
  const sim = await startPortSimulator(options);
  t.after(() => sim.close());
  const token = await fetchToken(sim);
  const api: Api = (method, path, body, extra) => call(sim, method, path, { ...extra, body, token });
  return { sim, api };
}

/** An awsAccount entity with a valid body. */
export function account(identifier: string, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return { identifier, title: `Account ${identifier}`, properties: { arn: `arn:aws:::${identifier}`, ...properties } };
}

/** A cloudResource entity related to an account. */
export function resource(
  identifier: string,
  accountId: string,
  properties: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    identifier,
    title: identifier,
    properties: { kind: 'AWS::S3::Bucket', ...properties },
    relations: { account: accountId },
  };
}
