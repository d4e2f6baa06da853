import type { ResolvedConfig } from '../config/index.js';
import { literalValueOf } from '../mapping/index.js';

/** The property and relation names a mapping writes, in the order it writes them (config order). */
export interface WrittenFields {
  properties: string[];
  relations: string[];
}

/** A blueprint to read back from Port, with the fields aws2port writes in it when the config says. */
export interface BlueprintToRebuild {
  blueprint: string;
  /** Undefined when no resource config names this blueprint as a literal (only the state knows it). */
  fields?: WrittenFields;
}

/**
 * The blueprints a rebuild reads: those the config's resource mappings name as a literal (in config
 * order, with the fields their mappings write: of several mappings, the first's order comes first), then
 * those only the state records. A blueprint chosen by a jq expression is known only from the state.
 */
export function blueprintsToRebuild(config: ResolvedConfig, stateBlueprints: Iterable<string>): BlueprintToRebuild[] {
  const byName = new Map<string, BlueprintToRebuild>();
  for (const resource of config.resources) {
    const name = literalValueOf(resource.mappings.blueprint.text);
    if (typeof name !== 'string') continue;
    const entry = byName.get(name) ?? { blueprint: name, fields: { properties: [], relations: [] } };
    byName.set(name, entry);
    addNew(entry.fields!.properties, Object.keys(resource.mappings.properties));
    addNew(entry.fields!.relations, Object.keys(resource.mappings.relations));
  }
  for (const name of stateBlueprints) if (!byName.has(name)) byName.set(name, { blueprint: name });
  return [...byName.values()];
}

function addNew(list: string[], names: readonly string[]): void {
  for (const name of names) if (!list.includes(name)) list.push(name);
}
