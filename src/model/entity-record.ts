import type { Entity } from './entity.js';
import type { Scope } from './scope.js';

/** An entity with its JSON text, made once (`serializeEntity`) and reused wherever that text is wanted. */
export interface SerializedEntity {
  entity: Entity;
  /** `JSON.stringify(entity)`: what the state stores and hashes, and what Port's request is assembled from. */
  body: string;
}

/**
 * The one shape of an owned entity through plan, state and apply: an entity the mapping produced in
 * this run (desired) and one the state records (written to Port and confirmed) are the same record.
 */
export interface EntityRecord extends SerializedEntity {
  blueprint: string;
  identifier: string;
  /** The scope that owns it. */
  scope: Scope;
  /** Cloud Control's Identifier of the AWS item it came from; null when unknown. */
  awsIdentifier: string | null;
}

/** The entity with its JSON text: the one place an entity body is serialized. */
export function serializeEntity(entity: Entity): SerializedEntity {
  return { entity, body: JSON.stringify(entity) };
}

/** The record of `entity` of `blueprint`, owned by `scope` and the AWS item `awsIdentifier`. */
export function entityRecord(blueprint: string, entity: Entity, scope: Scope, awsIdentifier: string | null): EntityRecord {
  return { blueprint, identifier: entity.identifier, scope, awsIdentifier, ...serializeEntity(entity) };
}
