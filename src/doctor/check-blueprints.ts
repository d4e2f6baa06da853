import type { BlueprintDefinition, ResourceConfig } from '../config/index.js';
import { blueprintSchemaOf, checkPropertyValues, literalValueOf, type BlueprintSchema, type PropertyRefusal } from '../mapping/index.js';
import { planBlueprints, type BlueprintChange } from '../plan/index.js';
import type { PortClient } from '../port/index.js';
import { PROBLEMS_NAMED } from './constants.js';
import { failed, passed, type DoctorCheck } from './doctor-check.js';
import type { SampledEntity } from './map-samples.js';
import { entityAddress } from '../model/index.js';

/** The blueprints the config writes, as Port has them (or will, after apply's blueprint changes). */
export interface BlueprintFindings {
  checks: DoctorCheck[];
  /** Blueprint schemas to check entities against; absent for a blueprint Port lacks and no file defines. */
  schemas: Map<string, BlueprintSchema>;
  /** Blueprints Port has now (only their entities can be validated by Port). */
  existing: Set<string>;
}

/** The blueprints file's definitions and its name, when the config names one. */
export interface BlueprintsFile {
  file: string;
  definitions: readonly BlueprintDefinition[];
}

/** The blueprints the config writes: those named by a literal `blueprint` and those of the sampled entities, sorted. */
export function blueprintsWritten(resources: readonly ResourceConfig[], samples: readonly SampledEntity[]): string[] {
  const literal = resources.map((r) => literalValueOf(r.mappings.blueprint.text)).filter((name): name is string => typeof name === 'string');
  return [...new Set([...literal, ...samples.map((s) => s.blueprint)])].sort();
}

/**
 * One line per blueprint the config writes: Port has it (or apply will create it from the blueprints
 * file), it declares every property the mappings write (or apply will add it from the file), and every
 * sampled entity's values fit its property schemas (checkPropertyValues, the plan's own check).
 * Reads Port; throws what the Port client throws (bad credentials first of all).
 */
export async function checkBlueprints(names: readonly string[], resources: readonly ResourceConfig[], samples: readonly SampledEntity[], file: BlueprintsFile | undefined, port: PortClient): Promise<BlueprintFindings> {
  const fromFile = (file?.definitions ?? []).filter((d) => names.includes(d.identifier));
  const planned = await planBlueprints(fromFile, port);
  const others = names.filter((name) => !planned.schemas.has(name));
  const held = await Promise.all(others.map((name) => port.getBlueprint(name)));
  const schemas = new Map(planned.schemas);
  others.forEach((name, i) => {
    if (held[i]) schemas.set(name, blueprintSchemaOf(held[i]!));
  });
  const changeOf = (name: string) => planned.changes.find((c) => c.identifier === name);
  const existing = new Set(names.filter((name) => schemas.has(name) && changeOf(name)?.action !== 'create'));
  const checks = names.map((name) => blueprintCheck(name, schemas.get(name), changeOf(name), resources, samples, file));
  return { checks, schemas, existing };
}

/** A problem found with one blueprint, and its fix. */
interface Problem {
  text: string;
  fix: string;
}

function blueprintCheck(name: string, schema: BlueprintSchema | undefined, change: BlueprintChange | undefined, resources: readonly ResourceConfig[], samples: readonly SampledEntity[], file: BlueprintsFile | undefined): DoctorCheck {
  const line = `blueprint ${name}`;
  if (!schema) {
    return failed(
      'blueprint',
      line,
      name,
      `Port has no blueprint ${name}${file ? `, and ${file.file} does not define it` : ''}`,
      `Create blueprint ${name} in Port, or define it in a blueprints file named by the config's \`blueprints:\` (see examples/blueprints.json), so that apply creates it.`,
    );
  }
  const problems: Problem[] = [];
  for (const resource of resources.filter((r) => literalValueOf(r.mappings.blueprint.text) === name)) {
    for (const [property, expression] of Object.entries(resource.mappings.properties)) {
      if (!(property in schema.properties)) problems.push({ text: `${placeText(expression.place)} writes properties.${property}, which blueprint ${name} does not declare`, fix: undeclaredFix(name, property, placeText(expression.place)) });
    }
  }
  for (const sample of samples.filter((s) => s.blueprint === name)) {
    for (const refusal of checkPropertyValues(schema, sample.entity.properties)) {
      if (refusal.rule === 'undeclared' && problems.some((p) => p.text.includes(`properties.${refusal.property},`))) continue;
      problems.push({ text: refusalText(entityAddress(name, sample.entity.identifier), refusal), fix: refusalFix(name, refusal, sample.resource) });
    }
  }
  const state = change?.action === 'create' ? `Port has none; apply creates it from ${file!.file}` : change?.action === 'update' ? `Port has it; apply adds ${change.add_properties.map((p) => `properties.${p}`).join(', ')} from ${file!.file}` : 'Port has it';
  const sampled = samples.filter((s) => s.blueprint === name).length;
  if (problems.length === 0) return passed('blueprint', line, name, `${state}; every mapped property is declared${sampled > 0 ? `, and the values of ${sampled} sampled entities fit` : ''}`);
  const named = problems.slice(0, PROBLEMS_NAMED).map((p) => p.text);
  const more = problems.length > PROBLEMS_NAMED ? `; and ${problems.length - PROBLEMS_NAMED} more` : '';
  return failed('blueprint', line, name, `${state}, but it would refuse: ${named.join('; ')}${more}`, problems[0]!.fix);
}

function refusalText(address: string, refusal: PropertyRefusal): string {
  const value = refusal.value === undefined || refusal.value === null ? 'no value' : JSON.stringify(refusal.value);
  return `${address} properties.${refusal.property} = ${value}: ${refusal.message}${refusal.schema ? ` (schema ${JSON.stringify(refusal.schema)})` : ''}`;
}

function refusalFix(blueprint: string, refusal: PropertyRefusal, resource: ResourceConfig): string {
  const expression = resource.mappings.properties[refusal.property];
  const place = expression ? placeText(expression.place) : `resources[${resource.index}].port.entity.mappings.properties`;
  const property = `property "${refusal.property}" of blueprint ${blueprint} in Port`;
  const type = refusal.schema?.type;
  switch (refusal.rule) {
    case 'type':
      if (type === 'array' && !Array.isArray(refusal.value) && expression) return `Make ${place} yield an array, e.g. \`[${expression.text}]\`, or change ${property} to type ${typeof refusal.value}.`;
      return `Make ${place} yield ${type === 'array' || type === 'object' ? 'an' : 'a'} ${type ?? 'value of the property\'s type'}, or change the type of ${property}.`;
    case 'enum':
      return `Make ${place} yield one of ${JSON.stringify(refusal.schema?.enum ?? refusal.schema?.items?.enum)}, or add ${JSON.stringify(refusal.value)} to the enum of ${property}.`;
    case 'format':
      return `Make ${place} yield a value of format ${refusal.schema?.format ?? refusal.schema?.items?.format}, or remove the format of ${property}.`;
    case 'required':
      return `Map properties.${refusal.property} in ${place} (it must not be null), or make ${property} not required.`;
    case 'undeclared':
      return undeclaredFix(blueprint, refusal.property, place);
  }
}

function undeclaredFix(blueprint: string, property: string, place: string): string {
  return `Add property "${property}" to blueprint ${blueprint} in Port (or to the blueprints file, so that apply adds it), or remove ${place} from the mapping.`;
}

function placeText(place: { path: string; line: number }): string {
  return place.line > 0 ? `${place.path} (line ${place.line})` : place.path;
}
