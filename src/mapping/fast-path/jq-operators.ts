import type { BinaryOperator } from './jq-ast.js';
import { errorOperand } from './dump-jq-value.js';
import { JqFailure, notProven } from './jq-failure.js';
import { compareValues, hasIndexLikeKey, isEqualValue, isKeyOrderUncertain, isObject, noteBuiltObject } from './jq-values.js';

/**
 * jq's arithmetic and comparison operators on JSON values, with jq's error messages. A result jq
 * would print differently from JavaScript (an overflow to infinity, which jq prints as the largest
 * double) is NOT_PROVEN; so are the operations kept for jq-wasm (string repetition, deep merge, `/` on
 * strings).
 */
export function applyOperator(operator: BinaryOperator, left: unknown, right: unknown): unknown {
  switch (operator) {
    case '+':
      return plus(left, right);
    case '-':
      return minus(left, right);
    case '*':
      return multiply(left, right);
    case '/':
      return divide(left, right);
    case '==':
      return isEqualValue(left, right);
    case '!=':
      return !isEqualValue(left, right);
    case '<':
      return compareValues(left, right) < 0;
    case '<=':
      return compareValues(left, right) <= 0;
    case '>':
      return compareValues(left, right) > 0;
    case '>=':
      return compareValues(left, right) >= 0;
  }
}

/** `a + b`: null is neutral; numbers add, strings and arrays concatenate, objects merge (right wins). */
export function plus(left: unknown, right: unknown): unknown {
  if (left === null) return right;
  if (right === null) return left;
  const type = typeof left;
  if (type === typeof right) {
    if (type === 'number') return finite((left as number) + (right as number));
    if (type === 'string') return (left as string) + (right as string);
    if (Array.isArray(left) && Array.isArray(right)) return left.concat(right);
    if (isObject(left) && isObject(right)) {
      const merged = { ...left, ...right };
      return isKeyOrderUncertain(left) || hasIndexLikeKey(right) ? noteBuiltObject(merged) : merged;
    }
  }
  throw failure(left, right, 'added');
}

/** `a - b`: numbers subtract; arrays lose every element equal to one of `b`'s. */
function minus(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return finite(left - right);
  if (Array.isArray(left) && Array.isArray(right)) return left.filter((element) => !right.some((removed) => isEqualValue(element, removed)));
  throw failure(left, right, 'subtracted');
}

function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return finite(left * right);
  const isRepetition = (typeof left === 'string' && typeof right === 'number') || (typeof left === 'number' && typeof right === 'string');
  if (isRepetition || (isObject(left) && isObject(right))) notProven();
  throw failure(left, right, 'multiplied');
}

function divide(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') {
    if (right === 0) throw failure(left, right, 'divided because the divisor is zero');
    return finite(left / right);
  }
  if (typeof left === 'string' && typeof right === 'string') notProven();
  throw failure(left, right, 'divided');
}

/** `-e`: numbers only. */
export function negate(value: unknown): number {
  if (typeof value === 'number') return -value;
  throw new JqFailure(`${errorOperand(value)} cannot be negated`);
}

function finite(result: number): number {
  return Number.isFinite(result) ? result : notProven();
}

function failure(left: unknown, right: unknown, done: string): JqFailure {
  return new JqFailure(`${errorOperand(left)} and ${errorOperand(right)} cannot be ${done}`);
}
