/**
 * How compiled fast-path expressions run. jq expressions yield streams of values; every node
 * compiles to an `each` that pushes its outputs, in jq's order, to an `emit` callback, which returns
 * true to stop the stream early (the mapping needs only a field's first output). Nodes that yield at
 * most one value also get a `one` that returns it directly (or NONE): most mapping expressions are
 * made of these, and they run without callbacks or allocations.
 */

/** Receives one output; returns true when no more outputs are wanted. */
export type Emit = (value: unknown) => boolean;

/** The bound `$variables`, innermost first. */
export interface Frame {
  readonly value: unknown;
  readonly next: Frame | null;
}

/** "No output": what `one` returns for an expression that yields nothing. Never a JSON value. */
export const NONE: unique symbol = Symbol('no output');

/** A compiled expression. */
export interface Evaluator {
  /** Pushes each output for `input` to `emit` until it returns true; returns true when stopped that way. */
  each(input: unknown, frame: Frame | null, emit: Emit): boolean;
  /** Set when the expression yields at most one value: that value, or NONE. */
  one: ((input: unknown, frame: Frame | null) => unknown) | null;
}

/** An evaluator from a `one` function, with the `each` that follows from it. */
export function single(one: (input: unknown, frame: Frame | null) => unknown): Evaluator {
  return {
    one,
    each: (input, frame, emit) => {
      const value = one(input, frame);
      return value === NONE ? false : emit(value);
    },
  };
}

/** The first output of `evaluator` for `input`, or NONE when it yields nothing. */
export function firstOutput(evaluator: Evaluator, input: unknown, frame: Frame | null): unknown {
  if (evaluator.one) return evaluator.one(input, frame);
  let first: unknown = NONE;
  evaluator.each(input, frame, (value) => {
    first = value;
    return true;
  });
  return first;
}
