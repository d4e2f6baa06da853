/**
 * The config as aws2port uses it after loading: defaults resolved, every jq expression kept as text
 * with the YAML place it came from (for error messages). The written form is whatever YAML the user
 * wrote; only this resolved form travels to the other stages.
 */

/** Where in the config file a value was written: `resources[2].port.entity.mappings.identifier`, line 14. */
export interface ConfigPlace {
  /** The YAML path, dotted, with list indexes in brackets. */
  path: string;
  /** 1-based line in the config file; 0 when the value was not written (a default). */
  line: number;
}

/** A jq expression and where it was written. */
export interface JqExpression {
  text: string;
  place: ConfigPlace;
}

/** Port's `regionPolicy`: both empty means every region; a deny wins; allow alone means only those. */
export interface RegionPolicy {
  allow: string[];
  deny: string[];
}

/**
 * How a resource config maps one raw item to one entity. `properties` and `relations` keep the
 * user's key order. A relation's value is a jq expression (Port also allows a search-query object:
 * that is kept as `searchQuery`, passed to Port as written).
 */
export interface EntityMappings {
  identifier: JqExpression;
  title?: JqExpression;
  blueprint: JqExpression;
  icon?: JqExpression;
  team?: JqExpression;
  properties: Record<string, JqExpression>;
  relations: Record<string, JqExpression | { searchQuery: unknown; place: ConfigPlace }>;
}

/** One entry of `resources:`. */
export interface ResourceConfig {
  /** 0-based position in `resources:`; two configs may share a kind, so this is their identity. */
  index: number;
  /** The AWS type name, e.g. `AWS::S3::Bucket`, or `AWS::Organizations::Account`. */
  kind: string;
  /** Where `kind` was written (undefined for configs built in code). */
  kindPlace?: ConfigPlace;
  selector: {
    query: JqExpression;
    useGetResourceAPI: boolean;
    regionPolicy: RegionPolicy;
    /**
     * aws2port's own: the kind whose items give a child kind's list ResourceModel (see resourceModel);
     * undefined: the table of child kinds decides, or the model comes from the scope.
     */
    parentKind?: string;
    /**
     * aws2port's own: a jq expression giving the ResourceModel object Cloud Control needs to list a
     * child kind, run over each parent item (over `{__AccountId, __Region}` without parentKind).
     */
    resourceModel?: JqExpression;
  };
  /** `port.itemsToParse`: a jq expression yielding an array; each element is mapped with the parent in scope. */
  itemsToParse?: JqExpression;
  /** `port.itemsToParseName`, default `item`. */
  itemsToParseName: string;
  mappings: EntityMappings;
}

/** The `aws:` block, resolved. Empty lists mean "not set". */
export interface AwsSettings {
  /** Regions to read; empty means: the account's enabled regions, else AWS_REGION. */
  regions: string[];
  organizationRoleArn?: string;
  /** Role assumed in each member account. Default `AwsPortOceanIntegrationReadOnlyRole`. */
  accountReadRoleName: string;
  /** Explicit accounts, instead of Organizations. */
  accountRoleArns: string[];
  externalId?: string;
}

export interface ResolvedConfig {
  /** Absolute path of the file it was loaded from. */
  file: string;
  /** `sha256:<hex>` of the file's bytes and its blueprints file's: a saved plan is refused under another config. */
  hash: string;
  aws: AwsSettings;
  deleteDependentEntities: boolean;
  createMissingRelatedEntities: boolean;
  enableMergeEntity: boolean;
  /** Share (0..1] of a blueprint's managed entities that one plan may delete. */
  entityDeletionThreshold: number;
  /** Absolute path of the blueprints file, when configured. */
  blueprintsFile?: string;
  /** The installation named in every Port write's User-Agent (`aws2port/{version}/{installation}[/{shard}]`), when configured. */
  installationId?: string;
  resources: ResourceConfig[];
}
