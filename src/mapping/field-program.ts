import type { MappingField } from './mapping-fields.js';

/**
 * Some expressions of a mapping compiled into one jq program. It reads one JSON array (a batch of
 * inputs) and prints exactly one line per input, whatever the expressions do, short of
 * `halt`/`halt_error`: `[v1, v2, ...]` with one value per expression, in order. Each value is `[]`
 * (the expression yielded nothing), `[first output]`, or `{"error": e}` (jq's error value). Successes
 * are arrays and failures objects, so no user value can pass for a failure.
 */
export interface FieldProgram {
  text: string;
  /** The same program, except that each expression first writes `["DEBUG:",{"aws2port_field":k}]` to stderr (k: index in `fields`): locates a halt. */
  diagnosticText: string;
  /** The expressions, in the order the values of a line (and `k`) follow. */
  fields: MappingField[];
}

const FIELD = '__aws2port_field';
const FIELD_BODY = 'try [first(g)] catch {error: .}';
/**
 * The same for an expression with a destructuring alternative (`?//`): `first` stops its argument
 * with `break`, which `?//` takes for an error of the alternative it is in and answers by trying the
 * next one, so `first` can give a value or an error jq's own first output is not. This reads every
 * output up to the first error instead (an expression that yields forever then runs out of time).
 */
const ALTERNATIVES_FIELD = '__aws2port_field_of_alternatives';
const ALTERNATIVES_FIELD_BODY = '[try (g | [.]) catch {error: .}] | if length == 0 then [] else .[0] end';
const definitions = (announce: string) =>
  [FIELD, ALTERNATIVES_FIELD].map((name, index) => `def ${name}(k; g): ${announce}(${index === 0 ? FIELD_BODY : ALTERNATIVES_FIELD_BODY});`).join('\n');
const FIELD_DEFINITION = definitions('');
const DIAGNOSTIC_FIELD_DEFINITION = definitions('({aws2port_field: k} | debug | empty), ');
/** The stderr line `debug` writes for DIAGNOSTIC_FIELD_DEFINITION's mark. */
const DIAGNOSTIC_MARK = /\["DEBUG:",\{"aws2port_field":(\d+)\}\]\n?/g;

/**
 * Reads the stderr of a diagnostic run: the index in `fields` of the last expression announced
 * (undefined when none was), and what else was written (the user's `halt_error` text, jq's messages).
 */
export function readDiagnosticStderr(stderr: string): { lastFieldIndex: number | undefined; rest: string } {
  const last = [...stderr.matchAll(DIAGNOSTIC_MARK)].at(-1);
  return { lastFieldIndex: last ? Number(last[1]) : undefined, rest: stderr.replace(DIAGNOSTIC_MARK, '') };
}

/**
 * One expression as the program calls it. The parentheses keep the expression whole; the two
 * newlines end a trailing `#` comment, even one continued by a final backslash, before the `)`.
 */
function embedExpression(k: number, text: string): string {
  // Any `?//` in the text, even in a string or a comment: the other wrapper is only slower.
  return `${text.includes('?//') ? ALTERNATIVES_FIELD : FIELD}(${k}; (${text}\n\n))`;
}

/** A program that only embeds `text` the way a field program does: it compiles exactly when the embedding does. */
export function embeddingCheckProgram(text: string): string {
  return `${FIELD_DEFINITION}\n${embedExpression(0, text)}`;
}

/** Builds the program of `fields` (does not compile it). */
export function buildFieldProgram(fields: MappingField[]): FieldProgram {
  const body = `.[] | [${fields.map((field, k) => embedExpression(k, field.expression.text)).join(',\n')}]`;
  return { text: `${FIELD_DEFINITION}\n${body}`, diagnosticText: `${DIAGNOSTIC_FIELD_DEFINITION}\n${body}`, fields };
}
