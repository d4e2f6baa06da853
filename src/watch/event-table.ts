import type { IdentifierForm } from './identifier-forms.js';

/**
 * How CloudTrail API calls (EventBridge `"detail-type": "AWS API Call via CloudTrail"`) name the
 * resources they change. A call matches a row by `detail.eventSource` and `detail.eventName`; each
 * path (into `detail`, `[]` walks every element of a list) gives values, read in `form` (default
 * `verbatim`) as identifiers of `kind`. Read-only calls and calls with an `errorCode` never reach
 * this table. Data: add a row to support a call; docs/watch.md lists them.
 */
export interface CloudTrailRule {
  /** `detail.eventSource`, e.g. `s3.amazonaws.com`. */
  source: string;
  /**
   * `detail.eventName`s; a trailing `*` matches any name that starts with the rest. Lambda's API
   * version suffixes (`CreateFunction20150331`, `UpdateFunctionConfiguration20150331v2`) are taken
   * off before matching.
   */
  events: readonly string[];
  /** The kind the values identify; unset for the forms that find their own (`arn`, `ec2-id`). */
  kind?: string;
  paths: readonly string[];
  form?: IdentifierForm;
}

/** How a native AWS event (`source`, `detail-type`) names its resource; paths are into the whole event. */
export interface NativeEventRule {
  /** The event's `source`, e.g. `aws.ec2`. */
  source: string;
  detailType: string;
  kind?: string;
  paths: readonly string[];
  form?: IdentifierForm;
}

const INSTANCE = 'AWS::EC2::Instance';

/** The CloudTrail calls watch understands. Any other call falls back to the ARNs it lists, if any. */
export const CLOUDTRAIL_RULES: readonly CloudTrailRule[] = [
  // S3 buckets: every bucket-level write names the bucket (object calls are PutObject..., not matched).
  { source: 's3.amazonaws.com', events: ['CreateBucket', 'PutBucket*', 'DeleteBucket*'], kind: 'AWS::S3::Bucket', paths: ['requestParameters.bucketName'] },
  // EC2 instances and their tags.
  { source: 'ec2.amazonaws.com', events: ['RunInstances'], kind: INSTANCE, paths: ['responseElements.instancesSet.items[].instanceId'] },
  {
    source: 'ec2.amazonaws.com',
    events: ['TerminateInstances', 'StopInstances', 'StartInstances', 'RebootInstances', 'MonitorInstances', 'UnmonitorInstances'],
    kind: INSTANCE,
    paths: ['requestParameters.instancesSet.items[].instanceId'],
  },
  { source: 'ec2.amazonaws.com', events: ['ModifyInstanceAttribute'], kind: INSTANCE, paths: ['requestParameters.instanceId'] },
  // These two calls record their parameters in a PascalCase request wrapper, unlike the rest of EC2.
  {
    source: 'ec2.amazonaws.com',
    events: ['ModifyInstanceMetadataOptions'],
    kind: INSTANCE,
    paths: ['requestParameters.ModifyInstanceMetadataOptionsRequest.InstanceId'],
  },
  { source: 'ec2.amazonaws.com', events: ['AssociateIamInstanceProfile'], kind: INSTANCE, paths: ['requestParameters.AssociateIamInstanceProfileRequest.InstanceId'] },
  { source: 'ec2.amazonaws.com', events: ['CreateTags', 'DeleteTags'], paths: ['requestParameters.resourcesSet.items[].resourceId'], form: 'ec2-id' },
  // ECS clusters and services.
  {
    source: 'ecs.amazonaws.com',
    events: ['CreateCluster', 'DeleteCluster', 'UpdateCluster', 'UpdateClusterSettings', 'PutClusterCapacityProviders'],
    kind: 'AWS::ECS::Cluster',
    paths: ['responseElements.cluster.clusterName'],
  },
  { source: 'ecs.amazonaws.com', events: ['CreateService', 'UpdateService', 'DeleteService'], paths: ['responseElements.service.serviceArn'], form: 'arn' },
  { source: 'ecs.amazonaws.com', events: ['TagResource', 'UntagResource'], paths: ['requestParameters.resourceArn'], form: 'arn' },
  // Child kinds: EKS node groups, load balancer listeners and their rules (by the ARNs the calls carry).
  { source: 'eks.amazonaws.com', events: ['CreateNodegroup', 'DeleteNodegroup'], paths: ['responseElements.nodegroup.nodegroupArn'], form: 'arn' },
  { source: 'eks.amazonaws.com', events: ['TagResource', 'UntagResource'], paths: ['requestParameters.resourceArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['CreateListener'], paths: ['responseElements.listeners[].listenerArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['ModifyListener', 'DeleteListener'], paths: ['requestParameters.listenerArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['CreateRule'], paths: ['responseElements.rules[].ruleArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['ModifyRule', 'DeleteRule'], paths: ['requestParameters.ruleArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['SetRulePriorities'], paths: ['requestParameters.rulePriorities[].ruleArn'], form: 'arn' },
  { source: 'elasticloadbalancing.amazonaws.com', events: ['AddTags', 'RemoveTags'], paths: ['requestParameters.resourceArns[]'], form: 'arn' },
  // Lambda functions.
  {
    source: 'lambda.amazonaws.com',
    events: ['CreateFunction', 'DeleteFunction', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PutFunctionConcurrency', 'DeleteFunctionConcurrency', 'PublishVersion'],
    kind: 'AWS::Lambda::Function',
    paths: ['requestParameters.functionName'],
    form: 'lambda-function',
  },
  { source: 'lambda.amazonaws.com', events: ['TagResource', 'UntagResource'], paths: ['requestParameters.resource', 'requestParameters.resourceArn'], form: 'arn' },
  // RDS instances (AWS stores their identifiers in lower case).
  {
    source: 'rds.amazonaws.com',
    events: [
      'CreateDBInstance',
      'DeleteDBInstance',
      'ModifyDBInstance',
      'RebootDBInstance',
      'StartDBInstance',
      'StopDBInstance',
      'CreateDBInstanceReadReplica',
      'PromoteReadReplica',
      'RestoreDBInstanceFromDBSnapshot',
      'RestoreDBInstanceToPointInTime',
    ],
    kind: 'AWS::RDS::DBInstance',
    paths: ['requestParameters.dBInstanceIdentifier', 'requestParameters.newDBInstanceIdentifier', 'requestParameters.targetDBInstanceIdentifier'],
    form: 'lowercase',
  },
  { source: 'rds.amazonaws.com', events: ['AddTagsToResource', 'RemoveTagsFromResource'], paths: ['requestParameters.resourceName'], form: 'arn' },
  // DynamoDB tables.
  {
    source: 'dynamodb.amazonaws.com',
    events: ['CreateTable', 'DeleteTable', 'UpdateTable', 'UpdateTimeToLive', 'UpdateContinuousBackups'],
    kind: 'AWS::DynamoDB::Table',
    paths: ['requestParameters.tableName'],
  },
  { source: 'dynamodb.amazonaws.com', events: ['TagResource', 'UntagResource'], paths: ['requestParameters.resourceArn'], form: 'arn' },
  // SQS queues (Cloud Control identifies them by URL).
  { source: 'sqs.amazonaws.com', events: ['CreateQueue'], kind: 'AWS::SQS::Queue', paths: ['responseElements.queueUrl'], form: 'sqs-queue-url' },
  { source: 'sqs.amazonaws.com', events: ['DeleteQueue', 'SetQueueAttributes', 'TagQueue', 'UntagQueue'], kind: 'AWS::SQS::Queue', paths: ['requestParameters.queueUrl'], form: 'sqs-queue-url' },
  // SNS topics (identified by ARN).
  { source: 'sns.amazonaws.com', events: ['CreateTopic'], kind: 'AWS::SNS::Topic', paths: ['responseElements.topicArn'] },
  { source: 'sns.amazonaws.com', events: ['DeleteTopic', 'SetTopicAttributes'], kind: 'AWS::SNS::Topic', paths: ['requestParameters.topicArn'] },
  { source: 'sns.amazonaws.com', events: ['TagResource', 'UntagResource'], paths: ['requestParameters.resourceArn'], form: 'arn' },
  // IAM roles (global).
  {
    source: 'iam.amazonaws.com',
    events: [
      'CreateRole',
      'DeleteRole',
      'UpdateRole',
      'UpdateRoleDescription',
      'UpdateAssumeRolePolicy',
      'TagRole',
      'UntagRole',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'PutRolePolicy',
      'DeleteRolePolicy',
      'PutRolePermissionsBoundary',
      'DeleteRolePermissionsBoundary',
    ],
    kind: 'AWS::IAM::Role',
    paths: ['requestParameters.roleName'],
  },
];

/** The native events watch understands by their own fields. Any other falls back to its `resources` ARNs. */
export const NATIVE_EVENT_RULES: readonly NativeEventRule[] = [
  { source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification', kind: INSTANCE, paths: ['detail.instance-id'] },
  { source: 'aws.cloudformation', detailType: 'CloudFormation Stack Status Change', kind: 'AWS::CloudFormation::Stack', paths: ['detail.stack-id'] },
];

/** The `detail-type` of CloudTrail API calls delivered by EventBridge. */
export const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** Lambda's API version suffix on CloudTrail event names. */
const API_VERSION_SUFFIX = /\d{8}(v\d+)?$/;

/** The rule a CloudTrail call matches, if any. */
export function cloudTrailRuleFor(eventSource: string, eventName: string, rules: readonly CloudTrailRule[] = CLOUDTRAIL_RULES): CloudTrailRule | undefined {
  const name = eventName.replace(API_VERSION_SUFFIX, '');
  return rules.find((rule) => rule.source === eventSource && rule.events.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)));
}
