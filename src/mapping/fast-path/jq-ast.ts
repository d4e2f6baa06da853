/**
 * The syntax tree of the jq subset the fast path evaluates. It is built only from text jq itself has
 * compiled, so it need not represent every program: whatever the parser does not know is refused
 * (the expression then runs on jq-wasm), never approximated.
 */
export type JqNode =
  /** `.` */
  | { kind: 'identity' }
  /** `null`, `true`, `false`, a number or a string without interpolation. */
  | { kind: 'literal'; value: null | boolean | number | string }
  /** `"a\(e)b"`: text and interpolated expressions, in order. */
  | { kind: 'interpolation'; parts: Array<string | JqNode> }
  /** `T.name`, `T["key"]`, `T[e]`; `isOptional` for a trailing `?` (suppresses only the indexing's own error). */
  | { kind: 'index'; target: JqNode; key: JqNode; isOptional: boolean }
  /** `T[]`, `T[]?`. */
  | { kind: 'iterate'; target: JqNode; isOptional: boolean }
  | { kind: 'pipe'; left: JqNode; right: JqNode }
  | { kind: 'comma'; left: JqNode; right: JqNode }
  | { kind: 'binary'; operator: BinaryOperator; left: JqNode; right: JqNode }
  | { kind: 'and'; left: JqNode; right: JqNode }
  | { kind: 'or'; left: JqNode; right: JqNode }
  /** `a // b` */
  | { kind: 'alternative'; left: JqNode; right: JqNode }
  /** `-e` */
  | { kind: 'negate'; operand: JqNode }
  /** `try body`, `try body catch handler`, `body?`; no handler: errors give no output. */
  | { kind: 'try'; body: JqNode; handler: JqNode | null }
  /** `if c then a (elif ...) else b end`; without else, `otherwise` is `.`. */
  | { kind: 'if'; condition: JqNode; then: JqNode; otherwise: JqNode }
  /** `source as $name | body` */
  | { kind: 'bind'; source: JqNode; name: string; body: JqNode }
  | { kind: 'variable'; name: string }
  /** `[e]`, `[]` (body null). */
  | { kind: 'array'; body: JqNode | null }
  /** `{k: v, ...}`, keys and values as expressions, in written order. */
  | { kind: 'object'; entries: Array<{ key: JqNode; value: JqNode }> }
  /** `name` or `name(a; b)`. */
  | { kind: 'call'; name: string; args: JqNode[] };

/** The binary operators the fast path knows (`%` is not among them). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=';
