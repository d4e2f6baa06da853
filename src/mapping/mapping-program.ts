import type { JqExpression, ResourceConfig } from '../config/types.js';

/** What a mapped value must be, which decides how a bad value is reported. */
export type FieldRole = 'selector' | 'itemsToParse' | 'identifier' | 'blueprint' | 'text' | 'team' | 'property' | 'relation';

/** One jq expression of a resource config, in the place the combined program evaluates it. */
export interface ProgramExpression {
  /** The field as issues name it: `selector.query`, `identifier`, `properties.arn`, `relations.account`... */
  field: string;
  role: FieldRole;
  /** The property or relation name (the key in the entity); empty for the other fields. */
  key: string;
  expression: JqExpression;
}

/**
 * A resource config's expressions compiled into one jq program. The program reads one JSON array (a
 * batch of raw items) and prints exactly one line per item, whatever the expressions do, short of
 * `halt`/`halt_error`:
 * - without `itemsToParse`: the item's entity row (below);
 * - with it: `[true, [row, ...]]` with a row per element, `[{"error": e}]` when the expression failed,
 *   or `["<type>"]` when it yielded no array (`"null"` when it yielded null or nothing).
 *
 * An entity row is `[selector]` when the selector was not `[true]`, else `[selector, v1, v2, ...]` with
 * one value per `entityExpressions` entry, in order. Each value is `[]` (the expression yielded
 * nothing), `[first output]`, or `{"error": e}` (jq's error value). Successes are arrays and failures
 * objects, so no user value can pass for a failure.
 */
export interface MappingProgram {
  text: string;
  /** The same program, except that each expression first writes `["DEBUG:",{"aws2port_field":k}]` to stderr (k: index in `expressions`): locates a halt. */
  diagnosticText: string;
  /** Every expression, in the order a `k` indexes them: the selector, itemsToParse when set, then `entityExpressions`. */
  expressions: ProgramExpression[];
  /** The expressions of an entity row: identifier, blueprint, title, icon, team, properties, relations (jq ones only), in config order. */
  entityExpressions: ProgramExpression[];
}

const FIELD = '__aws2port_field';
const FIELD_DEFINITION = `def ${FIELD}(k; g): try [first(g)] catch {error: .};`;
const DIAGNOSTIC_FIELD_DEFINITION = `def ${FIELD}(k; g): ({aws2port_field: k} | debug | empty), (try [first(g)] catch {error: .});`;
/** The stderr line `debug` writes for DIAGNOSTIC_FIELD_DEFINITION's mark. */
const DIAGNOSTIC_MARK = /\["DEBUG:",\{"aws2port_field":(\d+)\}\]\n?/g;

/**
 * Reads the stderr of a diagnostic run: the index in `expressions` of the last expression announced
 * (undefined when none was), and what else was written (the user's `halt_error` text, jq's messages).
 */
export function readDiagnosticStderr(stderr: string): { lastExpressionIndex: number | undefined; rest: string } {
  const last = [...stderr.matchAll(DIAGNOSTIC_MARK)].at(-1);
  return { lastExpressionIndex: last ? Number(last[1]) : undefined, rest: stderr.replace(DIAGNOSTIC_MARK, '') };
}

/**
 * One expression as the combined program calls it. The parentheses keep the expression whole; the two
 * newlines end a trailing `#` comment, even one continued by a final backslash, before the `)`.
 */
export function embedExpression(k: number, text: string): string {
  return `${FIELD}(${k}; (${text}\n\n))`;
}

/** A program that only embeds `text` the way the combined program does: it compiles exactly when the embedding does. */
export function embeddingCheckProgram(text: string): string {
  return `${FIELD_DEFINITION}\n${embedExpression(0, text)}`;
}

/** Builds the combined program of a resource config (does not compile it: see compileMapper). */
export function buildMappingProgram(resource: ResourceConfig): MappingProgram {
  const { mappings } = resource;
  const entityExpressions: ProgramExpression[] = [
    { field: 'identifier', role: 'identifier', key: '', expression: mappings.identifier },
    { field: 'blueprint', role: 'blueprint', key: '', expression: mappings.blueprint },
  ];
  for (const name of ['title', 'icon'] as const) {
    const expression = mappings[name];
    if (expression) entityExpressions.push({ field: name, role: 'text', key: '', expression });
  }
  if (mappings.team) entityExpressions.push({ field: 'team', role: 'team', key: '', expression: mappings.team });
  for (const [key, expression] of Object.entries(mappings.properties)) {
    entityExpressions.push({ field: `properties.${key}`, role: 'property', key, expression });
  }
  for (const [key, relation] of Object.entries(mappings.relations)) {
    if ('text' in relation) {
      entityExpressions.push({ field: `relations.${key}`, role: 'relation', key, expression: relation });
    }
  }

  const head: ProgramExpression[] = [{ field: 'selector.query', role: 'selector', key: '', expression: resource.selector.query }];
  if (resource.itemsToParse) {
    head.push({ field: 'itemsToParse', role: 'itemsToParse', key: '', expression: resource.itemsToParse });
  }
  const expressions = [...head, ...entityExpressions];
  const call = (expression: ProgramExpression) => embedExpression(expressions.indexOf(expression), expression.expression.text);

  const selector = call(expressions[0]!);
  const values = entityExpressions.map(call).join(',\n');
  const entity = `def __aws2port_entity:\n${selector} as $__aws2port_selected\n| if $__aws2port_selected == [true]\nthen [$__aws2port_selected,\n${values}]\nelse [$__aws2port_selected] end;`;

  let body = '.[] | __aws2port_entity';
  if (resource.itemsToParse) {
    const name = JSON.stringify(resource.itemsToParseName);
    body =
      `.[] | ${call(expressions[1]!)} as $__aws2port_items\n` +
      `| if ($__aws2port_items | type) == "object" then [$__aws2port_items]\n` +
      `elif ($__aws2port_items[0] | type) == "array"\n` +
      `then [true, [$__aws2port_items[0][] as $__aws2port_element | . + {${name}: $__aws2port_element} | __aws2port_entity]]\n` +
      `else [$__aws2port_items[0] | type] end`;
  }
  return {
    text: `${FIELD_DEFINITION}\n${entity}\n${body}`,
    diagnosticText: `${DIAGNOSTIC_FIELD_DEFINITION}\n${entity}\n${body}`,
    expressions,
    entityExpressions,
  };
}
