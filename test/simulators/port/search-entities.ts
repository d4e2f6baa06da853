import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_LIMIT_MIN } from './constants.js';
import { invalidRequest } from './port-api-error.js';
import { isPlainObject } from './parse-entity-input.js';
import type { Blueprint, StoredEntity } from './types.js';

/** A search query: rules joined by a combinator; a rule may itself be a query. */
export interface SearchQuery {
  combinator: 'and' | 'or';
  rules: (SearchRule | SearchQuery)[];
}

/** One condition on a field: `$identifier`, `$title`, `$blueprint`, `$datasource`, `$team`, meta, or a property name. */
export interface SearchRule {
  property: string;
  operator: '=' | '!=' | 'in' | 'contains';
  value: unknown;
}

/** A checked search body. */
export interface SearchRequest {
  /** Absent: every entity matches. */
  query: SearchQuery | undefined;
  /** The fields to return (see `pickFields`); undefined returns whole entities. */
  include: string[] | undefined;
  /** Page size, 1..1000. */
  limit: number;
  /** Identifier after which the page starts; undefined for the first page. */
  after: string | undefined;
}

/** One page of results and the cursor of the next, absent on the last page. */
export interface SearchPage {
  entities: Record<string, unknown>[];
  next?: string;
}

const OPERATORS = new Set(['=', '!=', 'in', 'contains']);

/** Checks a search body; throws 422 `invalid_request`. */
export function parseSearchRequest(raw: unknown): SearchRequest {
  const body = raw ?? {};
  if (!isPlainObject(body)) throw invalidRequest('The search body must be an object');
  const limit = body['limit'] ?? SEARCH_LIMIT_DEFAULT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < SEARCH_LIMIT_MIN || limit > SEARCH_LIMIT_MAX) {
    throw invalidRequest(`"limit" must be an integer from ${SEARCH_LIMIT_MIN} to ${SEARCH_LIMIT_MAX}`);
  }
  const include = body['include'];
  if (include !== undefined && (!Array.isArray(include) || !include.every((f) => typeof f === 'string'))) {
    throw invalidRequest('"include" must be a list of field names');
  }
  const from = body['from'];
  if (from !== undefined && typeof from !== 'string') throw invalidRequest('"from" must be the "next" of a previous page');
  return {
    query: body['query'] === undefined ? undefined : parseQuery(body['query']),
    include,
    limit,
    after: from === undefined ? undefined : decodeCursor(from),
  };
}

/**
 * One page of a search over entities given in identifier order: the first `limit` matches after the
 * cursor. Identifier order makes paging stable while entities are written between pages.
 */
export function searchEntities(
  sortedIdentifiers: string[],
  entityOf: (identifier: string) => StoredEntity,
  request: SearchRequest,
  blueprint: Blueprint,
): SearchPage {
  const matches: StoredEntity[] = [];
  let hasMore = false;
  for (let i = firstIndexAfter(sortedIdentifiers, request.after); i < sortedIdentifiers.length; i++) {
    const entity = entityOf(sortedIdentifiers[i]!);
    if (request.query && !matchesQuery(entity, request.query)) continue;
    if (matches.length === request.limit) {
      hasMore = true;
      break;
    }
    matches.push(entity);
  }
  const page: SearchPage = { entities: matches.map((entity) => pickFields(entity, request.include, blueprint)) };
  if (hasMore) page.next = encodeCursor(matches.at(-1)!.identifier);
  return page;
}

/**
 * The entity reduced to the fields `include` names, as Port answers: `$name` a meta-property (`$identifier`,
 * `$title`, `$team`, `$icon`, `$createdAt`…), a bare name a property or relation of the blueprint. Only what
 * is named comes back (the identifier too). The whole entity when `include` is undefined.
 */
export function pickFields(entity: StoredEntity, include: string[] | undefined, blueprint: Blueprint): Record<string, unknown> {
  const whole = entityAnswer(entity);
  if (!include) return whole;
  const picked: Record<string, unknown> = {};
  const pick = (group: 'properties' | 'relations', name: string) => {
    const values = whole[group] as Record<string, unknown>;
    if (name in values) ((picked[group] ??= {}) as Record<string, unknown>)[name] = values[name];
  };
  for (const field of include) {
    if (field.startsWith('$')) {
      const meta = field.slice(1) in whole ? field.slice(1) : field;
      if (meta in whole) picked[meta] = whole[meta];
    } else if (field in blueprint.schema.properties) {
      pick('properties', field);
    } else if (field in blueprint.relations) {
      pick('relations', field);
    }
  }
  return picked;
}

/**
 * A copy of the entity as Port's answers hold it: the contract has `title` and `icon` as strings, so one
 * that is null is left out.
 */
export function entityAnswer(entity: StoredEntity): Record<string, unknown> {
  const answer = structuredClone(entity) as unknown as Record<string, unknown>;
  for (const field of ['title', 'icon']) if (answer[field] === null) delete answer[field];
  return answer;
}

function parseQuery(raw: unknown): SearchQuery {
  if (!isPlainObject(raw)) throw invalidRequest('"query" must be an object');
  const combinator = raw['combinator'] ?? 'and';
  if (combinator !== 'and' && combinator !== 'or') throw invalidRequest('"combinator" must be "and" or "or"');
  const rules = raw['rules'] ?? [];
  if (!Array.isArray(rules)) throw invalidRequest('"rules" must be a list');
  return { combinator, rules: rules.map(parseRule) };
}

function parseRule(raw: unknown): SearchRule | SearchQuery {
  if (!isPlainObject(raw)) throw invalidRequest('A rule must be an object');
  if ('rules' in raw) return parseQuery(raw);
  const { property, operator, value } = raw;
  if (typeof property !== 'string') throw invalidRequest('A rule needs a "property"');
  if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
    throw invalidRequest(`Operator "${String(operator)}" is not supported (use =, !=, in, contains)`);
  }
  if (operator === 'in' && !Array.isArray(value)) throw invalidRequest('Operator "in" needs a list value');
  return { property, operator: operator as SearchRule['operator'], value };
}

function matchesQuery(entity: StoredEntity, query: SearchQuery): boolean {
  const test = (rule: SearchRule | SearchQuery): boolean =>
    'rules' in rule ? matchesQuery(entity, rule) : matchesRule(fieldValue(entity, rule.property), rule);
  return query.combinator === 'and' ? query.rules.every(test) : query.rules.some(test);
}

function matchesRule(actual: unknown, rule: SearchRule): boolean {
  switch (rule.operator) {
    case '=':
      return isSameJson(actual, rule.value);
    case '!=':
      return !isSameJson(actual, rule.value);
    case 'in': {
      const allowed = rule.value as unknown[];
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((value) => allowed.some((candidate) => isSameJson(value, candidate)));
    }
    case 'contains':
      if (typeof actual === 'string') return typeof rule.value === 'string' && actual.includes(rule.value);
      return Array.isArray(actual) && actual.some((item) => isSameJson(item, rule.value));
  }
}

/** `$name` reads the entity's own field or meta (`$identifier`, `$datasource`…); a bare name reads a property. */
function fieldValue(entity: StoredEntity, property: string): unknown {
  const record = entity as unknown as Record<string, unknown>;
  if (property.startsWith('$')) return record[property] ?? record[property.slice(1)];
  return entity.properties[property];
}

function isSameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

function encodeCursor(lastIdentifier: string): string {
  return Buffer.from(JSON.stringify({ after: lastIdentifier })).toString('base64url');
}

function decodeCursor(from: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(from, 'base64url').toString('utf8'));
    if (isPlainObject(parsed) && typeof parsed['after'] === 'string') return parsed['after'];
  } catch {
    // Falls through to the refusal below: a cursor that does not decode is the caller's mistake.
  }
  throw invalidRequest('"from" is not a cursor this API returned');
}

/** Index of the first identifier strictly after `after` (binary search); 0 when `after` is undefined. */
function firstIndexAfter(sorted: string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
