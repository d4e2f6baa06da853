import { invalidRequest } from './port-api-error.js';
import { isPlainObject } from './parse-entity-input.js';
import type { Blueprint, BlueprintProperty, BlueprintRelation } from './types.js';

const PROPERTY_TYPES = new Set(['string', 'number', 'boolean', 'array', 'object']);

/**
 * Checks a blueprint body and returns it in full shape: missing `schema`, `required` and `relations`
 * become empty, a relation's `required` and `many` default to false. Throws 422 `invalid_request`.
 * Whether relation targets exist is the catalog's business, not this function's.
 */
export function parseBlueprint(raw: unknown): Blueprint {
  if (!isPlainObject(raw)) throw invalidRequest('A blueprint must be a JSON object');
  // Patterns and lengths are the contract's, checked before any handler runs.
  const identifier = raw['identifier'];
  if (typeof identifier !== 'string') throw invalidRequest('"identifier" must be a string');
  const blueprint: Blueprint = {
    identifier,
    schema: { properties: parseProperties(raw['schema']), required: parseRequired(raw['schema']) },
    relations: parseRelations(raw['relations']),
  };
  for (const field of ['title', 'icon'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidRequest(`"${field}" must be a string`);
    blueprint[field] = value;
  }
  for (const name of blueprint.schema.required ?? []) {
    if (!blueprint.schema.properties[name]) throw invalidRequest(`Required property "${name}" is not declared`);
  }
  return blueprint;
}

/**
 * PATCH semantics: `title` and `icon` replaced when sent, schema properties and relations merged
 * name by name (a sent definition replaces the old one whole), `schema.required` replaced when sent.
 */
export function patchBlueprint(current: Blueprint, rawPatch: unknown): Blueprint {
  if (!isPlainObject(rawPatch)) throw invalidRequest('A blueprint patch must be a JSON object');
  if (rawPatch['identifier'] !== undefined && rawPatch['identifier'] !== current.identifier) {
    throw invalidRequest('"identifier" cannot change');
  }
  const schemaPatch = rawPatch['schema'] ?? {};
  if (!isPlainObject(schemaPatch)) throw invalidRequest('"schema" must be an object');
  const relationsPatch = rawPatch['relations'] ?? {};
  if (!isPlainObject(relationsPatch)) throw invalidRequest('"relations" must be an object');
  const propertiesPatch = schemaPatch['properties'] ?? {};
  if (!isPlainObject(propertiesPatch)) throw invalidRequest('"schema.properties" must be an object');
  return parseBlueprint({
    ...current,
    ...rawPatch,
    identifier: current.identifier,
    schema: {
      properties: { ...current.schema.properties, ...propertiesPatch },
      required: schemaPatch['required'] ?? current.schema.required,
    },
    relations: { ...current.relations, ...relationsPatch },
  });
}

function parseProperties(schema: unknown): Record<string, BlueprintProperty> {
  if (schema === undefined) return {};
  if (!isPlainObject(schema)) throw invalidRequest('"schema" must be an object');
  const properties = schema['properties'] ?? {};
  if (!isPlainObject(properties)) throw invalidRequest('"schema.properties" must be an object');
  const parsed: Record<string, BlueprintProperty> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isPlainObject(property) || !PROPERTY_TYPES.has(String(property['type']))) {
      throw invalidRequest(`Property "${name}" must have a type among ${[...PROPERTY_TYPES].join(', ')}`);
    }
    if (property['enum'] !== undefined && !Array.isArray(property['enum'])) {
      throw invalidRequest(`Property "${name}": "enum" must be a list`);
    }
    parsed[name] = { ...property } as BlueprintProperty;
  }
  return parsed;
}

function parseRequired(schema: unknown): string[] {
  const required = isPlainObject(schema) ? (schema['required'] ?? []) : [];
  if (!Array.isArray(required) || !required.every((name) => typeof name === 'string')) {
    throw invalidRequest('"schema.required" must be a list of property names');
  }
  return [...required];
}

function parseRelations(raw: unknown): Record<string, BlueprintRelation> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) throw invalidRequest('"relations" must be an object');
  const parsed: Record<string, BlueprintRelation> = {};
  for (const [name, relation] of Object.entries(raw)) {
    if (!isPlainObject(relation) || typeof relation['target'] !== 'string') {
      throw invalidRequest(`Relation "${name}" must be an object with a "target" blueprint`);
    }
    parsed[name] = {
      target: relation['target'],
      required: relation['required'] === true,
      many: relation['many'] === true,
      ...(typeof relation['title'] === 'string' ? { title: relation['title'] } : {}),
    };
  }
  return parsed;
}
