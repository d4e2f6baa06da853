import { MAX_VALUE_EXCERPT_LENGTH } from './constants.js';

/** A jq value for a message: its jq type and a JSON excerpt, e.g. `number 42`, `object {"a":1,...`. */
export function describeValue(value: unknown): string {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  return `${type} ${excerpt(jsonExcerptOf(value))}`;
}

/** `value` as JSON for an excerpt; a value too deep for JSON.stringify is said to be so. */
function jsonExcerptOf(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '(too deeply nested to show)';
  }
}

/** `text` cut to MAX_VALUE_EXCERPT_LENGTH characters, with `...` when cut. */
export function excerpt(text: string): string {
  return text.length > MAX_VALUE_EXCERPT_LENGTH ? `${text.slice(0, MAX_VALUE_EXCERPT_LENGTH)}...` : text;
}

/** A jq error value (what `catch` received) as one line of text: strings as they are, other values as JSON. */
export function describeJqError(error: unknown): string {
  const text = typeof error === 'string' ? error : `${JSON.stringify(error)} (not a string)`;
  return text.replace(/\s*\n\s*/g, ' ');
}
