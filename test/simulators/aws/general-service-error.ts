import { randomUUID } from 'node:crypto';
import type { AwsError } from './aws-error.js';
import { cloudControlError } from './cloud-control-errors.js';
import type { GetResourceError } from './faults.js';
import { callerArn, type Caller } from './identify-caller.js';

/** Where a failed GetResource happened. */
interface FailedGet {
  type: string;
  identifier: string;
  caller: Caller;
}

/**
 * The error Cloud Control answers when a type's resource handler fails. A downstream error is wrapped
 * in GeneralServiceException with the downstream message followed by the AWS SDK for Java's
 * `(Service: S, Status Code: N, Request ID: R)`, the form recorded in public logs of Cloud Control
 * failures; the texts themselves ("... does not exist", "... is not authorized to perform ...") are
 * the downstream services' usual wording, not a recording (docs/compatibility-aws.md). Handler faults
 * are answered under their own names, at the model's status.
 */
export function generalServiceError(error: GetResourceError, failed: FailedGet): AwsError {
  const service = failed.type.split('::')[1] ?? 'Unknown';
  const trailer = (status: number) => ` (Service: ${service}, Status Code: ${status}, Request ID: ${randomUUID()})`;
  switch (error) {
    case 'notFound':
      return cloudControlError('GeneralServiceException', `The ${failed.type} '${failed.identifier}' does not exist${trailer(400)}`);
    case 'accessDenied': {
      const action = `${service.toLowerCase()}:Describe${failed.type.split('::')[2] ?? ''}s`;
      return cloudControlError('GeneralServiceException', `User: ${callerArn(failed.caller)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action${trailer(403)}`);
    }
    case 'other':
      return cloudControlError('GeneralServiceException', `Invalid value for the ${failed.type} '${failed.identifier}' attribute${trailer(400)}`);
    default:
      return cloudControlError(error, `${failed.type} handler failed for '${failed.identifier}'`);
  }
}
