import type { ResourceConfig } from '../config/index.js';
import { describeValue, excerpt } from './describe-value.js';
import { JqFailure } from './fast-path/jq-failure.js';
import { setOwn } from './fast-path/jq-values.js';
import { FieldHalt } from './field-halt.js';
import { type Entity, isValidPortIdentifier } from '../model/index.js';
import type { MappingField } from './mapping-fields.js';
import type { FieldRow } from './run-field-program.js';
import { valueLimitProblem } from './value-limit-problem.js';

/** Reports one issue of the item being assembled. */
export type IssueReport = (field: MappingField, message: string, isItemSkipped: boolean, isScopeTainting: boolean) => void;

/** How to assemble entities of one resource config, worked out once (see assemblyOf). */
export interface AssembleOptions {
  /** The entity fields, in the row's order: identifier, blueprint, then the others. */
  fields: readonly MappingField[];
  /** A jq error in title, icon, team, a property or a relation skips the item instead of nulling the field. */
  isStrict: boolean;
  /** The relations in config order: a search query (copied into each entity) or the row position of a jq relation. */
  relations: ReadonlyArray<{ key: string; searchQuery: unknown; position: number }>;
}

/** The assembly of a resource config's entities. */
export function assemblyOf(resource: ResourceConfig, fields: readonly MappingField[], isStrict: boolean): AssembleOptions {
  const relations = Object.entries(resource.mappings.relations).map(([key, relation]) => ({
    key,
    searchQuery: 'searchQuery' in relation ? relation.searchQuery : undefined,
    position: fields.findIndex((field) => field.role === 'relation' && field.key === key),
  }));
  return { fields, isStrict, relations };
}

/**
 * Applies Port's rules to the values of an item's entity fields and builds its entity, or returns
 * null when it has none. A value beyond the mapping's limits (valueLimitProblem) skips the item.
 * Problems with the identifier or blueprint skip the item (and only they are
 * reported); a failed or ill-typed title, icon, team, property or relation becomes null with an issue
 * (under `isStrict`, a failure skips the item, and only failures are reported).
 */
export function assembleEntity(row: FieldRow, options: AssembleOptions, report: IssueReport): { blueprint: string; entity: Entity } | null {
  const { fields } = options;
  if (row instanceof FieldHalt) {
    report(row.field, row.message, true, true);
    return null;
  }
  // A value the mapping cannot carry (too deep, a number beyond a double) skips the item: its entity
  // would be wrong without a word, so its scope is not trusted either.
  let isCarried = true;
  for (let position = 0; position < row.length; position += 1) {
    const slot = row[position];
    const problem = typeof slot === 'string' || slot instanceof JqFailure ? null : valueLimitProblem(slot);
    if (problem === null) continue;
    report(fields[position]!, `the value ${problem}`, true, true);
    isCarried = false;
  }
  if (!isCarried) return null;
  const [identifierField, blueprintField] = fields as [MappingField, MappingField];
  const identifierProblem = checkIdentifier(row[0]);
  const blueprintProblem = checkBlueprint(row[1]);
  if (identifierProblem !== null) report(identifierField, identifierProblem, true, row[0] instanceof JqFailure);
  if (blueprintProblem !== null) report(blueprintField, blueprintProblem, true, row[1] instanceof JqFailure);
  if (identifierProblem !== null || blueprintProblem !== null) return null;

  if (options.isStrict && row.some((slot) => slot instanceof JqFailure)) {
    row.forEach((slot, position) => {
      if (slot instanceof JqFailure) report(fields[position]!, slot.message, true, true);
    });
    return null;
  }
  const entity: Entity = { identifier: row[0] as string, title: null, icon: null, team: null, properties: {}, relations: {} };
  for (let position = 2; position < fields.length; position += 1) {
    const field = fields[position]!;
    const slot = row[position];
    const problem = slot instanceof JqFailure ? slot.message : checkValue(field, slot);
    if (problem !== null) {
      report(field, problem, false, false);
      row[position] = null;
    }
    if (field.role === 'property') setOwn(entity.properties, field.key, row[position]);
    else if (field.field === 'title') entity.title = row[position] as string | null;
    else if (field.field === 'icon') entity.icon = row[position] as string | null;
    else if (field.role === 'team') entity.team = row[position] as string | string[] | null;
  }
  // Relations in config order: search-query relations sit among the jq ones.
  for (const relation of options.relations) {
    setOwn(entity.relations, relation.key, relation.position === -1 ? structuredClone(relation.searchQuery) : row[relation.position]);
  }
  return { blueprint: row[1] as string, entity };
}

/** Why an identifier cannot name an entity, or null when it can. */
function checkIdentifier(slot: unknown): string | null {
  if (slot instanceof JqFailure) return slot.message;
  if (slot === null) return 'yielded null or nothing: an entity needs an identifier';
  if (typeof slot !== 'string') return `must be a string, got ${describeValue(slot)}`;
  return isValidPortIdentifier(slot) ? null : notAnIdentifier(slot);
}

/** Why Port refuses `value` as an identifier (an entity's or a relation's target). */
function notAnIdentifier(value: string): string {
  return `${excerpt(JSON.stringify(value))} is not a valid Port identifier (letters, digits and @_.+:\\/='- only, not "." or "..", at most 1000 characters)`;
}

/** Why a blueprint cannot name a blueprint, or null when it can. */
function checkBlueprint(slot: unknown): string | null {
  if (slot instanceof JqFailure) return slot.message;
  if (slot === null) return 'yielded null or nothing: an entity needs a blueprint';
  if (typeof slot !== 'string' || slot === '') return `must be a non-empty string, got ${describeValue(slot)}`;
  return null;
}

/**
 * Why a title, icon, team or relation value is not what Port takes, or null when it is (properties take
 * any value). A relation names its targets by identifier, so each must be one Port accepts: Port checks
 * that for the whole request, and one bad target would fail every entity of the batch.
 */
function checkValue(field: MappingField, value: unknown): string | null {
  if (field.role === 'relation') return checkRelationTargets(value);
  if (value === null || typeof value === 'string') return null;
  switch (field.role) {
    case 'text':
      return `must be a string or null, got ${describeValue(value)}`;
    case 'team':
      return Array.isArray(value) && value.every((element) => typeof element === 'string')
        ? null
        : `must be a string, a list of strings or null, got ${describeValue(value)}`;
    default:
      return null;
  }
}

/** Why a relation value is not null, a target identifier or a list of them, or null when it is one. */
function checkRelationTargets(value: unknown): string | null {
  if (value === null) return null;
  const targets = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(targets) || !targets.every((target) => typeof target === 'string')) {
    return `must be a string, a list of strings or null, got ${describeValue(value)}`;
  }
  const invalid = targets.find((target) => !isValidPortIdentifier(target));
  return invalid === undefined ? null : notAnIdentifier(invalid);
}
