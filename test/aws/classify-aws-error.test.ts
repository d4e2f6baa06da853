import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cloudControlSdk from '@aws-sdk/client-cloudcontrol';
import {
  CloudControlServiceException,
  GeneralServiceException,
  HandlerInternalFailureException,
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

  it('follows the SDK model\'s fault of every Cloud Control exception, not the HTTP status', () => {
    // The SDK's exception classes carry the service model's $fault; only throttling is told apart by name.
    type ExceptionClass = new (options: { message: string; $metadata: object }) => CloudControlServiceException;
    const classes = (Object.values(cloudControlSdk) as unknown[]).filter(
      (value): value is ExceptionClass => typeof value === 'function' && value.prototype instanceof CloudControlServiceException,
    );
    assert.ok(classes.length >= 20);
    for (const ErrorClass of classes) {
      for (const status of [400, 500]) {
        const error = new ErrorClass({ message: 'x', ...metadata(status) });
        const expected = error.name === 'ThrottlingException' ? 'throttling' : error.$fault;
        assert.equal(classifyAwsError(error).errorClass, expected, `${error.name} at ${status}`);
      }
    }
    assert.equal(classifyAwsError(new GeneralServiceException({ message: 'wrapped', ...metadata(500) })).errorClass, 'client');
    assert.equal(classifyAwsError(new HandlerInternalFailureException({ message: 'broke', ...metadata(400) })).errorClass, 'server');
  });

  it('passes the Retry-After hint on, in milliseconds', () => {
    assert.deepEqual(classifyAwsError(serviceError('ThrottlingException', 400, { 'retry-after': '2' })), { errorClass: 'throttling', code: 'ThrottlingException', retryAfterMs: 2000 });
  });
});
