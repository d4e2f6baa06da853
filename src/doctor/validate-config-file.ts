import { relative } from 'node:path';
import { loadBlueprints, loadConfig, type BlueprintDefinition, type ConfigProblem } from '../config/index.js';
import { isAws2PortError } from '../errors/index.js';
import { checkChildListing } from './check-child-listing.js';
import { checkBlueprintReferences, checkMappingExpressions, loadJqEngine } from '../mapping/index.js';

/** Everything `aws2port validate` found, errors and warnings, each at its place. */
export interface ValidationReport {
  /** Empty when the config is valid. */
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

/**
 * Checks a config file without touching AWS or Port: its structure (the config loader's rules), then
 * (once the structure is valid) every jq expression compiled by jq, then, when the config names a
 * blueprints file, each mapping's blueprint, properties and relations against it. Collects every
 * problem; never throws for a problem of the file (a missing file is an error of the report).
 */
export async function validateConfigFile(file: string): Promise<ValidationReport> {
  let loaded;
  try {
    loaded = loadConfig(file);
  } catch (error) {
    if (!isAws2PortError(error, 'ConfigNotFound')) throw error;
    return { errors: [{ code: error.code, message: `${error.message}. ${error.detail ?? ''}`.trim(), path: '', line: 0, file }], warnings: [] };
  }
  const { config } = loaded;
  const errors = [...loaded.errors];
  const warnings = [...loaded.warnings];
  if (!config) return { errors, warnings };

  const engine = await loadJqEngine();
  for (const resource of config.resources) {
    for (const problem of checkMappingExpressions(resource, engine)) {
      errors.push({ code: 'JqCompileFailed', message: `jq expression does not compile: ${problem.message}`, path: problem.place.path, line: problem.place.line, file });
    }
    errors.push(...checkChildListing(resource, engine, file));
  }
  if (config.blueprintsFile) {
    const shownAs = relative(process.cwd(), config.blueprintsFile);
    const blueprintsFile = shownAs.startsWith('..') ? config.blueprintsFile : shownAs;
    let blueprints: BlueprintDefinition[] | undefined;
    try {
      blueprints = loadBlueprints(config.blueprintsFile);
    } catch (error) {
      if (!isAws2PortError(error, 'BlueprintsFileInvalid')) throw error;
      errors.push({ code: error.code, message: error.message, path: '', line: 0, file: blueprintsFile });
    }
    if (blueprints) {
      const references = checkBlueprintReferences(config.resources, blueprints, { config: file, blueprints: blueprintsFile });
      errors.push(...references.errors);
      warnings.push(...references.warnings);
    }
  }
  // The config file top to bottom, then the blueprints file.
  const byPlace = (a: ConfigProblem, b: ConfigProblem) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line;
  return { errors: errors.sort(byPlace), warnings: warnings.sort(byPlace) };
}
