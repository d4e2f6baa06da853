import { AwsError } from './aws-error.js';
import type { AwsService } from './aws-service.js';

/** Failures every service can answer, each spelled its own way per service. */
export type CommonFailure = 'unrecognizedClient' | 'expiredToken' | 'missingAuthentication' | 'throttled' | 'internal' | 'unknownOperation';

type Spelling = readonly [code: string, status: number];

/** Error name and HTTP status per service, as the real services answer them. */
const SPELLINGS: Readonly<Record<CommonFailure, Readonly<Record<AwsService, Spelling>>>> = {
  unrecognizedClient: {
    cloudcontrol: ['UnrecognizedClientException', 400],
    organizations: ['UnrecognizedClientException', 400],
    account: ['UnrecognizedClientException', 403],
    sqs: ['InvalidClientTokenId', 403],
    sts: ['InvalidClientTokenId', 403],
  },
  expiredToken: {
    cloudcontrol: ['ExpiredTokenException', 400],
    organizations: ['ExpiredTokenException', 400],
    account: ['ExpiredTokenException', 403],
    sqs: ['ExpiredToken', 400],
    sts: ['ExpiredToken', 400],
  },
  missingAuthentication: {
    cloudcontrol: ['MissingAuthenticationTokenException', 403],
    organizations: ['MissingAuthenticationTokenException', 403],
    account: ['MissingAuthenticationTokenException', 403],
    sqs: ['MissingAuthenticationToken', 403],
    sts: ['MissingAuthenticationToken', 403],
  },
  throttled: {
    cloudcontrol: ['ThrottlingException', 400],
    organizations: ['TooManyRequestsException', 400],
    account: ['TooManyRequestsException', 429],
    sqs: ['RequestThrottled', 403],
    sts: ['Throttling', 400],
  },
  internal: {
    cloudcontrol: ['InternalFailure', 500],
    organizations: ['InternalFailure', 500],
    account: ['InternalFailure', 500],
    sqs: ['InternalFailure', 500],
    sts: ['InternalFailure', 500],
  },
  unknownOperation: {
    cloudcontrol: ['UnknownOperationException', 400],
    organizations: ['UnknownOperationException', 400],
    account: ['UnknownOperationException', 404],
    sqs: ['UnsupportedOperation', 400],
    sts: ['InvalidAction', 400],
  },
};

const MESSAGES: Readonly<Record<CommonFailure, string>> = {
  unrecognizedClient: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  missingAuthentication: 'Missing Authentication Token',
  throttled: 'Rate exceeded',
  internal: 'We encountered an internal error. Please try again.',
  unknownOperation: 'The requested operation is not recognized by the service.',
};

/** The error `service` answers for `failure`. */
export function commonError(failure: CommonFailure, service: AwsService): AwsError {
  const [code, status] = SPELLINGS[failure][service];
  return new AwsError(code, MESSAGES[failure], status);
}
