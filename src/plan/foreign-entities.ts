import type { PlannedChanges } from '../../state/index.js';
import { entityAddress } from '../model/index.js';
import { isOwnDatasource, type PortClient, type PortWriter } from '../port/index.js';
import type { ForeignEntityEntry } from './plan-document.js';

/** Identifiers asked about in one search. */
const IDENTIFIERS_PER_SEARCH = 100;

/** What a plan needs to tell its own entities in Port from another writer's. */
export interface PortOwnership {
  port: PortClient;
  /** This run's installation and shard, as every write names them. */
  writer: PortWriter;
}

/**
 * Takes out of the plan every change to an entity that Port holds as another writer's (isOwnDatasource),
 * and lists them. Asks Port only about the entities the plan would write, a search per hundred: an
 * unchanged plan reads nothing. A blueprint Port does not have yet holds nobody's entities.
 */
export async function leaveForeignEntities(changes: PlannedChanges, { port, writer }: PortOwnership): Promise<ForeignEntityEntry[]> {
  const found: ForeignEntityEntry[] = [];
  for (const blueprint of changes.blueprints()) {
    if (!(await port.getBlueprint(blueprint))) continue;
    const foreign: ForeignEntityEntry[] = [];
    for (let page = changes.addressPage(blueprint, 0, IDENTIFIERS_PER_SEARCH); page.length > 0; page = changes.addressPage(blueprint, page.at(-1)!.seq, IDENTIFIERS_PER_SEARCH)) {
      const actions = new Map(page.map((change) => [change.identifier, change.action]));
      const query = { combinator: 'and' as const, rules: [{ property: '$identifier', operator: 'in', value: [...actions.keys()] }] };
      for await (const entities of port.searchEntities(blueprint, query, ['$datasource'])) {
        for (const entity of entities) {
          const action = actions.get(entity.identifier);
          const datasource = typeof entity.$datasource === 'string' ? entity.$datasource : undefined;
          if (action === undefined || isOwnDatasource(datasource, writer)) continue;
          foreign.push({ address: entityAddress(blueprint, entity.identifier), blueprint, identifier: entity.identifier, action, datasource: datasource ?? '' });
        }
      }
    }
    changes.remove(blueprint, foreign.map((entry) => entry.identifier));
    found.push(...foreign);
  }
  return found.sort((a, b) => a.address.localeCompare(b.address));
}
