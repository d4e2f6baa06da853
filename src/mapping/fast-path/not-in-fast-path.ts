/**
 * Thrown while parsing or compiling an expression the fast path does not evaluate (a construct it
 * does not know, or one it cannot prove equal to jq). Never escapes the fast-path compiler: the
 * expression then runs on jq-wasm. `message` says what was refused, for tests and docs.
 */
export class NotInFastPath extends Error {
  override name = 'NotInFastPath';
}
