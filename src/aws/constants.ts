/**
 * The data the source stage decides by: AWS error names per class, and the defaults of the call
 * scheduler. Names come from the SDK's own lists (service-error-classification) and from what the
 * services aws2port calls answer (see the reference "AWS on the wire").
 */

/** Error names that mean "too many requests, slow down", whatever the HTTP status. */
export const THROTTLING_ERROR_CODES: readonly string[] = [
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
];

/**
 * Error names and Node error codes of failures that a new attempt may not meet: timeouts, dropped
 * connections, and credentials that expired in flight (the next attempt signs with refreshed ones).
 */
export const TRANSIENT_ERROR_CODES: readonly string[] = [
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ExpiredToken',
  'ExpiredTokenException',
  'ECONNRESET',
  // undici's, for the connections of Cloud Control's wire client
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
];

/** Error names that mean the credentials the call was signed with have expired (STS, SQS: `ExpiredToken`; JSON services: `ExpiredTokenException`). */
export const EXPIRED_TOKEN_ERROR_CODES: readonly string[] = ['ExpiredToken', 'ExpiredTokenException'];

/**
 * Error names of a failing service, retried like any 5xx. Not Cloud Control's GeneralServiceException:
 * its model makes it a client fault, a downstream error wrapped (see resource-read-failure.ts).
 */
export const SERVER_ERROR_CODES: readonly string[] = ['InternalFailure', 'InternalError', 'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException', 'ServiceInternalErrorException'];

/** HTTP statuses of a failing service, for errors that carry no model fault. */
export const SERVER_ERROR_STATUSES: readonly number[] = [500, 502, 503, 504];

/** Error names that mean the resource no longer exists: a deletion, not a failure. */
export const NOT_FOUND_ERROR_CODES: readonly string[] = ['ResourceNotFoundException', 'NotFound'];

/** Error names that mean the caller may not do this (in any service aws2port calls). */
export const ACCESS_DENIED_ERROR_CODES: readonly string[] = ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'];

/**
 * Cloud Control's wrapper of an error its resource handler met downstream (a client fault in the SDK
 * model). Its message is the downstream error's, so the message says what happened.
 */
export const GENERAL_SERVICE_ERROR_CODE = 'GeneralServiceException';

/**
 * How a wrapped downstream error says the resource does not exist: the handlers' "... does not exist"
 * and "... not found" texts, and the downstream SDK's `NotFound` codes and 404 status
 * (`(Service: Ec2, Status Code: 404, ...)`).
 */
export const DOWNSTREAM_NOT_FOUND_PATTERNS: readonly RegExp[] = [/\bdoes ?n[o']t exist\b/i, /\bnot found\b/i, /\b[A-Za-z.]*NotFound(Exception)?\b/, /\bNoSuch[A-Z][A-Za-z]*\b/, /\bStatus Code: 404\b/];

/**
 * How a wrapped downstream error says the caller may not read: IAM's "... is not authorized to
 * perform ...", the downstream SDK's AccessDenied codes, and a 403 status.
 */
export const DOWNSTREAM_ACCESS_DENIED_PATTERNS: readonly RegExp[] = [/\bnot authorized to perform\b/i, /\bAccessDenied(Exception)?\b/, /\bUnauthorizedOperation\b/, /\bStatus Code: 403\b/];

/** Region opt-in statuses (Account ListRegions) of regions an account can use. */
export const ENABLED_REGION_STATUSES: readonly string[] = ['ENABLED', 'ENABLED_BY_DEFAULT'];

/** Calls per second a lane starts at before it has learnt anything. */
export const INITIAL_LANE_RATE = 10;
/** The same for STS lanes: every AssumeRole of a read goes through the caller's one lane, and STS allows far more. */
export const INITIAL_STS_LANE_RATE = 50;
/** Calls a new lane may send at once, as AWS's own buckets start full: half a second at its initial rate. */
export const INITIAL_LANE_BURST_SECONDS = 0.5;
/** The floor of a lane's rate however often it is throttled, calls per second. */
export const MIN_LANE_RATE = 2;
/** The ceiling of a lane's rate, calls per second (above it the global budget is the limit anyway). */
export const MAX_LANE_RATE = 200;
/** Additive increase after the first throttle: calls per second gained per second of full use. */
export const LANE_RATE_INCREASE = 1;
/** Multiplicative decrease on a throttle (at most once per round trip). */
export const LANE_RATE_DECREASE = 0.7;

/** The latency a lane assumes before its first answer, ms (AWS's calls take 100 to 300 ms). */
export const INITIAL_LANE_LATENCY_MS = 500;
/**
 * Calls a lane keeps in flight, as a multiple of rate x latency (Little's law): room for latency's
 * jitter and for the rate to grow, while a lane whose calls stall stops sending instead of piling up.
 */
export const LANE_LATENCY_HEADROOM = 2;
/** The fewest calls a lane may keep in flight, whatever its rate and latency. */
export const MIN_LANE_CONCURRENCY = 2;
/** Weight of the newest answer in a lane's smoothed latency (an exponential moving average). */
export const LANE_LATENCY_SMOOTHING = 0.2;

/** How long before its expiry an assumed role's credentials start being replaced, at most (the SDK's own window). */
export const CREDENTIAL_REFRESH_WINDOW_MS = 5 * 60_000;
/** The share of a session's lifetime left when its credentials are replaced, for short sessions. */
export const CREDENTIAL_REFRESH_SHARE = 0.5;
/** How long before expiry callers stop getting the old credentials and wait for new ones, at most. */
export const CREDENTIAL_DEADLINE_WINDOW_MS = 60_000;
/** The same for short sessions, as a share of the lifetime. */
export const CREDENTIAL_DEADLINE_SHARE = 0.1;

/** The session name of every role aws2port assumes (CloudTrail shows it). */
export const ROLE_SESSION_NAME = 'aws2port';
