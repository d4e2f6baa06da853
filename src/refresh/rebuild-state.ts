import { entityRecord, UNKNOWN_SCOPE } from '../model/index.js';
import { isWrittenBy, installationName, type Blueprint, type PortClient, type PortWriter } from '../port/index.js';
import { RebuiltAddresses, type StateStore } from '../../state/index.js';
import type { BlueprintToRebuild, WrittenFields } from './blueprints-to-rebuild.js';
import { entityHeldByPort } from './entity-held-by-port.js';

/** What a rebuild recorded. */
export interface RebuildResult {
  /** Entities Port holds as this installation's (and shard's), now recorded. */
  entities: number;
  /** Blueprints in which it found any. */
  blueprints: number;
}

/**
 * Rebuilds the state from Port: for each blueprint, the entities whose `$datasource` says this
 * installation (and shard) wrote them (isWrittenBy; Port's `contains` search narrows, the exact check
 * decides), page by page, with only the fields aws2port writes. Each is recorded as Port holds it, in the
 * body the mapping would give (entityHeldByPort), owned by the scope the state already records for it,
 * else by the unknown scope. What the state recorded of these blueprints that Port no longer holds as
 * ours is forgotten. Writes to the state only, never to Port. Needs a named installation. A blueprint
 * Port does not have (yet: apply creates those of a blueprints file) holds nothing and is skipped; one
 * no mapping of the config names (only the state knows it) is read with every field its schema has.
 */
export async function rebuildState(store: StateStore, port: PortClient, writer: PortWriter, blueprints: readonly BlueprintToRebuild[]): Promise<RebuildResult> {
  const installation = installationName(writer);
  if (installation === undefined) throw new Error('rebuildState needs a named installation');
  const query = { combinator: 'and' as const, rules: [{ property: '$datasource', operator: 'contains', value: `/${installation}` }] };
  const result: RebuildResult = { entities: 0, blueprints: 0 };
  const found = new RebuiltAddresses(store.db);
  try {
    for (const { blueprint, fields: written } of blueprints) {
      const definition = await port.getBlueprint(blueprint);
      if (!definition) continue;
      const fields = written ?? schemaFields(definition);
      const include = ['$identifier', '$title', '$icon', '$team', '$datasource', ...fields.properties, ...fields.relations];
      let count = 0;
      for await (const page of port.searchEntities(blueprint, query, include)) {
        const ours = page.filter((held) => isWrittenBy(held['$datasource'], writer));
        store.recordWrites((state) => {
          for (const held of ours) {
            const recorded = store.getEntity(blueprint, held.identifier);
            state.putEntity(entityRecord(blueprint, entityHeldByPort(held, fields), recorded?.scope ?? UNKNOWN_SCOPE, recorded?.awsIdentifier ?? null));
          }
        });
        found.add(blueprint, ours.map((held) => held.identifier));
        count += ours.length;
      }
      found.forgetUnfound(store, blueprint);
      result.entities += count;
      if (count > 0) result.blueprints += 1;
    }
    return result;
  } finally {
    found.close();
  }
}

/** Every property and relation of a blueprint, for a blueprint no mapping names. */
function schemaFields(definition: Blueprint): WrittenFields {
  return { properties: Object.keys(definition.schema.properties), relations: Object.keys(definition.relations ?? {}) };
}
