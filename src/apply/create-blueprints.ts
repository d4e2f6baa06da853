import type { BlueprintDefinition } from '../config/index.js';
import type { Blueprint, PortClient } from '../port/index.js';
import type { BlueprintChange } from '../plan/plan-document.js';

/**
 * Creates the planned blueprints: all of them bare first (a relation's target must exist), then each
 * one's relations. Stops at the first refusal: entities of a missing blueprint cannot be written.
 */
export async function createBlueprints(changes: readonly BlueprintChange[], definitions: readonly BlueprintDefinition[], port: PortClient): Promise<void> {
  const toCreate = changes.map((c) => {
    const definition = definitions.find((d) => d.identifier === c.identifier);
    if (!definition) throw new Error(`the plan creates blueprint ${c.identifier}, which the blueprints file no longer defines`);
    return definition;
  });
  for (const definition of toCreate) {
    const { relations: _relations, ...bare } = definition;
    await port.createBlueprint({ ...bare, relations: {} } as Blueprint);
  }
  for (const definition of toCreate) {
    if (Object.keys(definition.relations ?? {}).length > 0) await port.patchBlueprint(definition.identifier, { relations: definition.relations } as Partial<Blueprint>);
  }
}
