import { AccountClient } from '@aws-sdk/client-account';
import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/** The services aws2port calls, by the suffix of their `AWS_ENDPOINT_URL_<SERVICE>` variable. */
export type AwsService = 'CLOUDCONTROL' | 'ORGANIZATIONS' | 'STS' | 'SQS' | 'ACCOUNT';

/**
 * The endpoint override for a service, from `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`;
 * undefined when AWS's own endpoints are to be used. Clients the SDK makes for us (the STS client
 * inside fromTemporaryCredentials, the SQS client that would otherwise follow the QueueUrl's host)
 * need it passed explicitly.
 */
export function endpointFor(service: AwsService, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * Who retries a client's failed calls. `sdk`: the SDK itself (up to SDK_MAX_ATTEMPTS), for callers
 * outside a read (watch). `scheduler`: nobody inside the client (one attempt per send), because the
 * CallScheduler retries, and must see every throttle to slow its lane down.
 */
export type RetryOwner = 'sdk' | 'scheduler';

/** Attempts the SDK makes for each call when it owns the retries. */
const SDK_MAX_ATTEMPTS = 6;

/** How to reach one account: its credentials (undefined: the default chain) and the role behind them. */
export interface AccountAccess {
  accountId: string;
  /** The role assumed to read this account; undefined for the caller's own account. */
  roleArn?: string;
  /** Refreshed before they expire (see assumeRoleCredentials); undefined: the default chain. */
  credentials?: AwsCredentialIdentityProvider;
}

/** Connections that many clients share (keep-alive sockets reused whatever the account or region of the call). */
export interface SharedAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/**
 * A Cloud Control client for one account and region; the SDK retries its calls unless told otherwise.
 * With `agents`, its calls use those connections instead of the client's own pool.
 */
export function makeCloudControlClient(access: AccountAccess, region: string, retries: RetryOwner = 'sdk', agents?: SharedAgents): CloudControlClient {
  const client = new CloudControlClient({
    region,
    ...(agents ? { requestHandler: { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent } } : {}),
    ...retryConfig(retries),
    ...(retries === 'sdk' ? { retryMode: 'adaptive' } : {}),
    ...(access.credentials ? { credentials: access.credentials } : {}),
    ...optionalEndpoint('CLOUDCONTROL'),
  });
  if (retries === 'scheduler') {
    for (const step of MIDDLEWARE_A_SCAN_SKIPS) client.middlewareStack.remove(step);
  }
  return client;
}

/**
 * Steps of the SDK's middleware that a scheduler-owned client does without, for the CPU they cost on
 * every call: the logger step (no logger is set) and the recursion-detection step (a Lambda tracing
 * header; a scan is not a Lambda function's call chain). The retry step stays, making one attempt:
 * the signing step is placed after it.
 */
const MIDDLEWARE_A_SCAN_SKIPS = ['loggerMiddleware', 'recursionDetectionMiddleware'];

/** An Organizations client (Organizations lives in one region per partition). */
export function makeOrganizationsClient(region: string, credentials: AwsCredentialIdentityProvider | undefined, retries: RetryOwner): OrganizationsClient {
  return new OrganizationsClient({ region, ...retryConfig(retries), ...(credentials ? { credentials } : {}), ...optionalEndpoint('ORGANIZATIONS') });
}

/** An STS client with the default credential chain. */
export function makeStsClient(region: string, retries: RetryOwner): STSClient {
  return new STSClient({ region, ...retryConfig(retries), ...optionalEndpoint('STS') });
}

/** An Account client (ListRegions) for one account. */
export function makeAccountClient(region: string, credentials: AwsCredentialIdentityProvider | undefined, retries: RetryOwner): AccountClient {
  return new AccountClient({ region, ...retryConfig(retries), ...(credentials ? { credentials } : {}), ...optionalEndpoint('ACCOUNT') });
}

function retryConfig(retries: RetryOwner): { maxAttempts: number } {
  return { maxAttempts: retries === 'sdk' ? SDK_MAX_ATTEMPTS : 1 };
}

function optionalEndpoint(service: AwsService): { endpoint?: string } {
  const endpoint = endpointFor(service);
  return endpoint ? { endpoint } : {};
}
