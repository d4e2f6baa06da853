import type { ResourceRef } from './resource-ref.js';

/**
 * How the resource part of an ARN names a Cloud Control resource. `resource` is a regular expression
 * over what follows `arn:PARTITION:SERVICE:REGION:ACCOUNT:`; `identifier` is the type's primary
 * identifier as a template: `{arn}` the whole ARN, `{1}`, `{2}` the expression's groups, `{region}`,
 * `{account}`, and `{dnsSuffix}` (`amazonaws.com`, `amazonaws.com.cn` in China).
 */
export interface ArnKind {
  service: string;
  resource: string;
  kind: string;
  identifier: string;
}

/**
 * The ARNs the generic fallback understands (data: add a row to support a type). An event whose
 * ARNs match no row names no resource. Identifiers are Cloud Control's primary identifiers: the
 * CloudFormation registry schema's `primaryIdentifier` of the kind, its parts joined with `|` in the
 * schema's order (`AWS::ECS::Service`: ServiceArn, Cluster). The schemas of every kind named here are
 * kept, with their source, in test/simulators/aws/registry-schemas.json, and a test holds each row
 * against them.
 */
export const ARN_KINDS: readonly ArnKind[] = [
  { service: 's3', resource: '^([^/]+)$', kind: 'AWS::S3::Bucket', identifier: '{1}' },
  { service: 'ec2', resource: '^instance/(i-[0-9a-f]+)$', kind: 'AWS::EC2::Instance', identifier: '{1}' },
  { service: 'ec2', resource: '^vpc/(vpc-[0-9a-f]+)$', kind: 'AWS::EC2::VPC', identifier: '{1}' },
  { service: 'ec2', resource: '^subnet/(subnet-[0-9a-f]+)$', kind: 'AWS::EC2::Subnet', identifier: '{1}' },
  { service: 'ec2', resource: '^security-group/(sg-[0-9a-f]+)$', kind: 'AWS::EC2::SecurityGroup', identifier: '{1}' },
  { service: 'ec2', resource: '^volume/(vol-[0-9a-f]+)$', kind: 'AWS::EC2::Volume', identifier: '{1}' },
  { service: 'ecs', resource: '^cluster/([^/]+)$', kind: 'AWS::ECS::Cluster', identifier: '{1}' },
  { service: 'ecs', resource: '^service/([^/]+)/([^/]+)$', kind: 'AWS::ECS::Service', identifier: '{arn}|{1}' },
  { service: 'lambda', resource: '^function:([^:]+)(:[^:]+)?$', kind: 'AWS::Lambda::Function', identifier: '{1}' },
  { service: 'rds', resource: '^db:([^:]+)$', kind: 'AWS::RDS::DBInstance', identifier: '{1}' },
  { service: 'rds', resource: '^cluster:([^:]+)$', kind: 'AWS::RDS::DBCluster', identifier: '{1}' },
  { service: 'dynamodb', resource: '^table/([^/]+)$', kind: 'AWS::DynamoDB::Table', identifier: '{1}' },
  { service: 'sqs', resource: '^([^:/]+)$', kind: 'AWS::SQS::Queue', identifier: 'https://sqs.{region}.{dnsSuffix}/{account}/{1}' },
  { service: 'sns', resource: '^([^:/]+)$', kind: 'AWS::SNS::Topic', identifier: '{arn}' },
  { service: 'iam', resource: '^role/(?:.*/)?([^/]+)$', kind: 'AWS::IAM::Role', identifier: '{1}' },
  { service: 'iam', resource: '^user/(?:.*/)?([^/]+)$', kind: 'AWS::IAM::User', identifier: '{1}' },
  { service: 'cloudformation', resource: '^stack/[^/]+/[^/]+$', kind: 'AWS::CloudFormation::Stack', identifier: '{arn}' },
  { service: 'kinesis', resource: '^stream/([^/]+)$', kind: 'AWS::Kinesis::Stream', identifier: '{1}' },
  { service: 'ecr', resource: '^repository/(.+)$', kind: 'AWS::ECR::Repository', identifier: '{1}' },
  { service: 'eks', resource: '^cluster/([^/]+)$', kind: 'AWS::EKS::Cluster', identifier: '{1}' },
  { service: 'eks', resource: '^nodegroup/([^/]+)/([^/]+)/[^/]+$', kind: 'AWS::EKS::Nodegroup', identifier: '{1}/{2}' },
  { service: 'logs', resource: '^log-group:([^:]+)(:\\*)?$', kind: 'AWS::Logs::LogGroup', identifier: '{1}' },
  { service: 'elasticloadbalancing', resource: '^loadbalancer/(app|net|gwy)/[^/]+/[^/]+$', kind: 'AWS::ElasticLoadBalancingV2::LoadBalancer', identifier: '{arn}' },
  { service: 'elasticloadbalancing', resource: '^listener/(app|net|gwy)/[^/]+/[^/]+/[^/]+$', kind: 'AWS::ElasticLoadBalancingV2::Listener', identifier: '{arn}' },
  { service: 'elasticloadbalancing', resource: '^listener-rule/(app|net|gwy)/[^/]+/[^/]+/[^/]+/[^/]+$', kind: 'AWS::ElasticLoadBalancingV2::ListenerRule', identifier: '{arn}' },
  { service: 'states', resource: '^stateMachine:[^:]+$', kind: 'AWS::StepFunctions::StateMachine', identifier: '{arn}' },
];

/** Where an ARN's own account or region is empty (S3, IAM), the event's are used. */
export interface ArnContext {
  account: string;
  region: string;
}

const COMPILED = ARN_KINDS.map((row) => ({ ...row, pattern: new RegExp(row.resource) }));

/** The domain suffix of AWS endpoints in a partition. */
export function dnsSuffixOf(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The resource an ARN names, per ARN_KINDS; undefined for anything else (not an ARN, or no row). */
export function refOfArn(arn: string, context: ArnContext): ResourceRef | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = 'aws', service = '', arnRegion = '', arnAccount = ''] = parts;
  const resource = parts.slice(5).join(':');
  const account = arnAccount || context.account;
  const region = arnRegion || context.region;
  for (const row of COMPILED) {
    if (row.service !== service) continue;
    const match = row.pattern.exec(resource);
    if (!match) continue;
    const identifier = row.identifier.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'arn') return arn;
      if (name === 'region') return region;
      if (name === 'account') return account;
      if (name === 'dnsSuffix') return dnsSuffixOf(partition);
      return match[Number(name)] ?? '';
    });
    return { kind: row.kind, account, region, identifier };
  }
  return undefined;
}
