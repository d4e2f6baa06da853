/**
 * A blueprint property's schema as Port holds it, as far as entity values are checked against it
 * (Port's blueprint `schema.properties.<name>`: `type`, `format`, `enum`, `items`, `default`).
 */
export interface PropertySchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: PropertySchema;
  default?: unknown;
  [field: string]: unknown;
}

/** The part of a blueprint that entity properties are checked against. */
export interface BlueprintSchema {
  identifier: string;
  properties: Record<string, PropertySchema>;
  /** `schema.required`: properties an entity must hold (non-null). */
  required: string[];
}

/** Which rule a value breaks. */
export type RefusalRule = 'type' | 'enum' | 'format' | 'required' | 'undeclared';

/** One property value Port would refuse, and why. */
export interface PropertyRefusal {
  property: string;
  /** The value as mapped (undefined for a required property the mapping does not write). */
  value: unknown;
  /** The property's schema in the blueprint; undefined when the blueprint does not declare it. */
  schema: PropertySchema | undefined;
  rule: RefusalRule;
  /** `must be of type array`, `must be one of ["ACTIVE"]`: one line, without the value. */
  message: string;
}

/**
 * The blueprint schema of a Port blueprint (or a blueprints-file definition): its `schema.properties`
 * and `schema.required`, missing parts read as empty.
 */
export function blueprintSchemaOf(blueprint: { identifier: string; [field: string]: unknown }): BlueprintSchema {
  const schema = isObject(blueprint['schema']) ? blueprint['schema'] : {};
  const properties = isObject(schema['properties']) ? (schema['properties'] as Record<string, PropertySchema>) : {};
  const required = Array.isArray(schema['required']) ? schema['required'].filter((name): name is string => typeof name === 'string') : [];
  return { identifier: blueprint.identifier, properties, required };
}

/**
 * Every property value of one entity that Port would refuse under this blueprint: a value of another
 * type, outside the enum, or not of the format (date-time, url, email, ipv4, ipv6); an array item
 * likewise against `items`; a property the blueprint does not declare; a required property missing
 * or null (unless it has a `default`). Null fits any declared property that is not required. Nothing
 * is converted: no source confirms that Port wraps a string into an array or turns a number into a
 * string (docs/compatibility-blueprints.md), so such a value is reported, never guessed at.
 * Empty when Port would take every value.
 */
export function checkPropertyValues(blueprint: BlueprintSchema, properties: Readonly<Record<string, unknown>>): PropertyRefusal[] {
  const refusals: PropertyRefusal[] = [];
  for (const [property, value] of Object.entries(properties)) {
    const schema = blueprint.properties[property];
    if (!schema) {
      refusals.push({ property, value, schema, rule: 'undeclared', message: `is not a property of blueprint ${blueprint.identifier}` });
      continue;
    }
    if (value === null) continue;
    const problem = valueProblem(schema, value);
    if (problem) refusals.push({ property, value, schema, ...problem });
  }
  for (const property of blueprint.required) {
    const value = properties[property];
    if (value !== undefined && value !== null) continue;
    const schema = blueprint.properties[property];
    if (schema?.default !== undefined) continue;
    refusals.push({ property, value, schema, rule: 'required', message: `is required by blueprint ${blueprint.identifier}` });
  }
  return refusals;
}

type Problem = { rule: Exclude<RefusalRule, 'required' | 'undeclared'>; message: string };

function valueProblem(schema: PropertySchema, value: unknown): Problem | undefined {
  if (schema.type !== undefined && !hasType(schema.type, value)) return { rule: 'type', message: `must be ${article(schema.type)} ${schema.type}, not ${kindOf(value)}` };
  if (schema.enum && !schema.enum.some((allowed) => isSameJson(allowed, value))) return { rule: 'enum', message: `must be one of ${JSON.stringify(schema.enum)}` };
  if (typeof value === 'string' && schema.format !== undefined) {
    const format = FORMAT_CHECKS[schema.format];
    if (format && !format.test(value)) return { rule: 'format', message: `must be ${format.name}` };
  }
  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries()) {
      const problem = item === null ? { rule: 'type' as const, message: 'must not be null' } : valueProblem(schema.items, item);
      if (problem) return { rule: problem.rule, message: `item ${index} ${problem.message}` };
    }
  }
  return undefined;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      // a type this build does not know is Port's to judge
      return true;
  }
}

/** The formats checked, with what a fitting value is; Port's other formats (markdown, yaml, user, team, timer, proto, ...) take any string. */
const FORMAT_CHECKS: Record<string, { name: string; test: (value: string) => boolean }> = {
  'date-time': { name: 'a date-time (ISO 8601 with a time zone, e.g. 2024-01-31T12:00:00Z)', test: isDateTime },
  url: { name: 'a URL (http, https or ftp)', test: isUrl },
  email: { name: 'an email address', test: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) },
  ipv4: { name: 'an IPv4 address', test: (value) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(value) },
  ipv6: { name: 'an IPv6 address', test: (value) => value.includes(':') && URL.canParse(`http://[${value}]/`) },
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:', 'ftp:'].includes(new URL(value).protocol);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${article(typeof value)} ${typeof value}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function isSameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
