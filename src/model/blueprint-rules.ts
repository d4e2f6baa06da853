/**
 * Port's rules for a blueprint it is asked to create, from its OpenAPI (`POST /v1/blueprints`): an
 * identifier of letters, digits and @_.+:\/- (not `.` or `..`) of at most 100 characters, a title of 1
 * to 100 characters, a `schema` with `properties`, property and relation identifiers of letters,
 * digits and @_=\- of at most 100 characters, and relations that say `target`, `required` and `many`.
 * Port refuses the whole request otherwise.
 */
const BLUEPRINT_IDENTIFIER = /^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/-]+$/u;
const FIELD_IDENTIFIER = /^[A-Za-z0-9@_=\\-]+$/;
const MAX_LENGTH = 100;

/** A blueprint definition as far as Port's create rules look at it. */
export interface BlueprintShape {
  identifier?: unknown;
  title?: unknown;
  schema?: unknown;
  relations?: unknown;
}

/** What Port would refuse in a blueprint to create, one line each (`title: ...`); empty when nothing. */
export function blueprintProblems(blueprint: BlueprintShape): string[] {
  const problems: string[] = [];
  const { identifier, title, schema, relations } = blueprint;
  if (typeof identifier !== 'string' || !BLUEPRINT_IDENTIFIER.test(identifier) || lengthOf(identifier) > MAX_LENGTH) {
    problems.push(`identifier: ${JSON.stringify(identifier)} is not a blueprint identifier Port accepts (letters, digits and @_.+:\\/- only, not "." or "..", at most ${MAX_LENGTH} characters)`);
  }
  if (typeof title !== 'string' || lengthOf(title) < 1 || lengthOf(title) > MAX_LENGTH) {
    problems.push(`title: Port needs a title of 1 to ${MAX_LENGTH} characters`);
  }
  const properties = isObject(schema) ? schema['properties'] : undefined;
  if (!isObject(properties)) problems.push('schema.properties: Port needs a schema with its properties (an object, {} for none)');
  for (const [where, names] of [['schema.properties', properties], ['relations', relations]] as const) {
    for (const name of Object.keys(isObject(names) ? names : {})) {
      if (!FIELD_IDENTIFIER.test(name) || name.length > MAX_LENGTH) {
        problems.push(`${where}.${name}: not an identifier Port accepts (letters, digits and @_=\\- only, at most ${MAX_LENGTH} characters)`);
      }
    }
  }
  for (const [name, relation] of Object.entries(isObject(relations) ? relations : {})) {
    if (!isObject(relation) || typeof relation['target'] !== 'string' || typeof relation['required'] !== 'boolean' || typeof relation['many'] !== 'boolean') {
      problems.push(`relations.${name}: Port needs "target" (a blueprint), "required" and "many" (true or false)`);
    }
  }
  return problems;
}

/** Length as Port's JSON Schema validation counts it: in code points. */
function lengthOf(text: string): number {
  return [...text].length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
