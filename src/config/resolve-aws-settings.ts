import { checkBlock } from './check-block.js';
import { AWS_KEYS, DEFAULT_ACCOUNT_READ_ROLE_NAME, REGION_RULE, ROLE_ARN_PATTERN, ROLE_NAME_PATTERN } from './constants.js';
import { readText, readTextList, type TextRule } from './read-text.js';
import type { AwsSettings } from './types.js';
import type { WrittenAwsSettings } from './written-config.js';
import type { WrittenNode } from './written-node.js';

const ROLE_ARN_RULE: TextRule = {
  what: 'an IAM role ARN',
  example: 'arn:aws:iam::111111111111:role/Reader',
  pattern: ROLE_ARN_PATTERN,
  advice: () => 'Write arn:<partition>:iam::<12-digit account>:role/<name> (partition aws, aws-us-gov or aws-cn).',
};

const ROLE_NAME_RULE: TextRule = {
  what: 'an IAM role name',
  example: 'AwsPortOceanIntegrationReadOnlyRole',
  pattern: ROLE_NAME_PATTERN,
  advice: (text) =>
    text.startsWith('arn:')
      ? 'Write the role name alone (the same name in every account); list explicit role ARNs under aws.accountRoleArns.'
      : undefined,
};

const EXTERNAL_ID_RULE: TextRule = { what: 'the external id the roles require', example: 'my-external-id' };

/**
 * The `aws:` block with defaults. Not written: every default. Unknown keys are errors here: a
 * misspelt key would silently change which accounts or regions are read.
 */
export function resolveAwsSettings(block: WrittenNode<WrittenAwsSettings | undefined>): AwsSettings {
  checkBlock(block, AWS_KEYS, 'error');
  const settings: AwsSettings = {
    regions: readTextList(block.child('regions'), REGION_RULE),
    accountReadRoleName: readText(block.child('accountReadRoleName'), ROLE_NAME_RULE) ?? DEFAULT_ACCOUNT_READ_ROLE_NAME,
    accountRoleArns: readTextList(block.child('accountRoleArns'), ROLE_ARN_RULE),
  };
  const organizationRoleArn = readText(block.child('organizationRoleArn'), ROLE_ARN_RULE);
  if (organizationRoleArn !== undefined) settings.organizationRoleArn = organizationRoleArn;
  const externalId = readText(block.child('externalId'), EXTERNAL_ID_RULE);
  if (externalId !== undefined) settings.externalId = externalId;
  warnIgnoredOrganizationRole(block, settings);
  return settings;
}

/** With explicit accounts, Organizations is never called, so its role would silently do nothing. */
function warnIgnoredOrganizationRole(block: WrittenNode<WrittenAwsSettings | undefined>, settings: AwsSettings): void {
  if (settings.organizationRoleArn !== undefined && settings.accountRoleArns.length > 0) {
    block
      .child('organizationRoleArn')
      .warn('ignored: aws.accountRoleArns lists the accounts, so Organizations is not called. Remove one of the two.');
  }
}
