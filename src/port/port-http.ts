import { Agent, request, type Dispatcher } from 'undici';
import { Retrier, STANDARD_RETRY_BUDGET, type RetryBudgetSettings, type RetryPolicy } from '../concurrency/index.js';
import { Aws2PortError, describeRetryCount, type RetryCount } from '../errors/index.js';
import { classifyStatus, quotaHint, waitHintMs } from './classify-response.js';
import { RateBudget, routeClassOf } from './rate-budget.js';
import { defaultRetryPolicy } from './retry-policy.js';

/** Where Port is and who we are. The secret never leaves this module except to Port's token route. */
export interface PortConnection {
  /** e.g. `https://api.port.io`; paths are appended under `/v1`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent on every request; Port records it as the entities' `$datasource`. */
  userAgent: string;
  /** Most connections open at once (keep-alive). */
  connections: number;
  retryPolicy?: RetryPolicy;
  /** What retries of failures other than 429 may spend (the rate budget paces 429s); default: the SDK's standard budget. */
  retryBudget?: RetryBudgetSettings;
  /** Injected for tests: numbers in [0, 1) for the backoff's jitter. */
  random?: () => number;
  /** Injected for tests: sleep for ms. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests: the clock, epoch ms. */
  now?: () => number;
}

/** An answer from Port after retries. */
export interface PortResponse {
  status: number;
  body: unknown;
  /** Requests sent for it, the first included (a 401 answered by a new token does not count), and the ms waited between them. */
  retries: RetryCount;
}

/** A request to Port: method, path under /v1, query and JSON body (a value, or its JSON text made beforehand). */
export interface PortRequest {
  method: Dispatcher.HttpMethod;
  path: string;
  query?: Record<string, string | boolean | number>;
  body?: unknown;
  bodyText?: string;
}

/** Refresh the token this long before Port says it expires. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * HTTP to Port: the access token (fetched on first use, refreshed before it expires and once on a 401),
 * keep-alive connections, a rate per route class learnt from Port's 429s (RateBudget), and retries
 * by failure class as the retry core says (policy and budget), with Port's wait hints.
 * Answers every final status to the caller, who decides per route what a 4xx means.
 */
export class PortHttp {
  private readonly agent: Agent;
  private readonly retrier: Retrier;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly rateBudget: RateBudget;
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;

  constructor(private readonly connection: PortConnection) {
    this.agent = new Agent({ connections: connection.connections, keepAliveTimeout: 30_000 });
    this.retrier = new Retrier(connection.retryPolicy ?? defaultRetryPolicy(), connection.random ?? Math.random, connection.retryBudget ?? STANDARD_RETRY_BUDGET);
    this.sleep = connection.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = connection.now ?? Date.now;
    this.rateBudget = new RateBudget(this.now, this.sleep);
  }

  /** Sends a request, retrying what can be retried; throws only when Port cannot be reached at all. */
  async send(req: PortRequest): Promise<PortResponse> {
    let hasRefreshedToken = false;
    const retries: RetryCount = { attempts: 0, totalDelayMs: 0 };
    const routeClass = routeClassOf(req.method, req.path);
    for (;;) {
      const token = await this.accessToken();
      const permit = await this.rateBudget.acquire(routeClass);
      const answer = await this.once(req, token);
      if (answer.status === 401 && !hasRefreshedToken) {
        this.rateBudget.settle(permit, answer.status, undefined);
        hasRefreshedToken = true;
        this.token = undefined;
        continue;
      }
      retries.attempts++;
      const isFailure = answer.status === 0 || answer.status >= 400;
      const hintMs = waitHintMs(answer.headers, this.now());
      const delayMs = isFailure ? this.retrier.delayBeforeRetry(classifyStatus(answer.status), retries.attempts, hintMs) : undefined;
      // A 429's wait pauses the whole class (the retry waits in acquire, with the requests behind it).
      this.rateBudget.settle(permit, answer.status, answer.status === 429 ? (delayMs ?? hintMs) : undefined, quotaHint(answer.headers, this.now()));
      if (delayMs === undefined) {
        if (answer.status === 0) throw this.unreachable(answer.body, retries);
        if (!isFailure) this.retrier.succeeded();
        return { status: answer.status, body: answer.body, retries };
      }
      if (answer.status !== 429) await this.sleep(delayMs);
      retries.totalDelayMs += delayMs;
    }
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async once(req: PortRequest, token: string | undefined): Promise<{ status: number; body: unknown; headers: Record<string, string | string[] | undefined> }> {
    const url = new URL(`/v1${req.path}`, this.connection.baseUrl);
    for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, String(value));
    try {
      const response = await request(url, {
        method: req.method,
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': this.connection.userAgent,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(req.bodyText !== undefined ? { body: req.bodyText } : req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        headersTimeout: 60_000,
        bodyTimeout: 60_000,
      });
      const text = await response.body.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Port answered something that is not JSON (a proxy's error page): keep the text.
      }
      return { status: response.statusCode, body, headers: response.headers };
    } catch (error) {
      return { status: 0, body: (error as Error).message, headers: {} };
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > this.now()) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  /** Port could not be reached at all (`message`: the network error), after `retries`. */
  private unreachable(message: unknown, retries: RetryCount): Aws2PortError {
    return new Aws2PortError('PortRequestFailed', `Cannot reach Port at ${this.connection.baseUrl}: ${String(message)}`, {
      detail: `Gave up after ${describeRetryCount(retries)}. Check PORT_BASE_URL and the network.`,
      retries,
    });
  }

  private async fetchToken(): Promise<string> {
    const retries: RetryCount = { attempts: 0, totalDelayMs: 0 };
    for (;;) {
      const answer = await this.once({ method: 'POST', path: '/auth/access_token', body: { clientId: this.connection.clientId, clientSecret: this.connection.clientSecret } }, undefined);
      retries.attempts++;
      const body = answer.body as { accessToken?: string; expiresIn?: number } | undefined;
      if (answer.status >= 200 && answer.status < 300 && body?.accessToken) {
        this.retrier.succeeded();
        this.token = { value: body.accessToken, expiresAt: this.now() + (body.expiresIn ?? 3600) * 1000 };
        return body.accessToken;
      }
      const failure = classifyStatus(answer.status);
      const delayMs = this.retrier.delayBeforeRetry(failure, retries.attempts, waitHintMs(answer.headers, this.now()));
      if (delayMs === undefined) {
        if (answer.status === 0) throw this.unreachable(answer.body, retries);
        if (failure !== 'client') {
          throw new Aws2PortError('PortRequestFailed', `Port could not issue an access token (HTTP ${answer.status}, ${describeRetryCount(retries)}).`, {
            detail: 'Port is failing or overloaded: try again later.',
            retries,
          });
        }
        throw new Aws2PortError('PortAuthFailed', `Port refused the credentials (HTTP ${answer.status}).`, {
          detail: 'Check PORT_CLIENT_ID, PORT_CLIENT_SECRET and PORT_BASE_URL (EU: https://api.port.io, US: https://api.us.port.io).',
        });
      }
      await this.sleep(delayMs);
      retries.totalDelayMs += delayMs;
    }
  }
}
