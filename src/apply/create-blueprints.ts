import type { BlueprintDefinition } from '../config/index.js';
import { Aws2PortError } from '../errors/index.js';
import type { Blueprint, PortClient } from '../port/index.js';
import { withAddedProperties, type BlueprintChange } from '../plan/index.js';

/**
 * Makes the planned blueprint changes: every planned blueprint created bare first (a relation's
 * target must exist), then each one's relations; then the planned properties added to blueprints
 * Port has (Port's own schema sent back whole with them, so Port's existing properties are kept
 * whether Port merges or replaces the schema). Stops at the first refusal: entities of a missing
 * blueprint cannot be written.
 */
export async function createBlueprints(changes: readonly BlueprintChange[], definitions: readonly BlueprintDefinition[], port: PortClient): Promise<void> {
  const definitionOf = (identifier: string) => {
    const definition = definitions.find((d) => d.identifier === identifier);
    if (!definition) throw new Aws2PortError('PlanStale', `Saved plan is stale: it changes blueprint ${identifier}, which the blueprints file no longer defines. Run plan again.`, { subject: identifier });
    return definition;
  };
  const toCreate = changes.filter((c) => c.action === 'create').map((c) => definitionOf(c.identifier));
  for (const definition of toCreate) {
    const { relations: _relations, ...bare } = definition;
    await port.createBlueprint({ ...bare, relations: {} } as Blueprint);
  }
  for (const definition of toCreate) {
    if (Object.keys(definition.relations ?? {}).length > 0) await port.patchBlueprint(definition.identifier, { relations: definition.relations } as Partial<Blueprint>);
  }
  for (const change of changes) {
    if (change.action !== 'update') continue;
    const held = await port.getBlueprint(change.identifier);
    if (!held) throw new Aws2PortError('PlanStale', `Saved plan is stale: it adds properties to blueprint ${change.identifier}, which Port no longer has. Run plan again.`, { subject: change.identifier });
    await port.patchBlueprint(change.identifier, { schema: withAddedProperties(held, definitionOf(change.identifier), change.add_properties) });
  }
}
