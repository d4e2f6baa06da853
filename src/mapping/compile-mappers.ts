import type { ResourceConfig } from '../config/index.js';
import { compileMapper } from './compile-mapper.js';
import { loadJqEngine } from './jq-engine.js';
import type { Mapper } from './mapper.js';

/**
 * Compiles the mapping of each resource config, in order, with this thread's jq engine. Throws
 * Aws2PortError `JqCompileFailed` (see compileMapper) for the first config with an expression that
 * does not compile.
 */
export async function compileMappers(resources: readonly ResourceConfig[], options: { isStrict: boolean }): Promise<Mapper[]> {
  const engine = await loadJqEngine();
  return resources.map((resource) => compileMapper(resource, engine, { isStrict: options.isStrict }));
}
