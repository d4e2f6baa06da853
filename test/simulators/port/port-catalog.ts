import { UI_USER } from './constants.js';
import { checkIdentifier, type EntityInput } from './parse-entity-input.js';
import { notFound, PortApiError } from './port-api-error.js';
import type { Blueprint, EntityPatch, EntityRef, RelationValue, StoredEntity } from './types.js';

/** How an upsert treats an existing entity and missing relation targets (Port's query options). */
export interface UpsertOptions {
  /** False: an existing identifier is refused with 409. */
  isUpsert: boolean;
  /** True: only the fields sent change. False: the entity is replaced. */
  isMerge: boolean;
  /** True: a missing relation target is created bare instead of failing the upsert with 404. */
  shouldCreateMissingRelated: boolean;
  /** `validation_only=true`: every check made, nothing stored (absent: false). */
  isValidationOnly?: boolean;
}

/** Who writes: the client id of the token and the request's User-Agent. */
export interface Writer {
  clientId: string;
  datasource: string;
}

/** What one upsert did. */
export interface UpsertResult {
  entity: StoredEntity;
  isCreated: boolean;
  /** Bare entities created for missing relation targets; empty when none. */
  createdRelated: EntityRef[];
}

interface BlueprintEntities {
  byIdentifier: Map<string, StoredEntity>;
  /** Identifiers in code-unit order; undefined after a create or delete until the next read. */
  sortedIdentifiers: string[] | undefined;
}

/**
 * The organization's catalog: blueprints and their entities, in memory. Every write checks all it
 * needs before it changes anything, so a refused write leaves the catalog as it was. Keeps a reverse
 * index of relations so that dependents are found without a scan.
 */
export class PortCatalog {
  private readonly blueprintsById = new Map<string, Blueprint>();
  private readonly entitiesByBlueprint = new Map<string, BlueprintEntities>();
  /** Entity key -> keys of the entities whose relations point at it. */
  private readonly referrers = new Map<string, Set<string>>();
  /** Entity key -> the keys it was indexed under, so that a blueprint change cannot orphan entries. */
  private readonly outgoing = new Map<string, string[]>();
  /** Who made and last changed each blueprint, and when: Port answers these with every blueprint. */
  private readonly blueprintMeta = new Map<string, BlueprintMeta>();

  /**
   * @param now clock in epoch milliseconds, for the meta times.
   * @param seeds blueprints present at start; their relation targets must be among them.
   */
  constructor(
    private readonly now: () => number,
    seeds: Blueprint[],
  ) {
    for (const blueprint of seeds) this.blueprintsById.set(blueprint.identifier, structuredClone(blueprint));
    for (const blueprint of seeds) this.checkRelationTargets(blueprint);
    for (const blueprint of seeds) this.touchBlueprint(blueprint.identifier, UI_USER);
  }

  /** The blueprint; throws 404 when it does not exist. */
  blueprint(identifier: string): Blueprint {
    const blueprint = this.blueprintsById.get(identifier);
    if (!blueprint) throw notFound(`Blueprint with identifier "${identifier}" was not found`);
    return blueprint;
  }

  /** Every blueprint, sorted by identifier. */
  blueprints(): Blueprint[] {
    return [...this.blueprintsById.values()].sort((a, b) => compareCodeUnits(a.identifier, b.identifier));
  }

  /** The blueprint as Port answers it: with its meta (`createdAt`, `createdBy`, `updatedAt`, `updatedBy`). */
  describeBlueprint(blueprint: Blueprint): Blueprint & BlueprintMeta {
    return { ...blueprint, ...this.blueprintMeta.get(blueprint.identifier)! };
  }

  /** Adds a blueprint; 409 `identifier_taken` if it exists, 404 if a relation target does not. */
  createBlueprint(blueprint: Blueprint, writer: Writer): Blueprint {
    if (this.blueprintsById.has(blueprint.identifier)) {
      throw new PortApiError(409, 'identifier_taken', `Blueprint "${blueprint.identifier}" already exists`);
    }
    this.checkRelationTargets(blueprint);
    this.blueprintsById.set(blueprint.identifier, blueprint);
    this.touchBlueprint(blueprint.identifier, writer.clientId);
    return blueprint;
  }

  /** Replaces an existing blueprint (404 when missing). Entities are not revalidated. */
  replaceBlueprint(blueprint: Blueprint, writer: Writer): Blueprint {
    this.blueprint(blueprint.identifier);
    this.checkRelationTargets(blueprint);
    this.blueprintsById.set(blueprint.identifier, blueprint);
    this.touchBlueprint(blueprint.identifier, writer.clientId);
    return blueprint;
  }

  private touchBlueprint(identifier: string, by: string): void {
    const at = new Date(this.now()).toISOString();
    const created = this.blueprintMeta.get(identifier);
    this.blueprintMeta.set(identifier, { createdAt: created?.createdAt ?? at, createdBy: created?.createdBy ?? by, updatedAt: at, updatedBy: by });
  }

  /** The stored entity, or undefined. The object is live: copy it before handing it out. */
  entity(blueprint: string, identifier: string): StoredEntity | undefined {
    return this.entitiesByBlueprint.get(blueprint)?.byIdentifier.get(identifier);
  }

  /** Identifiers of a blueprint's entities, in code-unit order (cached until the next create or delete). */
  sortedIdentifiers(blueprint: string): string[] {
    const entities = this.entitiesByBlueprint.get(blueprint);
    if (!entities) return [];
    entities.sortedIdentifiers ??= [...entities.byIdentifier.keys()].sort(compareCodeUnits);
    return entities.sortedIdentifiers;
  }

  /** A blueprint's entities (live objects), sorted by identifier. */
  entities(blueprint: string): StoredEntity[] {
    return this.sortedIdentifiers(blueprint).map((identifier) => this.entity(blueprint, identifier)!);
  }

  /**
   * Creates or changes one entity of an existing blueprint. Refusals: 404 blueprint or relation target
   * missing, 409 `identifier_taken` (exists and not upsert), 422 `schema_mismatch` (required property
   * missing), 422 `required_relation_missing`, 422 `invalid_request` (missing target with a bad identifier).
   */
  upsertEntity(blueprintId: string, input: EntityInput, options: UpsertOptions, writer: Writer): UpsertResult {
    const blueprint = this.blueprint(blueprintId);
    const existing = this.entity(blueprintId, input.identifier);
    if (existing && !options.isUpsert) {
      throw new PortApiError(
        409,
        'identifier_taken',
        `Entity "${input.identifier}" already exists in blueprint "${blueprintId}"`,
      );
    }
    const base = existing && options.isMerge ? existing : undefined;
    const fields = {
      title: input.title !== undefined ? input.title : (base?.title ?? null),
      icon: input.icon !== undefined ? input.icon : (base?.icon ?? null),
      team: input.team ?? base?.team ?? [],
      properties: { ...base?.properties, ...input.properties },
      relations: { ...base?.relations, ...input.relations },
    };
    checkRequired(blueprint, fields.properties, fields.relations);
    const missingTargets = this.missingTargets(blueprint, input, options.shouldCreateMissingRelated);
    if (options.isValidationOnly) return { entity: this.entityOf(blueprintId, { identifier: input.identifier, ...fields }, writer), isCreated: false, createdRelated: [] };

    for (const ref of missingTargets) this.store(ref.blueprint, bareEntity(ref.identifier), writer);
    const entity = this.store(blueprintId, { identifier: input.identifier, ...fields }, writer);
    return { entity, isCreated: !existing, createdRelated: missingTargets };
  }

  /**
   * Deletes entities of one blueprint; identifiers that do not exist are skipped. With
   * `deleteDependents`, every entity that relates to a deleted one is deleted too, recursively;
   * without, a dependent outside the request refuses the whole request (422 `has_dependents`).
   * Returns every entity removed, the requested ones first.
   */
  deleteEntities(blueprint: string, identifiers: string[], deleteDependents: boolean): EntityRef[] {
    this.blueprint(blueprint);
    const doomed = new Map<string, EntityRef>();
    for (const identifier of identifiers) {
      if (this.entity(blueprint, identifier)) doomed.set(entityKey(blueprint, identifier), { blueprint, identifier });
    }
    for (const [key, ref] of doomed) {
      for (const dependentKey of this.referrers.get(key) ?? []) {
        if (doomed.has(dependentKey)) continue;
        const dependent = parseEntityKey(dependentKey);
        if (!deleteDependents) {
          throw new PortApiError(
            422,
            'has_dependents',
            `Entity "${ref.identifier}" of blueprint "${ref.blueprint}" has dependent entities ` +
              `(e.g. "${dependent.identifier}" of blueprint "${dependent.blueprint}"); ` +
              'delete them first or pass delete_dependents=true',
          );
        }
        // Appending while iterating a Map visits the new entry too: that is the recursion.
        doomed.set(dependentKey, dependent);
      }
    }
    for (const ref of doomed.values()) this.remove(ref.blueprint, ref.identifier);
    return [...doomed.values()];
  }

  /** Out-of-band edit (Port's UI): merges the patch without validation; throws if the entity is missing. */
  editEntity(blueprint: string, identifier: string, patch: EntityPatch): void {
    const current = this.entity(blueprint, identifier);
    if (!current) throw new Error(`editEntity: ${blueprint}/${identifier} does not exist`);
    const team = patch.team === undefined ? current.team : patch.team === null ? [] : [patch.team].flat();
    const next: StoredEntity = {
      ...current,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.icon !== undefined ? { icon: patch.icon } : {}),
      team,
      properties: { ...current.properties, ...patch.properties },
      relations: { ...current.relations, ...patch.relations },
      $updatedAt: new Date(this.now()).toISOString(),
      $updatedBy: UI_USER,
    };
    this.put(next);
  }

  /** Out-of-band removal (Port's UI): no dependents check; throws if the entity is missing. */
  removeEntity(blueprint: string, identifier: string): void {
    if (!this.entity(blueprint, identifier)) throw new Error(`removeEntity: ${blueprint}/${identifier} does not exist`);
    this.remove(blueprint, identifier);
  }

  /** Relation targets named by the input that do not exist; throws 404 unless they may be created. */
  private missingTargets(blueprint: Blueprint, input: EntityInput, mayCreate: boolean): EntityRef[] {
    const missing = new Map<string, EntityRef>();
    for (const [name, value] of Object.entries(input.relations ?? {})) {
      const target = blueprint.relations[name]!.target;
      for (const identifier of relationIdentifiers(value)) {
        const isSelf = target === blueprint.identifier && identifier === input.identifier;
        if (isSelf || this.entity(target, identifier)) continue;
        if (!mayCreate) {
          throw notFound(`Entity with identifier "${identifier}" does not exist in the blueprint "${target}"`);
        }
        checkIdentifier(identifier);
        missing.set(entityKey(target, identifier), { blueprint: target, identifier });
      }
    }
    return [...missing.values()];
  }

  private checkRelationTargets(blueprint: Blueprint): void {
    for (const [name, relation] of Object.entries(blueprint.relations)) {
      if (relation.target === blueprint.identifier || this.blueprintsById.has(relation.target)) continue;
      throw notFound(`Relation "${name}": target blueprint "${relation.target}" was not found`);
    }
  }

  /** Writes an entity from its fields, keeping creation meta when it already exists. */
  private store(blueprint: string, fields: EntityFields, writer: Writer): StoredEntity {
    const entity = this.entityOf(blueprint, fields, writer);
    this.put(entity);
    return entity;
  }

  /** The entity a write of `fields` would store (meta-properties set), not stored. */
  private entityOf(blueprint: string, fields: EntityFields, writer: Writer): StoredEntity {
    const existing = this.entity(blueprint, fields.identifier);
    const at = new Date(this.now()).toISOString();
    return {
      identifier: fields.identifier,
      blueprint,
      title: fields.title,
      icon: fields.icon,
      team: [...fields.team],
      properties: structuredClone(fields.properties),
      relations: structuredClone(fields.relations),
      $createdAt: existing?.$createdAt ?? at,
      $updatedAt: at,
      $createdBy: existing?.$createdBy ?? writer.clientId,
      $updatedBy: writer.clientId,
      $datasource: writer.datasource,
    };
  }

  private put(entity: StoredEntity): void {
    let entities = this.entitiesByBlueprint.get(entity.blueprint);
    if (!entities) {
      entities = { byIdentifier: new Map(), sortedIdentifiers: undefined };
      this.entitiesByBlueprint.set(entity.blueprint, entities);
    }
    const previous = entities.byIdentifier.get(entity.identifier);
    if (previous) this.unindex(previous);
    else entities.sortedIdentifiers = undefined;
    entities.byIdentifier.set(entity.identifier, entity);
    this.index(entity);
  }

  private remove(blueprint: string, identifier: string): void {
    const entities = this.entitiesByBlueprint.get(blueprint);
    const entity = entities?.byIdentifier.get(identifier);
    if (!entities || !entity) return;
    this.unindex(entity);
    entities.byIdentifier.delete(identifier);
    entities.sortedIdentifiers = undefined;
  }

  private index(entity: StoredEntity): void {
    const source = entityKey(entity.blueprint, entity.identifier);
    const targets = this.targetKeys(entity);
    this.outgoing.set(source, targets);
    for (const target of targets) {
      let sources = this.referrers.get(target);
      if (!sources) this.referrers.set(target, (sources = new Set()));
      sources.add(source);
    }
  }

  private unindex(entity: StoredEntity): void {
    const source = entityKey(entity.blueprint, entity.identifier);
    for (const target of this.outgoing.get(source) ?? []) {
      const sources = this.referrers.get(target);
      sources?.delete(source);
      if (sources?.size === 0) this.referrers.delete(target);
    }
    this.outgoing.delete(source);
  }

  /** Keys of the entities this one points at, itself excluded (a self-relation is no dependency). */
  private targetKeys(entity: StoredEntity): string[] {
    const relations = this.blueprintsById.get(entity.blueprint)?.relations ?? {};
    const self = entityKey(entity.blueprint, entity.identifier);
    const keys: string[] = [];
    for (const [name, value] of Object.entries(entity.relations)) {
      const target = relations[name]?.target;
      if (target === undefined) continue;
      for (const identifier of relationIdentifiers(value)) {
        const key = entityKey(target, identifier);
        if (key !== self) keys.push(key);
      }
    }
    return keys;
  }
}

/** Orders strings by UTF-16 code units, the same on every machine (no locale). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkRequired(
  blueprint: Blueprint,
  properties: Record<string, unknown>,
  relations: Record<string, RelationValue>,
): void {
  for (const name of blueprint.schema.required ?? []) {
    if (properties[name] === undefined || properties[name] === null) {
      throw new PortApiError(422, 'schema_mismatch', `Required property "${name}" is missing`);
    }
  }
  for (const [name, relation] of Object.entries(blueprint.relations)) {
    if (relation.required && relationIdentifiers(relations[name] ?? null).length === 0) {
      throw new PortApiError(422, 'required_relation_missing', `Required relation "${name}" is missing`);
    }
  }
}

function relationIdentifiers(value: RelationValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Port's meta of a blueprint. */
interface BlueprintMeta {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

type EntityFields = Pick<StoredEntity, 'identifier' | 'title' | 'icon' | 'team' | 'properties' | 'relations'>;

/** What `create_missing_related_entities` makes: the identifier and nothing else. */
function bareEntity(identifier: string): EntityFields {
  return { identifier, title: null, icon: null, team: [], properties: {}, relations: {} };
}

function entityKey(blueprint: string, identifier: string): string {
  return `${blueprint}\u0000${identifier}`;
}

function parseEntityKey(key: string): EntityRef {
  const separator = key.indexOf('\u0000');
  return { blueprint: key.slice(0, separator), identifier: key.slice(separator + 1) };
}
