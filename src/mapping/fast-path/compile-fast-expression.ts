import { compileNode, type CompileContext } from './compile-node.js';
import { NONE, firstOutput } from './evaluator.js';
import { NotInFastPath } from './not-in-fast-path.js';
import { parseJq } from './parse-jq.js';

/** A jq expression compiled to JavaScript. */
export interface FastExpression {
  /**
   * The expression's first output for `input`, null when it yields nothing. Throws JqFailure with
   * jq's message where jq raises a runtime error, and NOT_PROVEN where this item must go to jq.
   * `input` must be JSON data (no lone surrogates); outputs may share parts of it.
   */
  first(input: unknown): unknown;
}

/** What compiling gave: the fast expression, or why the expression stays on jq-wasm. */
export type FastCompileResult = { expression: FastExpression; reason: null } | { expression: null; reason: string };

/**
 * Compiles jq `text` (which jq itself compiles: check that first) into JavaScript when every
 * construct in it is one the fast path evaluates exactly as jq 1.8 does; else says why not.
 */
export function compileFastExpression(text: string, context: CompileContext): FastCompileResult {
  try {
    const evaluator = compileNode(parseJq(text), [], context);
    const one = evaluator.one;
    const first = one
      ? (input: unknown) => {
          const value = one(input, null);
          return value === NONE ? null : value;
        }
      : (input: unknown) => {
          const value = firstOutput(evaluator, input, null);
          return value === NONE ? null : value;
        };
    return { expression: { first }, reason: null };
  } catch (error) {
    if (error instanceof NotInFastPath) return { expression: null, reason: error.message };
    throw error;
  }
}
