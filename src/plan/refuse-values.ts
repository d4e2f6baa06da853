import type { ResourceConfig } from '../config/index.js';
import { checkPropertyValues, type BlueprintSchema, type MappingIssue } from '../mapping/index.js';
import type { ValueRefusalLog } from './value-refusal-log.js';
import { entityAddress, type Entity, type Scope } from '../model/index.js';

/** The blueprints entities are checked against (with a blueprints file), and where refusals go. */
export interface ValueCheck {
  schemas: ReadonlyMap<string, BlueprintSchema>;
  log: ValueRefusalLog;
}

/** Where a mapped entity came from. */
export interface EntityOrigin {
  resource: ResourceConfig;
  /** Index of its item in the batch mapped. */
  itemIndex: number;
  scope: Scope;
  awsIdentifier: string | null;
}

/**
 * The mapping issues of the entity's values that its blueprint refuses (empty when it takes them all,
 * or when the blueprint's schema is unknown). Each refusal is logged too. An issue skips the item and
 * taints what it owns: the entity Port holds stays, unchanged and not deleted, until the mapping or the
 * blueprint is fixed; Port never sees a value it would refuse with a 422.
 */
export function refuseValues(check: ValueCheck, blueprint: string, entity: Entity, origin: EntityOrigin): MappingIssue[] {
  const schema = check.schemas.get(blueprint);
  if (!schema) return [];
  const refusals = checkPropertyValues(schema, entity.properties);
  if (refusals.length === 0) return [];
  const address = entityAddress(blueprint, entity.identifier);
  check.log.add(blueprint, address, refusals, origin.scope, origin.awsIdentifier);
  return refusals.map((refusal) => ({
    itemIndex: origin.itemIndex,
    field: `properties.${refusal.property}`,
    place: origin.resource.mappings.properties[refusal.property]?.place ?? origin.resource.mappings.blueprint.place,
    message: `${address}: ${refusal.value === undefined ? 'no value' : JSON.stringify(refusal.value)} ${refusal.message}`,
    isItemSkipped: true,
    isScopeTainting: true,
  }));
}
