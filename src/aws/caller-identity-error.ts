import { Aws2PortError } from '../errors/index.js';
import { describeAwsError, retryCountOf } from './aws-error.js';
import { classifyAwsError } from './classify-aws-error.js';
import { EXPIRED_TOKEN_ERROR_CODES } from './constants.js';

/**
 * What a user is told when the first AWS call of a run, STS GetCallerIdentity with the default
 * credentials, fails: no credentials (`AwsCredentialsMissing`), credentials that have expired
 * (`AwsCredentialsExpired`), credentials AWS refuses, or AWS out of reach (`AwsRequestFailed`). Each
 * says what to check; none is a bug of ours.
 */
export function callerIdentityError(error: unknown, region: string): Aws2PortError {
  const call = `STS GetCallerIdentity in ${region}`;
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new Aws2PortError('AwsCredentialsMissing', 'No AWS credentials found.', {
      detail:
        'aws2port reads AWS with the standard credential chain: set AWS_PROFILE (a profile of ~/.aws/config, SSO included), ' +
        'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run it where a role is provided (an EC2 instance profile, ' +
        `an ECS task role, EKS IRSA or Pod Identity). The AWS SDK said: ${error.message}`,
      cause: error,
    });
  }
  if (error instanceof Error && EXPIRED_TOKEN_ERROR_CODES.includes(error.name)) {
    return new Aws2PortError('AwsCredentialsExpired', `The AWS credentials have expired (${call}): ${describeAwsError(error)}`, {
      detail:
        'Get new ones and run again: `aws sso login` (with AWS_PROFILE) for an SSO profile, a new session for temporary keys ' +
        '(AWS_SESSION_TOKEN), or whatever issued them (aws-vault, a CI role). `aws sts get-caller-identity` shows when they work again.',
      cause: error,
    });
  }
  if (classifyAwsError(error).errorClass === 'client') {
    return new Aws2PortError('AwsRequestFailed', `AWS refused the credentials (${call}): ${describeAwsError(error)}`, {
      detail: 'Check them with `aws sts get-caller-identity`: they may be wrong, expired (renew the session, or `aws sso login`), or of another partition.',
      cause: error,
    });
  }
  const retries = retryCountOf(error);
  return new Aws2PortError('AwsRequestFailed', `Could not reach AWS (${call}): ${describeAwsError(error)}`, {
    detail: 'Check the network, the proxy (HTTPS_PROXY), and AWS_ENDPOINT_URL if it is set.',
    cause: error,
    ...(retries ? { retries } : {}),
  });
}
