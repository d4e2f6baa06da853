/**
 * The config file as a user writes it: Port's app config (`resources:` and its global flags) plus
 * aws2port's `aws:` block. Every field is optional and typed as what YAML may hand us before any
 * check, default or conversion; the rules turn it into the resolved form in `types.ts`. These types
 * name the keys the rules may read (a typo in a rule is a compile error) and say which spellings are
 * accepted; they never describe a value that has been checked.
 */

/** A jq expression as written: text, or a YAML boolean or number that stands for its own jq text. */
export type WrittenJq = string | boolean | number;

/** A yes/no setting as written: a YAML boolean or Port's quoted `'true'` / `'false'`. */
export type WrittenFlag = boolean | string;

/** A list of names as written: a YAML list, or one name on its own. */
export type WrittenNameList = string[] | string;

/** The whole file. */
export interface WrittenConfig {
  aws?: WrittenAwsSettings;
  deleteDependentEntities?: WrittenFlag;
  createMissingRelatedEntities?: WrittenFlag;
  enableMergeEntity?: WrittenFlag;
  entityDeletionThreshold?: number | string;
  /** Path of the blueprints file, relative to the config file's folder. */
  blueprints?: string;
  /** Names this installation in the User-Agent Port records as each entity's `$datasource`. */
  installationId?: string;
  resources?: WrittenResource[];
}

/** The `aws:` block. */
export interface WrittenAwsSettings {
  regions?: WrittenNameList;
  organizationRoleArn?: string;
  accountReadRoleName?: string;
  accountRoleArns?: WrittenNameList;
  externalId?: string | number;
}

/** One entry of `resources:`. */
export interface WrittenResource {
  kind?: string;
  selector?: WrittenSelector;
  port?: WrittenPort;
}

/** `resources[i].selector`. */
export interface WrittenSelector {
  query?: WrittenJq;
  useGetResourceAPI?: WrittenFlag;
  regionPolicy?: WrittenRegionPolicy;
  parentKind?: string;
  resourceModel?: WrittenJq;
}

/** `resources[i].selector.regionPolicy`. */
export interface WrittenRegionPolicy {
  allow?: WrittenNameList;
  deny?: WrittenNameList;
}

/** `resources[i].port`. */
export interface WrittenPort {
  itemsToParse?: WrittenJq;
  itemsToParseName?: string;
  entity?: WrittenEntity;
}

/** `resources[i].port.entity`. */
export interface WrittenEntity {
  mappings?: WrittenMappings;
}

/** `resources[i].port.entity.mappings`. */
export interface WrittenMappings {
  identifier?: WrittenJq;
  title?: WrittenJq;
  blueprint?: WrittenJq;
  icon?: WrittenJq;
  team?: WrittenJq;
  properties?: Record<string, WrittenJq>;
  /** A jq expression, or Port's search-query relation object. */
  relations?: Record<string, WrittenJq | Record<string, unknown>>;
}
