import { IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH } from './constants.js';
import { invalidRequest, PortApiError } from './port-api-error.js';
import type { Blueprint, PropertySchema, RelationValue } from './types.js';

/**
 * An entity as a writer sent it, checked against its blueprint. A field is absent when the writer did
 * not send it (what `merge=true` leaves alone). `team` is already normalized to a list.
 */
export interface EntityInput {
  identifier: string;
  title?: string | null;
  icon?: string | null;
  team?: string[];
  properties?: Record<string, unknown>;
  relations?: Record<string, RelationValue>;
}

const ENTITY_KEYS = new Set(['identifier', 'title', 'icon', 'team', 'properties', 'relations', 'blueprint']);

/**
 * Checks one entity body against Port's rules and the blueprint's schema, and returns it typed.
 * Throws `PortApiError` 422: `invalid_request` for the entity's shape (identifier, title, icon, team,
 * unknown keys), `schema_mismatch` for properties and relations the blueprint does not allow.
 * Relation targets are not looked up here: that needs the store.
 */
export function parseEntityInput(raw: unknown, blueprint: Blueprint): EntityInput {
  if (!isPlainObject(raw)) throw invalidRequest('An entity must be a JSON object');
  for (const key of Object.keys(raw)) {
    if (!ENTITY_KEYS.has(key)) throw invalidRequest(`"${key}" is not allowed in an entity`);
  }
  const identifier = checkIdentifier(raw['identifier']);
  if (raw['blueprint'] !== undefined && raw['blueprint'] !== blueprint.identifier) {
    throw invalidRequest(`"blueprint" must be "${blueprint.identifier}", the blueprint of the path`);
  }
  const input: EntityInput = { identifier };
  if ('title' in raw) input.title = nullableString(raw['title'], 'title');
  if ('icon' in raw) input.icon = nullableString(raw['icon'], 'icon');
  if ('team' in raw) input.team = team(raw['team']);
  if ('properties' in raw) input.properties = properties(raw['properties'], blueprint);
  if ('relations' in raw) input.relations = relations(raw['relations'], blueprint);
  return input;
}

/** Returns the identifier if Port would accept it; throws 422 `invalid_request` otherwise. */
export function checkIdentifier(value: unknown): string {
  if (typeof value !== 'string') throw invalidRequest('"identifier" must be a string');
  if (value.length > MAX_IDENTIFIER_LENGTH) {
    throw invalidRequest(`"identifier" must be at most ${MAX_IDENTIFIER_LENGTH} characters long`);
  }
  if (!IDENTIFIER_PATTERN.test(value)) {
    throw invalidRequest(`"identifier" with value "${value}" fails to match the required pattern`);
  }
  return value;
}

function schemaMismatch(message: string): PortApiError {
  return new PortApiError(422, 'schema_mismatch', message);
}

function nullableString(value: unknown, field: string): string | null {
  if (value === null || typeof value === 'string') return value;
  throw invalidRequest(`"${field}" must be a string or null`);
}

function team(value: unknown): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value];
  throw invalidRequest('"team" must be a string, a list of strings or null');
}

function properties(value: unknown, blueprint: Blueprint): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalidRequest('"properties" must be an object');
  for (const [name, propertyValue] of Object.entries(value)) {
    const schema = blueprint.schema.properties[name];
    if (!schema) {
      throw schemaMismatch(`Property "${name}" is not declared by blueprint "${blueprint.identifier}"`);
    }
    const problem = valueProblem(schema, propertyValue);
    if (problem) throw schemaMismatch(`Property "${name}" ${problem}`);
  }
  return { ...value };
}

function relations(value: unknown, blueprint: Blueprint): Record<string, RelationValue> {
  if (!isPlainObject(value)) throw invalidRequest('"relations" must be an object');
  const checked: Record<string, RelationValue> = {};
  for (const [name, relationValue] of Object.entries(value)) {
    const relation = blueprint.relations[name];
    if (!relation) {
      throw schemaMismatch(`Relation "${name}" is not declared by blueprint "${blueprint.identifier}"`);
    }
    if (relation.many) {
      if (!Array.isArray(relationValue) || !relationValue.every((id) => typeof id === 'string')) {
        throw schemaMismatch(`Relation "${name}" is "many": its value must be a list of identifiers`);
      }
      checked[name] = [...relationValue];
    } else {
      if (relationValue !== null && typeof relationValue !== 'string') {
        throw schemaMismatch(`Relation "${name}" is single: its value must be an identifier or null`);
      }
      checked[name] = relationValue;
    }
  }
  return checked;
}

/** Why the value does not fit the property's schema; undefined when it fits. Null always fits. */
function valueProblem(schema: PropertySchema, value: unknown): string | undefined {
  if (value === null) return undefined;
  if (!hasType(schema.type, value)) return `must be of type ${schema.type}`;
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    return `must be one of ${JSON.stringify(schema.enum)}`;
  }
  if (typeof value === 'string' && schema.format === 'date-time' && !isDateTime(value)) {
    return 'must be a date-time (ISO 8601 with a time zone)';
  }
  if (typeof value === 'string' && schema.format === 'url' && !isUrl(value)) {
    return 'must be a url (http, https or ftp)';
  }
  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries()) {
      const problem = item === null ? 'must not be null' : valueProblem(schema.items, item);
      if (problem) return `item ${index} ${problem}`;
    }
  }
  return undefined;
}

function hasType(type: PropertySchema['type'], value: unknown): boolean {
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
      return isPlainObject(value);
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  return ['http:', 'https:', 'ftp:'].includes(new URL(value).protocol);
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
