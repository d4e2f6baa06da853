import type { PortErrorBody } from './types.js';

/**
 * A refusal the simulator answers as Port would: an HTTP status plus `{ok: false, error, message}`.
 * Handlers throw it; the server (or the bulk loop, per entity) turns it into the answer.
 */
export class PortApiError extends Error {
  readonly statusCode: number;
  /** Stable snake_case code, e.g. `not_found`. */
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.name = 'PortApiError';
    this.statusCode = statusCode;
    this.code = code;
  }

  /** The error as a bulk answer lists it, and as `failEntities` holds it. */
  toBody(): PortErrorBody {
    return { statusCode: this.statusCode, error: this.code, message: this.message };
  }

  /** The inverse of `toBody`. */
  static fromBody(body: PortErrorBody): PortApiError {
    return new PortApiError(body.statusCode, body.error, body.message);
  }
}

/** 404 `not_found`. */
export function notFound(message: string): PortApiError {
  return new PortApiError(404, 'not_found', message);
}

/** 422 `invalid_request`: the body is not shaped as the route expects. */
export function invalidRequest(message: string): PortApiError {
  return new PortApiError(422, 'invalid_request', message);
}
