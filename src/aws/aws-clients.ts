import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

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

/** Retries the SDK does on its own for each call (throttling, 5xx, resets), with adaptive pacing. */
const SDK_MAX_ATTEMPTS = 6;

/** How to reach one account: its credentials (undefined: the default chain) and the role behind them. */
export interface AccountAccess {
  accountId: string;
  /** The role assumed to read this account; undefined for the caller's own account. */
  roleArn?: string;
  credentials?: AwsCredentialIdentityProvider;
}

/**
 * Makes credentials that assume a role, refreshed by the SDK before they expire (so a run longer
 * than a role session keeps working).
 */
export function assumeRoleCredentials(roleArn: string, externalId: string | undefined, region: string): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: 'aws2port', ...(externalId ? { ExternalId: externalId } : {}) },
    clientConfig: { region, ...optionalEndpoint('STS') },
  });
}

/** A Cloud Control client for one account and region. */
export function makeCloudControlClient(access: AccountAccess, region: string): CloudControlClient {
  return new CloudControlClient({
    region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    retryMode: 'adaptive',
    ...(access.credentials ? { credentials: access.credentials } : {}),
    ...optionalEndpoint('CLOUDCONTROL'),
  });
}

/** An Organizations client (Organizations lives in one region per partition). */
export function makeOrganizationsClient(region: string, credentials?: AwsCredentialIdentityProvider): OrganizationsClient {
  return new OrganizationsClient({
    region,
    maxAttempts: SDK_MAX_ATTEMPTS,
    ...(credentials ? { credentials } : {}),
    ...optionalEndpoint('ORGANIZATIONS'),
  });
}

/** An STS client with the default credential chain. */
export function makeStsClient(region: string): STSClient {
  return new STSClient({ region, maxAttempts: SDK_MAX_ATTEMPTS, ...optionalEndpoint('STS') });
}

function optionalEndpoint(service: AwsService): { endpoint?: string } {
  const endpoint = endpointFor(service);
  return endpoint ? { endpoint } : {};
}
