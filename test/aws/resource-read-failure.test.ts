import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GeneralServiceException, HandlerInternalFailureException, InvalidRequestException, ResourceNotFoundException } from '@aws-sdk/client-cloudcontrol';
import { resourceReadFailureOf } from '../../src/aws/resource-read-failure.js';

const $metadata = { httpStatusCode: 400 };
const wrapped = (message: string) => new GeneralServiceException({ message, $metadata });

describe(resourceReadFailureOf.name, () => {
  it('reads a resource deleted between List and Get as gone, however the downstream service says it', () => {
    assert.equal(resourceReadFailureOf(new ResourceNotFoundException({ message: 'gone', $metadata })), 'gone');
    for (const message of [
      "The specified cluster 'web' does not exist (Service: Ecs, Status Code: 400, Request ID: 1)",
      "The instance ID 'i-0abc' does not exist (Service: Ec2, Status Code: 400, Request ID: 2)",
      'Function not found: arn:aws:lambda:us-east-1:111111111111:function:f (Service: Lambda, Status Code: 404, Request ID: 3)',
      'Resource handler returned message: "InvalidInstanceID.NotFound"',
      'The specified bucket does not exist (Service: S3, Status Code: 404, Request ID: 4) NoSuchBucket',
    ]) {
      assert.equal(resourceReadFailureOf(wrapped(message)), 'gone', message);
    }
  });

  it('reads a wrapped authorization failure as a denial, even when it also names something missing', () => {
    assert.equal(
      resourceReadFailureOf(wrapped('User: arn:aws:sts::111111111111:assumed-role/r/s is not authorized to perform: ecs:DescribeClusters because no identity-based policy allows it (Service: Ecs, Status Code: 403, Request ID: 5)')),
      'denied',
    );
    assert.equal(resourceReadFailureOf(wrapped('AccessDenied: the key policy does not exist for this caller')), 'denied');
    assert.equal(resourceReadFailureOf(Object.assign(new Error('no'), { name: 'AccessDeniedException' })), 'denied');
  });

  it('reads any other GeneralServiceException as this one item unread', () => {
    assert.equal(resourceReadFailureOf(wrapped('Invalid value for the attribute (Service: Ecs, Status Code: 400, Request ID: 6)')), 'item');
  });

  it('leaves every other failure to the call: handler faults, refusals, network errors', () => {
    assert.equal(resourceReadFailureOf(new HandlerInternalFailureException({ message: 'does not exist', $metadata })), 'call');
    assert.equal(resourceReadFailureOf(new InvalidRequestException({ message: 'bad identifier', $metadata })), 'call');
    assert.equal(resourceReadFailureOf(Object.assign(new Error('reset'), { code: 'ECONNRESET' })), 'call');
  });
});
