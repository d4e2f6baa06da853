import { errorOperand, errorDump } from './dump-jq-value.js';
import type { Emit } from './evaluator.js';
import { JqFailure, notProven } from './jq-failure.js';
import { isKeyOrderUncertain, jqType, ownValue } from './jq-values.js';

/** Largest array index the fast path reads (jq casts indexes to a C int). */
const MAX_INDEX = 2 ** 31 - 1;

/** `.[key]` on `target`, as jq's INDEX: objects by string, arrays by number (negative from the end), null gives null. */
export function indexValue(target: unknown, key: unknown): unknown {
  if (typeof key === 'string') {
    if (target === null) return null;
    if (typeof target === 'object' && !Array.isArray(target)) return ownValue(target as Record<string, unknown>, key);
  } else if (typeof key === 'number') {
    if (target === null) return null;
    if (Array.isArray(target)) return arrayElement(target, key);
  } else if (typeof key === 'object' && key !== null) {
    // Slices (`{start, end}` keys) and `.[array]` (indices): left to jq.
    notProven();
  }
  throw indexFailure(target, key);
}

/** `.name` for a name fixed in the program: the common case of indexValue, without its type dispatch. */
export function fieldValue(target: unknown, name: string): unknown {
  if (typeof target === 'object') {
    if (target === null) return null;
    if (!Array.isArray(target)) return ownValue(target as Record<string, unknown>, name);
  }
  throw indexFailure(target, name);
}

function arrayElement(array: unknown[], key: number): unknown {
  if (!(Math.abs(key) <= MAX_INDEX)) notProven();
  let index = Math.trunc(key);
  if (index < 0) index += array.length;
  return index >= 0 && index < array.length ? array[index] : null;
}

function indexFailure(target: unknown, key: unknown): JqFailure {
  return new JqFailure(`Cannot index ${jqType(target)} with ${jqType(key)} (${errorDump(key)})`);
}

/** `.[]`: an array's elements or an object's values, in order; anything else is an error. */
export function iterateValue(target: unknown, emit: Emit): boolean {
  if (Array.isArray(target)) {
    for (let index = 0; index < target.length; index += 1) if (emit(target[index])) return true;
    return false;
  }
  if (typeof target === 'object' && target !== null) {
    const object = target as Record<string, unknown>;
    if (isKeyOrderUncertain(object)) notProven();
    for (const key in object) if (emit(object[key])) return true;
    return false;
  }
  throw new JqFailure(`Cannot iterate over ${errorOperand(target)}`);
}

/** True when iterateValue would fail on `target` (`.[]?` then yields nothing). */
export function isIterable(target: unknown): boolean {
  return typeof target === 'object' && target !== null;
}
