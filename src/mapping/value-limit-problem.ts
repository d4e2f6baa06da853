import { MAX_VALUE_DEPTH } from './constants.js';

/**
 * Why `value` (JSON data) cannot be carried through the mapping, or null when it can, as the end of
 * a sentence about it (`is nested more than 256 levels deep...`): arrays and
 * objects nested more than MAX_VALUE_DEPTH levels (the reason is in the message), or a number JSON
 * cannot carry (beyond a double: `1e400` parses to Infinity, which JSON.stringify would print as
 * null without a word). Walks the value without recursion, so any depth is safe to check.
 */
export function valueLimitProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return scalarProblem(value);
  const pending: object[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_VALUE_DEPTH) {
      return `is nested more than ${MAX_VALUE_DEPTH} levels deep, the limit of the mapping (jq-wasm crashes on values some hundreds of levels deep)`;
    }
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        pending.push(child);
        depths.push(depth + 1);
      } else if (typeof child === 'number' && !Number.isFinite(child)) {
        return scalarProblem(child);
      }
    }
  }
  return null;
}

function scalarProblem(value: unknown): string | null {
  return typeof value === 'number' && !Number.isFinite(value)
    ? 'holds a number beyond the range of a double (about 1.8e308), which JSON cannot carry'
    : null;
}
