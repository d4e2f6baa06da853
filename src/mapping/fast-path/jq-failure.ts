/**
 * A jq runtime error raised by the fast path, with jq's own message (what `catch` receives). Thrown
 * as a plain object, without a stack: errors are data in jq and may be frequent.
 */
export class JqFailure {
  constructor(readonly message: string) {}
}

/**
 * Thrown when the fast path meets a value it cannot prove it handles exactly as jq would (a number jq
 * would print differently, a regex match jq's byte-wise engine would place differently...). The
 * field is then evaluated by jq-wasm for this item. `try` and `?` never catch it.
 */
export const NOT_PROVEN: unique symbol = Symbol('not proven equal to jq');

/** Throws NOT_PROVEN (an expression, so that it can end a `? :` chain). */
export function notProven(): never {
  throw NOT_PROVEN;
}
