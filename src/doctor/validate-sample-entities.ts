import { checkPropertyValues, type BlueprintSchema } from '../mapping/index.js';
import type { PortClient } from '../port/index.js';
import { PROBLEMS_NAMED, SAMPLE_ENTITIES_PER_BLUEPRINT } from './constants.js';
import { failed, passed, warned, type DoctorCheck } from './doctor-check.js';
import type { SampledEntity } from './map-samples.js';
import { entityAddress, serializeEntity } from '../model/index.js';

/**
 * Has Port itself validate a few sampled entities of each blueprint it has (`validation_only=true`:
 * nothing is written), with `create_missing_related_entities` so that a relation target apply would
 * write first does not count against them. One line per blueprint. Where Port accepts a value that
 * aws2port's own check refuses, the line is a warning: Port converts something no source confirmed
 * (docs/compatibility-blueprints.md).
 */
export async function validateSampleEntities(
  samples: readonly SampledEntity[],
  existing: ReadonlySet<string>,
  schemas: ReadonlyMap<string, BlueprintSchema>,
  options: { merge: boolean },
  port: PortClient,
): Promise<DoctorCheck[]> {
  const blueprints = [...new Set(samples.map((s) => s.blueprint))].filter((b) => existing.has(b)).sort();
  return Promise.all(
    blueprints.map(async (blueprint): Promise<DoctorCheck> => {
      const line = `Port validation of ${blueprint}`;
      const sample = samples.filter((s) => s.blueprint === blueprint).slice(0, SAMPLE_ENTITIES_PER_BLUEPRINT);
      const results = await port.upsertEntities(blueprint, sample.map((s) => serializeEntity(s.entity)), { merge: options.merge, createMissingRelatedEntities: true, validationOnly: true });
      const refused = results.flatMap((r) => (r.ok ? [] : [`${entityAddress(blueprint, r.identifier)}: HTTP ${r.statusCode} ${r.error}: ${r.message}`]));
      if (refused.length > 0) {
        return failed(
          'entity-validation',
          line,
          blueprint,
          `Port refused ${refused.length} of ${sample.length} sampled entities: ${refused.slice(0, PROBLEMS_NAMED).join('; ')}`,
          `Port's message says what it refuses: change the mapping of blueprint ${blueprint}'s entities or the blueprint, then run aws2port doctor again.`,
        );
      }
      const schema = schemas.get(blueprint);
      const converted = schema ? sample.filter((s) => checkPropertyValues(schema, s.entity.properties).length > 0).map((s) => entityAddress(blueprint, s.entity.identifier)) : [];
      if (converted.length > 0) {
        return warned(
          'entity-validation',
          line,
          blueprint,
          `Port accepted ${converted.join(', ')}, whose values aws2port's plan refuses: this Port converts a value that aws2port found no source for`,
          'Please report it (with the blueprint and the value): until aws2port learns the conversion, plan leaves these entities out; mapping the value to the property\'s type avoids it.',
        );
      }
      return passed('entity-validation', line, blueprint, `Port accepted ${sample.length} sampled entities (validation_only=true: nothing written)`);
    }),
  );
}
