import { readFileSync } from 'node:fs';
import { Aws2PortError } from '../errors/index.js';
import { blueprintProblems } from '../model/index.js';

/** A blueprint definition as Port takes it; aws2port reads its identifier and relation targets. */
export interface BlueprintDefinition {
  identifier: string;
  relations?: Record<string, { target: string; [field: string]: unknown }>;
  [field: string]: unknown;
}

/**
 * Reads the config's `blueprints` file: a JSON array of Port blueprint definitions, each one Port would
 * create (identifier, title, schema as Port's rules say). Fails with BlueprintsFileInvalid naming the
 * file, the entry and what Port would refuse.
 */
export function loadBlueprints(file: string): BlueprintDefinition[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Aws2PortError('BlueprintsFileInvalid', `Cannot read the blueprints file ${file}: ${(error as Error).message}`, {
      detail: 'The config\'s `blueprints` names a JSON file holding an array of Port blueprints (see examples/blueprints.json).',
      subject: file,
    });
  }
  if (!Array.isArray(parsed)) throw invalid(file, 'it is not a JSON array');
  parsed.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as BlueprintDefinition).identifier !== 'string') {
      throw invalid(file, `entry [${index}] has no string "identifier"`);
    }
    for (const [name, relation] of Object.entries((entry as BlueprintDefinition).relations ?? {})) {
      if (typeof relation?.target !== 'string') throw invalid(file, `${(entry as BlueprintDefinition).identifier}.relations.${name} has no string "target"`);
    }
    const problems = blueprintProblems(entry as BlueprintDefinition);
    if (problems.length > 0) throw invalid(file, `entry [${index}] is not a blueprint Port would create: ${problems.join('; ')}`);
  });
  return parsed as BlueprintDefinition[];
}

/** Each blueprint's relation targets. */
export function relationTargetsOf(blueprints: readonly BlueprintDefinition[]): Map<string, string[]> {
  return new Map(blueprints.map((b) => [b.identifier, Object.values(b.relations ?? {}).map((r) => r.target)]));
}

function invalid(file: string, why: string): Aws2PortError {
  return new Aws2PortError('BlueprintsFileInvalid', `The blueprints file ${file} is not valid: ${why}.`, {
    detail: 'It must be a JSON array of Port blueprints, each with an "identifier" (see examples/blueprints.json).',
    subject: file,
  });
}
