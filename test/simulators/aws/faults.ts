import type { AwsService } from './aws-service.js';

/** Cloud Control calls answered AccessDeniedException (403); an absent field matches anything. */
export interface DenyRule {
  account?: string;
  region?: string;
  /** Type name, e.g. `AWS::EC2::Instance`. */
  type?: string;
  /** `ListResources` or `GetResource`. */
  operation?: string;
}

/** A type that does not exist in one region (TypeNotFoundException, 404, on List and Get). */
export interface TypeRegionRule {
  type: string;
  region: string;
}

/**
 * One resource whose GetResource fails as Cloud Control answers a handler's failure: a
 * GeneralServiceException wrapping a downstream `notFound` (deleted between List and Get),
 * `accessDenied` or `other` error, or a handler fault (`HandlerInternalFailureException`,
 * `NetworkFailureException`, `ServiceInternalErrorException`).
 */
export interface GetResourceErrorRule {
  type: string;
  identifier: string;
  /** Only in this region; absent: in every region. */
  region?: string;
  error: GetResourceError;
}

/** The failures GetResourceErrorRule injects. */
export type GetResourceError = 'notFound' | 'accessDenied' | 'other' | 'HandlerInternalFailureException' | 'NetworkFailureException' | 'ServiceInternalErrorException';

/** A token bucket per (account, region, API operation); an empty bucket answers a throttling error. */
export interface ThrottleSetting {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: the calls allowed at once after a quiet spell. */
  burst: number;
  /**
   * What one bucket covers: `operation` (default) one per (service, account, region, operation);
   * `region` one per (service, account, region) shared by all its operations, a call limit per
   * account and region as benchmarks of a whole read need.
   */
  per?: 'operation' | 'region';
}

/**
 * Failures the simulator injects. All default off. The simulator reads this object on every call,
 * so a test may change any field at any time.
 */
export interface AwsFaults {
  deny: DenyRule[];
  typeNotFound: TypeRegionRule[];
  /** Resources whose GetResource fails (see GetResourceErrorRule). */
  getResourceErrors: GetResourceErrorRule[];
  /** Types whose ListResources answers UnsupportedActionException (405). */
  unsupportedAction: string[];
  /** Null: no rate limit. */
  throttle: ThrottleSetting | null;
  /** Share (0..1) of calls answered with a throttling error regardless of the bucket (seeded random). */
  throttleShare: number;
  /** Share (0..1) of calls answered 500 InternalFailure (seeded random). */
  serverErrorShare: number;
  /** The services that `throttle`, `throttleShare` and `serverErrorShare` hit; empty: every service. */
  loadFaultServices: AwsService[];
  /** Milliseconds added before every answer, except SQS long polls (ReceiveMessage with WaitTimeSeconds > 0). */
  latencyMs: number;
  /** Spread of `latencyMs` as a share (0..1): each answer waits latencyMs x (1 +- latencyJitter), uniformly (seeded random). */
  latencyJitter: number;
  /** Accounts into which AssumeRole is refused with AccessDenied. */
  assumeRoleDenied: string[];
  /** Caps the lifetime of credentials AssumeRole issues (seconds, fractions allowed); null: as asked (default 3600). */
  credentialLifetimeSeconds: number | null;
  /** GetResource of a global-type resource (S3 bucket) from a region other than its own answers InvalidRequestException. */
  s3GetOtherRegionFails: boolean;
  /** Test-only: SQS answers carry a wrong MD5 of the message body, which the SDK must reject. */
  corruptMd5: boolean;
}

/** Faults all off. */
export function noFaults(): AwsFaults {
  return {
    deny: [],
    typeNotFound: [],
    getResourceErrors: [],
    unsupportedAction: [],
    throttle: null,
    throttleShare: 0,
    serverErrorShare: 0,
    loadFaultServices: [],
    latencyMs: 0,
    latencyJitter: 0,
    assumeRoleDenied: [],
    credentialLifetimeSeconds: null,
    s3GetOtherRegionFails: false,
    corruptMd5: false,
  };
}
