import { MAX_VALUE_DEPTH } from './constants.js';

const TOO_DEEP = `is nested more than ${MAX_VALUE_DEPTH} levels deep, the limit of the mapping (jq-wasm crashes on values some hundreds of levels deep)`;
const NOT_A_DOUBLE = 'holds a number beyond the range of a double (about 1.8e308), which JSON cannot carry';

/**
 * Why `value` (JSON data) cannot be carried through the mapping, or null when it can, as the end of
 * a sentence about it (`is nested more than 256 levels deep...`): arrays and objects nested more
 * than MAX_VALUE_DEPTH levels (the reason is in the message), or a number JSON cannot carry (beyond
 * a double: `1e400` parses to Infinity, which JSON.stringify would print as null without a word).
 * Descends no further than the limit, so any depth is safe to check. Called on every mapped value:
 * allocates nothing.
 */
export function valueLimitProblem(value: unknown): string | null {
  return problemAt(value, 1);
}

function problemAt(value: unknown, depth: number): string | null {
  if (typeof value !== 'object' || value === null) return typeof value === 'number' && !Number.isFinite(value) ? NOT_A_DOUBLE : null;
  if (depth > MAX_VALUE_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const element: unknown = value[index];
      if (typeof element === 'string' || typeof element === 'boolean') continue;
      const problem = problemAt(element, depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const member = object[key];
    if (typeof member === 'string' || typeof member === 'boolean') continue;
    const problem = problemAt(member, depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}
