import type { ResourceConfig } from '../config/types.js';
import type { Entity } from '../plan/entity.js';
import { describeJqError, describeValue, excerpt } from './describe-value.js';
import { isValidPortIdentifier } from './is-valid-port-identifier.js';
import type { MappingIssue } from './mapper.js';
import type { MappingProgram, ProgramExpression } from './mapping-program.js';
import { outputMismatch } from './output-mismatch.js';

/** What one entity row (see MappingProgram) came to. */
export type RowOutcome =
  | { kind: 'filtered' }
  | { kind: 'skipped' }
  | { kind: 'mapped'; blueprint: string; entity: Entity };

/** What one field evaluation came to: its value (null when it yielded nothing), or jq's error. */
type FieldResult = { isError: false; value: unknown } | { isError: true; message: string };

/**
 * Turns one entity row printed by the mapping program into an entity, or explains why there is none,
 * appending to `issues` every problem met: problems with the selector, identifier or blueprint skip the
 * row; a failed or ill-typed title, icon, team, property or relation becomes null. A row of a skipped
 * item reports only why it was skipped.
 */
export function readEntityRow(
  row: unknown,
  itemIndex: number,
  program: MappingProgram,
  resource: ResourceConfig,
  issues: MappingIssue[],
): RowOutcome {
  if (!Array.isArray(row) || (row.length !== 1 && row.length !== program.entityExpressions.length + 1)) {
    throw outputMismatch('jq printed an entity row of an unexpected shape', excerpt(JSON.stringify(row)));
  }
  const report = (expression: ProgramExpression, message: string, isItemSkipped: boolean) =>
    issues.push({ itemIndex, field: expression.field, place: expression.expression.place, message, isItemSkipped });

  const selectorExpression = program.expressions[0]!;
  const selector = readFieldResult(row[0]);
  if (selector.isError) {
    report(selectorExpression, selector.message, true);
    return { kind: 'skipped' };
  }
  if (selector.value === false) return { kind: 'filtered' };
  if (selector.value !== true) {
    report(selectorExpression, `must yield a boolean, got ${describeValue(selector.value)}`, true);
    return { kind: 'skipped' };
  }

  const results = program.entityExpressions.map((_, position) => readFieldResult(row[position + 1]));
  const [identifierExpression, blueprintExpression] = program.entityExpressions as [ProgramExpression, ProgramExpression];
  const identifierProblem = checkIdentifier(results[0]!);
  const blueprintProblem = checkBlueprint(results[1]!);
  if (identifierProblem !== null) report(identifierExpression, identifierProblem, true);
  if (blueprintProblem !== null) report(blueprintExpression, blueprintProblem, true);
  if (identifierProblem !== null || blueprintProblem !== null) return { kind: 'skipped' };

  const entity: Entity = {
    identifier: (results[0] as { value: string }).value,
    title: null,
    icon: null,
    team: null,
    properties: {},
    relations: {},
  };
  const relationValues = new Map<string, unknown>();
  program.entityExpressions.forEach((expression, position) => {
    if (position < 2) return;
    const result = results[position]!;
    const problem = result.isError ? result.message : checkValue(expression, result.value);
    if (problem !== null) report(expression, problem, false);
    const value = problem === null && !result.isError ? result.value : null;
    if (expression.role === 'property') setOwn(entity.properties, expression.key, value);
    else if (expression.role === 'relation') relationValues.set(expression.key, value);
    else if (expression.field === 'title') entity.title = value as string | null;
    else if (expression.field === 'icon') entity.icon = value as string | null;
    else entity.team = value as string | string[] | null;
  });
  // Relations are rebuilt in config order: search-query relations sit among the jq ones.
  for (const [key, relation] of Object.entries(resource.mappings.relations)) {
    setOwn(entity.relations, key, 'searchQuery' in relation ? structuredClone(relation.searchQuery) : relationValues.get(key) ?? null);
  }
  return { kind: 'mapped', blueprint: (results[1] as { value: string }).value, entity };
}

/** Reads one value slot of a row: `[]` nothing (null), `[v]` the value, `{"error": e}` jq's error. */
function readFieldResult(slot: unknown): FieldResult {
  if (Array.isArray(slot)) return { isError: false, value: slot.length === 0 ? null : slot[0] };
  if (slot !== null && typeof slot === 'object' && 'error' in slot) {
    return { isError: true, message: describeJqError(slot.error) };
  }
  throw outputMismatch('jq printed a field of an unexpected shape', excerpt(JSON.stringify(slot)));
}

/** Why an identifier result cannot name an entity, or null when it can. */
function checkIdentifier(result: FieldResult): string | null {
  if (result.isError) return result.message;
  const { value } = result;
  if (value === null) return 'yielded null or nothing: an entity needs an identifier';
  if (typeof value !== 'string') return `must be a string, got ${describeValue(value)}`;
  if (!isValidPortIdentifier(value)) {
    return `${excerpt(JSON.stringify(value))} is not a valid Port identifier (letters, digits and @_.+:\\/='- only, not "." or "..", at most 1000 characters)`;
  }
  return null;
}

/** Why a blueprint result cannot name a blueprint, or null when it can. */
function checkBlueprint(result: FieldResult): string | null {
  if (result.isError) return result.message;
  const { value } = result;
  if (value === null) return 'yielded null or nothing: an entity needs a blueprint';
  if (typeof value !== 'string' || value === '') return `must be a non-empty string, got ${describeValue(value)}`;
  return null;
}

/** Why a title, icon, team or relation value is not what Port takes, or null when it is (properties take any value). */
function checkValue(expression: ProgramExpression, value: unknown): string | null {
  if (value === null || typeof value === 'string') return null;
  switch (expression.role) {
    case 'text':
      return `must be a string or null, got ${describeValue(value)}`;
    case 'team':
    case 'relation':
      return Array.isArray(value) && value.every((element) => typeof element === 'string')
        ? null
        : `must be a string, a list of strings or null, got ${describeValue(value)}`;
    default:
      return null;
  }
}

/** Sets `key` as an own enumerable property, even `__proto__`, which plain assignment would turn into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
