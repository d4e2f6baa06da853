import type { ResolvedConfig } from '../src/config/index.js';
import type { PortWriter } from '../src/port/index.js';
import type { CommonArgs } from './arguments.js';

/** The installation (config `installationId`) and shard (`--shard`) this run writes to Port as. */
export function portWriterOf(config: ResolvedConfig, args: Pick<CommonArgs, 'shard'>): PortWriter {
  return { ...(config.installationId !== undefined ? { installationId: config.installationId } : {}), ...(args.shard ? { shard: args.shard } : {}) };
}
