import type { AwsError } from './aws-error.js';
import type { JsonInput } from './simulator-context.js';

/** Typed access to the fields of a JSON call body; a field of the wrong type or range throws the service's validation error. */
export interface FieldReader {
  /** A string field; undefined when absent and not required. */
  string(name: string): string | undefined;
  requiredString(name: string): string;
  /** An integer field within [min, max]; undefined when absent. */
  integer(name: string, min: number, max: number): number | undefined;
  /** A list of strings; empty when absent. */
  strings(name: string): string[];
}

/** Reads `input`, answering `invalid(message)` for a bad field. */
export function readFields(input: JsonInput, invalid: (message: string) => AwsError): FieldReader {
  const string = (name: string): string | undefined => {
    const value = input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw invalid(`${name} must be a string`);
    return value;
  };
  return {
    string,
    requiredString: (name) => {
      const value = string(name);
      if (value === undefined || value === '') throw invalid(`${name} is required`);
      return value;
    },
    integer: (name, min, max) => {
      const value = input[name];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw invalid(`${name} must be an integer from ${min} to ${max}`);
      }
      return value;
    },
    strings: (name) => {
      const value = input[name];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`${name} must be a list of strings`);
      return value as string[];
    },
  };
}
