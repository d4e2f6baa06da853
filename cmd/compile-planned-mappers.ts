import type { ResolvedConfig } from '../src/config/index.js';
import { compileMappers, type Mapper } from '../src/mapping/index.js';
import type { CommonArgs } from './arguments.js';

/**
 * The resource configs `--target` keeps (all of them without it), compiled: commands do it before
 * they open the state, so that a mapping that does not compile leaves nothing behind. Throws
 * Aws2PortError `JqCompileFailed`.
 */
export function compilePlannedMappers(config: ResolvedConfig, args: Pick<CommonArgs, 'targets' | 'isStrict'>): Promise<Mapper[]> {
  const resources = args.targets.length > 0 ? config.resources.filter((resource) => args.targets.includes(resource.kind)) : config.resources;
  return compileMappers(resources, { isStrict: args.isStrict });
}
