import type { BlueprintDefinition } from '../config/index.js';
import { blueprintSchemaOf, type BlueprintSchema } from '../mapping/index.js';
import type { Blueprint, PortClient } from '../port/index.js';
import type { BlueprintChange } from './plan-document.js';

/** What a plan knows of the blueprints of the blueprints file. */
export interface PlannedBlueprintSchemas {
  /** Blueprints to create, and properties to add to blueprints Port has. */
  changes: BlueprintChange[];
  /**
   * Each blueprint of the file as Port will hold it once the changes are applied: Port's own, plus
   * the properties the file adds; the file's definition when Port has none. Entities are checked
   * against these.
   */
  schemas: Map<string, BlueprintSchema>;
}

/**
 * Reads the blueprints of the blueprints file from Port (read-only): one Port lacks is planned as a
 * create; one Port has keeps its property types (they are Port's, and may differ from the file's),
 * and the properties the file declares that Port's lacks are planned as additions.
 */
export async function planBlueprints(definitions: readonly BlueprintDefinition[], port: PortClient): Promise<PlannedBlueprintSchemas> {
  const existing = await Promise.all(definitions.map((definition) => port.getBlueprint(definition.identifier)));
  const changes: BlueprintChange[] = [];
  const schemas = new Map<string, BlueprintSchema>();
  definitions.forEach((definition, i) => {
    const wanted = blueprintSchemaOf(definition);
    const held = existing[i];
    if (!held) {
      changes.push({ identifier: definition.identifier, action: 'create' });
      schemas.set(definition.identifier, wanted);
      return;
    }
    const schema = blueprintSchemaOf(held);
    const missing = Object.keys(wanted.properties).filter((name) => !(name in schema.properties));
    if (missing.length > 0) changes.push({ identifier: definition.identifier, action: 'update', add_properties: missing });
    schemas.set(definition.identifier, { ...schema, properties: { ...schema.properties, ...Object.fromEntries(missing.map((name) => [name, wanted.properties[name]!])) } });
  });
  return { changes, schemas };
}

/** Port's blueprint with the properties of `names` added from the definition (the rest of its schema as it is). */
export function withAddedProperties(held: Blueprint, definition: BlueprintDefinition, names: readonly string[]): Blueprint['schema'] {
  const wanted = blueprintSchemaOf(definition);
  return {
    ...held.schema,
    properties: { ...held.schema.properties, ...Object.fromEntries(names.map((name) => [name, wanted.properties[name] ?? {}])) },
  };
}
