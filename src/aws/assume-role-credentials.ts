import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { makeStsClient } from './aws-clients.js';
import { describeAwsError } from './aws-error.js';
import type { CallScheduler } from './call-scheduler.js';
import { CREDENTIAL_DEADLINE_SHARE, CREDENTIAL_DEADLINE_WINDOW_MS, CREDENTIAL_REFRESH_SHARE, CREDENTIAL_REFRESH_WINDOW_MS, ROLE_SESSION_NAME } from './constants.js';

/** How AssumeRole is called: through a scheduler (one attempt per send), or with the SDK's retries. */
export interface AssumeRoleOptions {
  scheduler?: CallScheduler;
  /** The account whose credentials call AssumeRole, naming the scheduler lane; default `caller`. */
  callerAccount?: string;
  /** The STS client to call AssumeRole with (one can serve every role); default: one of its own. */
  sts?: STSClient;
}

/** Thrown (as the cause of a failed AWS call) when a role cannot be assumed: the reason is in the message. */
export class AssumeRoleFailed extends Error {
  override readonly name = 'AssumeRoleFailed';
}

/**
 * Credentials of an assumed role, cached and replaced before they expire. When less than 5 minutes
 * (for short sessions, half the session) is left, a new session is assumed in the background while
 * the current credentials are still handed out; when less than 1 minute (a tenth) is left, callers
 * wait for the new ones. Concurrent callers share one AssumeRole.
 * `ExternalId` is sent when given. The STS client honours `AWS_ENDPOINT_URL_STS` (fromTemporaryCredentials
 * would not). A failure rejects with AssumeRoleFailed naming the role and the reason, never credentials.
 */
export function assumeRoleCredentials(roleArn: string, externalId: string | undefined, region: string, options: AssumeRoleOptions = {}): AwsCredentialIdentityProvider {
  const sts = options.sts ?? makeStsClient(region, options.scheduler ? 'scheduler' : 'sdk');
  const lane = { account: options.callerAccount ?? 'caller', region, service: 'sts' as const };
  const command = () => new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME, ...(externalId ? { ExternalId: externalId } : {}) });
  let cached: { identity: AwsCredentialIdentity; refreshAtMs: number; deadlineMs: number } | undefined;
  let refreshing: Promise<AwsCredentialIdentity> | undefined;

  const assume = async (): Promise<AwsCredentialIdentity> => {
    let answer;
    try {
      answer = options.scheduler ? await options.scheduler.call(lane, () => sts.send(command())) : await sts.send(command());
    } catch (error) {
      throw new AssumeRoleFailed(`cannot assume ${roleArn}: ${describeAwsError(error)}`, { cause: error });
    }
    const credentials = answer.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new AssumeRoleFailed(`cannot assume ${roleArn}: STS answered no credentials`);
    const expiration = credentials.Expiration;
    const identity: AwsCredentialIdentity = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
      ...(expiration ? { expiration } : {}),
    };
    const expiresAtMs = expiration ? expiration.getTime() : Infinity;
    const lifetimeMs = expiresAtMs - Date.now();
    cached = {
      identity,
      refreshAtMs: expiresAtMs - Math.min(CREDENTIAL_REFRESH_WINDOW_MS, lifetimeMs * CREDENTIAL_REFRESH_SHARE),
      deadlineMs: expiresAtMs - Math.min(CREDENTIAL_DEADLINE_WINDOW_MS, lifetimeMs * CREDENTIAL_DEADLINE_SHARE),
    };
    return identity;
  };
  const refresh = (): Promise<AwsCredentialIdentity> =>
    (refreshing ??= assume().finally(() => {
      refreshing = undefined;
    }));

  return async () => {
    const now = Date.now();
    if (cached && now < cached.refreshAtMs) return cached.identity;
    if (cached && now < cached.deadlineMs) {
      // a failure here is met again, and thrown, by the caller that finds the deadline passed
      refresh().catch(() => undefined);
      return cached.identity;
    }
    return refresh();
  };
}
