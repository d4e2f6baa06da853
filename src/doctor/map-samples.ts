import type { RawItem } from '../aws/index.js';
import type { ResourceConfig } from '../config/index.js';
import { compileMapper, loadJqEngine } from '../mapping/index.js';
import type { Entity } from '../model/index.js';

/** One entity mapped from a sampled item, and the resource config that mapped it. */
export interface SampledEntity {
  blueprint: string;
  entity: Entity;
  resource: ResourceConfig;
}

/** Maps the sampled items of each kind with every resource config of that kind, as a plan would (`isStrict`: as `--strict`). */
export async function mapSamples(resources: readonly ResourceConfig[], itemsByKind: ReadonlyMap<string, readonly RawItem[]>, isStrict: boolean): Promise<SampledEntity[]> {
  const engine = await loadJqEngine();
  return resources.flatMap((resource) => {
    const items = itemsByKind.get(resource.kind) ?? [];
    if (items.length === 0) return [];
    return compileMapper(resource, engine, { isStrict })
      .mapBatch(items)
      .entities.map(({ blueprint, entity }) => ({ blueprint, entity, resource }));
  });
}
