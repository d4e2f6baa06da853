import { errorOperand, textOf } from './dump-jq-value.js';
import { JqFailure, notProven } from './jq-failure.js';
import { plus } from './jq-operators.js';
import { fieldValue, iterateValue } from './jq-paths.js';
import { isKeyOrderUncertain, isObject, isTruthy, jqType, noteBuiltObject, setOwn, sortedKeys } from './jq-values.js';

/**
 * jq 1.8's builtins that take no filter argument, on plain values, with jq's error messages. Those
 * defined in jq itself (`join`, `ltrimstr`, `to_entries`...) follow their jq definitions step by step,
 * so that errors come from the same step.
 */

const SURROGATE = /[\ud800-\udfff]/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** `length`: code points of a string, elements, keys, absolute value; 0 for null. */
export function lengthOf(value: unknown): number {
  if (value === null) return 0;
  switch (typeof value) {
    case 'string':
      return SURROGATE.test(value) ? [...value].length : value.length;
    case 'number':
      return Math.abs(value);
    case 'object':
      return Array.isArray(value) ? value.length : Object.keys(value).length;
    default:
      throw new JqFailure(`${errorOperand(value)} has no length`);
  }
}

/** `keys` (sorted by code point) and `keys_unsorted` (object order); indexes for an array. */
export function keysOf(value: unknown, isSorted: boolean): unknown[] {
  if (Array.isArray(value)) return value.map((_, index) => index);
  if (isObject(value)) {
    if (isSorted) return sortedKeys(value);
    if (isKeyOrderUncertain(value)) notProven();
    return Object.keys(value);
  }
  throw new JqFailure(`${errorOperand(value)} has no keys`);
}

/** `has(key)`: an object's own string key, an array's index; always false on null. */
export function hasKey(value: unknown, key: unknown): boolean {
  if (value === null) return false;
  if (isObject(value) && typeof key === 'string') return Object.hasOwn(value, key);
  if (Array.isArray(value) && typeof key === 'number') {
    if (!Number.isInteger(key)) notProven();
    return key >= 0 && key < value.length;
  }
  throw new JqFailure(`Cannot check whether ${jqType(value)} has a ${jqType(key)} key`);
}

/**
 * `tonumber`: numbers as they are, and strings that are plainly written numbers (`42`, `-1.5`) whose
 * double prints back the same. Other strings are NOT_PROVEN: jq 1.8 keeps a literal's text (`"1.0"`
 * stays `1.0`), reads `nan`, and refuses more forms than can be listed here.
 */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const number = Number(value);
    return SIMPLE_NUMBER.test(value) && String(number) === value ? number : notProven();
  }
  throw new JqFailure(`${errorOperand(value)} cannot be parsed as a number`);
}

/** `ascii_downcase` / `ascii_upcase`: only A-Z / a-z change. */
export function asciiCase(value: unknown, isUpper: boolean): string {
  if (typeof value !== 'string') throw new JqFailure('explode input must be a string');
  if (isUpper) return LOWER.test(value) ? value.replace(/[a-z]+/g, (letters) => letters.toUpperCase()) : value;
  return UPPER.test(value) ? value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : value;
}

/** `split(separator)` with a string: an empty input gives [], an empty separator the code points. */
export function splitText(value: unknown, separator: unknown): string[] {
  if (typeof value !== 'string' || typeof separator !== 'string') throw new JqFailure('split input and separator must be strings');
  if (value === '') return [];
  return separator === '' ? [...value] : value.split(separator);
}

/**
 * `join(separator)`, as jq defines it: `reduce .[] as $i (null; (if .==null then "" else .+$x end) +
 * ($i | if type=="boolean" or type=="number" then tostring else .//"" end)) // ""`.
 */
export function joinValues(value: unknown, separator: unknown): unknown {
  let joined: unknown = null;
  iterateValue(value, (element) => {
    const piece = typeof element === 'boolean' || typeof element === 'number' ? textOf(element) : element === null ? '' : element;
    joined = plus(joined === null ? '' : plus(joined, separator), piece);
    return false;
  });
  return joined === null || joined === false ? '' : joined;
}

/** `startswith(s)` / `endswith(s)`. */
export function affixTest(value: unknown, affix: unknown, isEnd: boolean): boolean {
  if (typeof value !== 'string' || typeof affix !== 'string') throw new JqFailure(`${isEnd ? 'endswith' : 'startswith'}() requires string inputs`);
  return isEnd ? value.endsWith(affix) : value.startsWith(affix);
}

/** `ltrimstr(s)` / `rtrimstr(s)`: `if startswith($s) then .[$s | length:] end` (and the `endswith` mirror). */
export function trimAffix(value: unknown, affix: unknown, isEnd: boolean): unknown {
  if (!affixTest(value, affix, isEnd)) return value;
  const text = value as string;
  const size = (affix as string).length;
  return isEnd ? text.slice(0, text.length - size) : text.slice(size);
}

/** `add`: `reduce .[] as $x (null; . + $x)`. */
export function addValues(value: unknown): unknown {
  let sum: unknown = null;
  iterateValue(value, (element) => {
    sum = plus(sum, element);
    return false;
  });
  return sum;
}

/** `to_entries`: `[keys_unsorted[] as $k | {key: $k, value: .[$k]}]`. */
export function toEntries(value: unknown): Array<{ key: unknown; value: unknown }> {
  const keys = keysOf(value, false);
  return keys.map((key) => ({ key, value: (value as Record<string, unknown>)[key as string] }));
}

/**
 * `from_entries`: `map({ (.key // .Key // .name // .Name): if has("value") then .value else .Value
 * end }) | add // {}`.
 */
export function fromEntries(value: unknown): Record<string, unknown> {
  const pairs: Array<[string, unknown]> = [];
  iterateValue(value, (entry) => {
    const key = entryKey(entry);
    if (typeof key !== 'string') throw new JqFailure(`Cannot use ${errorOperand(key)} as object key`);
    pairs.push([key, fieldValue(entry, hasKey(entry, 'value') ? 'value' : 'Value')]);
    return false;
  });
  const object: Record<string, unknown> = {};
  for (const [key, entryValue] of pairs) setOwn(object, key, entryValue);
  return noteBuiltObject(object);
}

/** `.key // .Key // .name // .Name` */
function entryKey(entry: unknown): unknown {
  for (const name of ['key', 'Key', 'name']) {
    const key = fieldValue(entry, name);
    if (isTruthy(key)) return key;
  }
  return fieldValue(entry, 'Name');
}
