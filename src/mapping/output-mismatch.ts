import { Aws2PortError } from '../errors/index.js';

/**
 * The error for jq output that cannot be matched with the items given (`message` says how): a bug in
 * the mapping program or its reading, never a problem of the data, which is reported as issues.
 */
export function outputMismatch(message: string, detail: string, cause?: unknown): Aws2PortError {
  return new Aws2PortError('Internal', `The mapping output does not match its input: ${message}.`, { source: 'internal', detail, cause });
}
