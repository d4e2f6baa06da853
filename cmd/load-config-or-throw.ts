import { formatConfigProblem, loadBlueprints, loadConfig, type BlueprintDefinition, type ResolvedConfig } from '../src/config/index.js';
import { Aws2PortError } from '../src/errors/index.js';
import type { CommonArgs } from './arguments.js';
import type { Output } from './output.js';

/** Loads the config; prints its warnings; throws ConfigInvalid listing every error with its place. */
export function loadConfigOrThrow(args: Pick<CommonArgs, 'config'>, output: Output): ResolvedConfig {
  const result = loadConfig(args.config);
  for (const warning of result.warnings) output.log(`Warning: ${formatConfigProblem(warning)}`);
  if (!result.config) {
    throw new Aws2PortError('ConfigInvalid', `The config file ${args.config} has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}.`, {
      detail: result.errors.map(formatConfigProblem).join('\n'),
      subject: args.config,
    });
  }
  return result.config;
}

/** The blueprints file's definitions, when the config names one. */
export function loadConfiguredBlueprints(config: ResolvedConfig): BlueprintDefinition[] | undefined {
  return config.blueprintsFile ? loadBlueprints(config.blueprintsFile) : undefined;
}
