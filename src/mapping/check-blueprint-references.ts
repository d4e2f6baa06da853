import type { BlueprintDefinition, ConfigPlace, ConfigProblem, ResourceConfig } from '../config/index.js';
import { literalValueOf } from './fast-path/parse-jq.js';

/**
 * Checks each mapping against the blueprints it writes to. A mapping whose blueprint is a string
 * literal must name a blueprint of the file, and set only properties and relations that blueprint
 * declares: errors, because Port refuses every entity that breaks these rules. A blueprint computed
 * by jq cannot be checked: a warning says so.
 */
export function checkBlueprintReferences(
  resources: readonly ResourceConfig[],
  blueprints: readonly BlueprintDefinition[],
  files: { config: string; blueprints: string },
): { errors: ConfigProblem[]; warnings: ConfigProblem[] } {
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const problem = (place: ConfigPlace, message: string): ConfigProblem => ({ code: 'ConfigInvalid', message, path: place.path, line: place.line, file: files.config });
  const byName = new Map(blueprints.map((blueprint) => [blueprint.identifier, blueprint]));
  for (const resource of resources) {
    const { mappings } = resource;
    const name = literalValueOf(mappings.blueprint.text);
    if (typeof name !== 'string') {
      warnings.push(problem(mappings.blueprint.place, `is computed by jq, so its blueprint, properties and relations are not checked against ${files.blueprints}.`));
      continue;
    }
    const blueprint = byName.get(name);
    if (!blueprint) {
      errors.push(problem(mappings.blueprint.place, `names blueprint "${name}", which ${files.blueprints} does not define (it defines: ${listed(byName.keys())}).`));
      continue;
    }
    const properties = namesOf((blueprint['schema'] as { properties?: unknown } | undefined)?.properties);
    const relations = namesOf(blueprint.relations);
    for (const [key, expression] of Object.entries(mappings.properties)) {
      if (!properties.includes(key)) {
        errors.push(problem(expression.place, `blueprint "${name}" declares no property "${key}" (it declares: ${listed(properties)}); Port would refuse every entity of this mapping.`));
      }
    }
    for (const [key, relation] of Object.entries(mappings.relations)) {
      if (!relations.includes(key)) {
        errors.push(problem(relation.place, `blueprint "${name}" declares no relation "${key}" (it declares: ${listed(relations)}); Port would refuse every entity of this mapping.`));
      }
    }
  }
  return { errors, warnings };
}

/** The keys of a JSON object (`schema.properties`, `relations`); none for anything else. */
function namesOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

function listed(names: Iterable<string>): string {
  const all = [...names];
  return all.length === 0 ? 'none' : all.join(', ');
}
