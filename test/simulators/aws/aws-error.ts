/**
 * An error answer. `code` is the name the SDK reports (e.g. `ResourceNotFoundException`); the
 * service's wire protocol decides how it is encoded (see `encodeError`).
 */
export class AwsError extends Error {
  constructor(
    /** The error name, without namespace. */
    readonly code: string,
    message: string,
    /** HTTP status. */
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }

  /** Whether the caller (4xx) or the service (5xx) is at fault, as query protocols say it. */
  get faultType(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}
