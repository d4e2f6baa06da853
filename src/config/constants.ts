import type {
  WrittenAwsSettings,
  WrittenConfig,
  WrittenEntity,
  WrittenMappings,
  WrittenPort,
  WrittenRegionPolicy,
  WrittenResource,
  WrittenSelector,
} from './written-config.js';
import type { TextRule } from './read-text.js';

/** The role assumed in each member account when `aws.accountReadRoleName` is not set: the one Port's integration has users create. */
export const DEFAULT_ACCOUNT_READ_ROLE_NAME = 'AwsPortOceanIntegrationReadOnlyRole';

/** Port's default `entityDeletionThreshold`: a plan may delete at most this share of a blueprint's managed entities. */
export const DEFAULT_ENTITY_DELETION_THRESHOLD = 0.9;

/** Port's default `port.itemsToParseName`. */
export const DEFAULT_ITEMS_TO_PARSE_NAME = 'item';

/**
 * An AWS region name: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`. Checked by
 * shape, not against a list, so that regions AWS opens later need no release.
 */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** An AWS region name, as a text rule: `aws.regions` and `selector.regionPolicy` share it. */
export const REGION_RULE: TextRule = { what: 'an AWS region name', example: 'us-east-1', pattern: REGION_PATTERN };

/** An IAM role ARN in the aws, aws-us-gov or aws-cn partition, with an optional role path. */
export const ROLE_ARN_PATTERN = /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** An IAM role name (no path, no ARN). */
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** A CloudFormation / Cloud Control type name: `AWS::S3::Bucket`, `MyOrg::Service::Thing`. */
export const KIND_PATTERN = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/*
 * The keys each block accepts. Typed as records over the written types so that a key added to a
 * written type and forgotten here (or the reverse) does not compile.
 */

/** Top-level keys aws2port reads. */
export const TOP_LEVEL_KEYS: Record<keyof WrittenConfig, true> = {
  aws: true,
  deleteDependentEntities: true,
  createMissingRelatedEntities: true,
  enableMergeEntity: true,
  entityDeletionThreshold: true,
  blueprints: true,
  installationId: true,
  resources: true,
};

/** Keys of the `aws:` block. */
export const AWS_KEYS: Record<keyof WrittenAwsSettings, true> = {
  regions: true,
  organizationRoleArn: true,
  accountReadRoleName: true,
  accountRoleArns: true,
  externalId: true,
};

/** Keys of one `resources:` entry. */
export const RESOURCE_KEYS: Record<keyof WrittenResource, true> = { kind: true, selector: true, port: true };

/** Keys of `selector`. */
export const SELECTOR_KEYS: Record<keyof WrittenSelector, true> = { query: true, useGetResourceAPI: true, regionPolicy: true, parentKind: true, resourceModel: true };

/** Keys of `selector.regionPolicy`. */
export const REGION_POLICY_KEYS: Record<keyof WrittenRegionPolicy, true> = { allow: true, deny: true };

/** Keys of `port`. */
export const PORT_KEYS: Record<keyof WrittenPort, true> = { itemsToParse: true, itemsToParseName: true, entity: true };

/** Keys of `port.entity`. */
export const ENTITY_KEYS: Record<keyof WrittenEntity, true> = { mappings: true };

/** Keys of `port.entity.mappings`. */
export const MAPPINGS_KEYS: Record<keyof WrittenMappings, true> = {
  identifier: true,
  title: true,
  blueprint: true,
  icon: true,
  team: true,
  properties: true,
  relations: true,
};
