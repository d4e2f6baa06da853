import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CloudControlServiceException,
  ResourceNotFoundException,
  ThrottlingException,
  TypeNotFoundException,
  UnsupportedActionException,
} from '@aws-sdk/client-cloudcontrol';
import { TooManyRequestsException } from '@aws-sdk/client-organizations';
import { classifyAwsError } from '../../src/aws/index.js';

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

/** A service error of a name the SDK has no class for, as the SDK builds it from `__type`. */
function serviceError(name: string, httpStatusCode: number, headers: Record<string, string> = {}): CloudControlServiceException {
  const error = new CloudControlServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', message: name, ...metadata(httpStatusCode) });
  (error as unknown as { $response: unknown }).$response = { statusCode: httpStatusCode, headers };
  return error;
}

describe(classifyAwsError.name, () => {
  it('calls every throttling name throttling, whatever the status, and any 429', () => {
    assert.equal(classifyAwsError(new ThrottlingException({ message: 'Rate exceeded', ...metadata(400) })).errorClass, 'throttling');
    assert.equal(classifyAwsError(new TooManyRequestsException({ message: 'slow down', ...metadata(400) })).errorClass, 'throttling');
    for (const name of ['Throttling', 'RequestThrottled', 'RequestLimitExceeded', 'SlowDown']) assert.equal(classifyAwsError(serviceError(name, 403)).errorClass, 'throttling', name);
    assert.equal(classifyAwsError(serviceError('Whatever', 429)).errorClass, 'throttling');
  });

  it('calls timeouts, dropped connections and credentials that expired in flight transient', () => {
    assert.equal(classifyAwsError(serviceError('ExpiredTokenException', 400)).errorClass, 'transient');
    assert.equal(classifyAwsError(serviceError('ExpiredToken', 400)).errorClass, 'transient');
    assert.deepEqual(classifyAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), { errorClass: 'transient', code: 'ECONNRESET' });
    assert.equal(classifyAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).errorClass, 'transient');
  });

  it('calls 5xx server errors', () => {
    assert.equal(classifyAwsError(serviceError('InternalFailure', 500)).errorClass, 'server');
    assert.equal(classifyAwsError(serviceError('SomethingBroke', 503)).errorClass, 'server');
  });

  it('calls what a new attempt cannot change client errors: never retried', () => {
    assert.equal(classifyAwsError(serviceError('AccessDeniedException', 403)).errorClass, 'client');
    assert.equal(classifyAwsError(new TypeNotFoundException({ message: 'no', ...metadata(404) })).errorClass, 'client');
    assert.equal(classifyAwsError(new UnsupportedActionException({ message: 'no', ...metadata(405) })).errorClass, 'client');
    assert.equal(classifyAwsError(new ResourceNotFoundException({ message: 'gone', ...metadata(404) })).errorClass, 'client');
    assert.equal(classifyAwsError(serviceError('UnrecognizedClientException', 400)).errorClass, 'client');
    assert.equal(classifyAwsError('not even an error').errorClass, 'client');
  });

  it('passes the Retry-After hint on, in milliseconds', () => {
    assert.deepEqual(classifyAwsError(serviceError('ThrottlingException', 400, { 'retry-after': '2' })), { errorClass: 'throttling', code: 'ThrottlingException', retryAfterMs: 2000 });
  });
});
