import { AwsError } from './aws-error.js';

/**
 * Cloud Control's modelled errors as the simulator answers them: name -> HTTP status and fault.
 * Written from the SDK's service model (`@aws-sdk/client-cloudcontrol`, the `*Exception$` error
 * schemas: traits `error` and `httpError`, one member `Message`); cloud-control-errors.test.ts holds
 * this table against the installed SDK, so a model change shows as a failing test.
 */
export const CLOUD_CONTROL_ERRORS = {
  AlreadyExistsException: { status: 400, fault: 'client' },
  ClientTokenConflictException: { status: 409, fault: 'client' },
  ConcurrentModificationException: { status: 500, fault: 'server' },
  ConcurrentOperationException: { status: 409, fault: 'client' },
  GeneralServiceException: { status: 400, fault: 'client' },
  HandlerFailureException: { status: 502, fault: 'server' },
  HandlerInternalFailureException: { status: 502, fault: 'server' },
  InvalidCredentialsException: { status: 401, fault: 'client' },
  InvalidRequestException: { status: 400, fault: 'client' },
  NetworkFailureException: { status: 502, fault: 'server' },
  NotStabilizedException: { status: 400, fault: 'client' },
  NotUpdatableException: { status: 400, fault: 'client' },
  PrivateTypeException: { status: 400, fault: 'client' },
  RequestTokenNotFoundException: { status: 404, fault: 'client' },
  ResourceConflictException: { status: 409, fault: 'client' },
  ResourceNotFoundException: { status: 404, fault: 'client' },
  ServiceInternalErrorException: { status: 502, fault: 'server' },
  ServiceLimitExceededException: { status: 400, fault: 'client' },
  ThrottlingException: { status: 429, fault: 'client' },
  TypeNotFoundException: { status: 404, fault: 'client' },
  UnsupportedActionException: { status: 405, fault: 'client' },
} as const satisfies Record<string, { status: number; fault: 'client' | 'server' }>;

/** A modelled Cloud Control error name. */
export type CloudControlErrorName = keyof typeof CLOUD_CONTROL_ERRORS;

/** The error member every Cloud Control error shape has, as the model spells it. */
export const CLOUD_CONTROL_ERROR_MESSAGE_MEMBER = 'Message';

/** The answer Cloud Control gives for error `name`, at the model's HTTP status. */
export function cloudControlError(name: CloudControlErrorName, message: string): AwsError {
  return new AwsError(name, message, CLOUD_CONTROL_ERRORS[name].status);
}
