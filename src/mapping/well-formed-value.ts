import { MAX_VALUE_DEPTH } from './constants.js';
import { setOwn } from './fast-path/jq-values.js';

const SURROGATE = /[\ud800-\udfff]/;
/** A lone surrogate: in `u` mode a pair is one code point and never matches. */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * `value` with every lone UTF-16 surrogate (in strings and object keys) replaced by U+FFFD, which is
 * what jq reads for it. The same reference when there is none, so well-formed data is not copied.
 * Parts nested deeper than MAX_VALUE_DEPTH are left as they are: the mapping refuses such values
 * wherever it would read them whole (valueLimitProblem), and the recursion must not overflow.
 */
export function wellFormedValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_VALUE_DEPTH) return value;
  if (typeof value === 'string') return SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '\ufffd') : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const element = wellFormedValue(value[index], depth + 1);
      if (element !== value[index]) copy ??= value.slice();
      if (copy) copy[index] = element;
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  let isChanged = false;
  const entries: Array<[string, unknown]> = [];
  for (const key in object) {
    const cleanKey = wellFormedValue(key) as string;
    const cleanValue = wellFormedValue(object[key], depth + 1);
    if (cleanKey !== key || cleanValue !== object[key]) isChanged = true;
    entries.push([cleanKey, cleanValue]);
  }
  if (!isChanged) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, element] of entries) setOwn(copy, key, element);
  return copy;
}
