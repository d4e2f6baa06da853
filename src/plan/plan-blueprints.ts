import type { BlueprintDefinition } from '../config/index.js';
import type { PortClient } from '../port/index.js';
import type { BlueprintChange } from './plan-document.js';

/** The blueprints of the blueprints file that Port does not have yet (read-only look-ups). */
export async function planBlueprints(blueprints: readonly BlueprintDefinition[], port: PortClient): Promise<BlueprintChange[]> {
  const existing = await Promise.all(blueprints.map((b) => port.getBlueprint(b.identifier)));
  return blueprints.filter((_, i) => existing[i] === undefined).map((b) => ({ identifier: b.identifier, action: 'create' as const }));
}
