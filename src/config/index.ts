/**
 * The config stage: reads the YAML config (Port's AWS integration mapping, `resources:`, plus
 * aws2port's `aws:` block and Port's global flags), checks it, and resolves every default into a
 * `ResolvedConfig`, the only form other stages see. Every problem is collected with its YAML path
 * and line, never just the first; the config is given only when there is no error. jq expressions
 * are kept as text with their place: the mapping stage compiles them.
 */
export { loadConfig } from './load-config.js';
export { isRegionAllowed } from './region-policy.js';
export { parseConfig } from './parse-config.js';
export { formatConfigProblem } from './format-config-problem.js';
export { loadBlueprints, relationTargetsOf, type BlueprintDefinition } from './load-blueprints.js';
export type { ConfigLoadResult, ConfigProblem } from './config-problem.js';
export type {
  AwsSettings,
  ConfigPlace,
  EntityMappings,
  JqExpression,
  RegionPolicy,
  ResolvedConfig,
  ResourceConfig,
} from './types.js';
