import { buildResource, type EstateResource } from '../simulators/aws/index.js';
import { cloudTrailEvent } from './event-builders.js';

/**
 * One supported service, for end-to-end tests: how to make a resource of it in the simulated estate,
 * the CloudTrail events of creating, tagging and deleting it, and the entity identifier its mapping
 * gives (the seed's ECS cluster mapping uses `.Properties.Arn`, the ECS service one `.Properties.ServiceArn`).
 */
export interface WatchedService {
  kind: string;
  resource(account: string, region: string, name: string, tags: Record<string, string>): EstateResource;
  create(r: EstateResource): Record<string, unknown>;
  tag(r: EstateResource): Record<string, unknown>;
  delete(r: EstateResource): Record<string, unknown>;
  entityIdentifier(r: EstateResource): string;
  /** The parents a child kind is listed under (an EKS node group's cluster), put in the estate with it. */
  parents?(r: EstateResource): EstateResource[];
}

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const call = (r: EstateResource, source: string, name: string, requestParameters: Record<string, unknown>, responseElements?: Record<string, unknown>) =>
  cloudTrailEvent({ source, name, account: r.account, region: r.region, requestParameters, ...(responseElements ? { responseElements } : {}) });
const arnOf = (r: EstateResource) => String(r.properties.Arn);

/** Every service the acceptance list names, with Cloud Control's primary identifier for each. */
export const WATCHED_SERVICES: readonly WatchedService[] = [
  {
    kind: 'AWS::S3::Bucket',
    resource: (account, region, name, tags) => buildResource({ type: 'AWS::S3::Bucket', account, region, name, tags }),
    create: (r) => call(r, 's3.amazonaws.com', 'CreateBucket', { bucketName: r.identifier, Host: `${r.identifier}.s3.amazonaws.com` }),
    tag: (r) => call(r, 's3.amazonaws.com', 'PutBucketTagging', { bucketName: r.identifier, tagging: '' }),
    delete: (r) => call(r, 's3.amazonaws.com', 'DeleteBucket', { bucketName: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::EC2::Instance',
    resource: (account, region, name, tags) => buildResource({ type: 'AWS::EC2::Instance', account, region, name, tags }),
    create: (r) => call(r, 'ec2.amazonaws.com', 'RunInstances', { instanceType: 't3.micro' }, { instancesSet: { items: [{ instanceId: r.identifier, currentState: { name: 'pending' } }] } }),
    tag: (r) => call(r, 'ec2.amazonaws.com', 'CreateTags', { resourcesSet: { items: [{ resourceId: r.identifier }, { resourceId: 'vol-0123456789abcdef0' }] }, tagSet: { items: [] } }),
    delete: (r) => call(r, 'ec2.amazonaws.com', 'TerminateInstances', { instancesSet: { items: [{ instanceId: r.identifier }] } }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::ECS::Cluster',
    resource: (account, region, name, tags) => buildResource({ type: 'AWS::ECS::Cluster', account, region, name, tags }),
    create: (r) => call(r, 'ecs.amazonaws.com', 'CreateCluster', { clusterName: r.identifier }, { cluster: { clusterName: r.identifier, clusterArn: arnOf(r) } }),
    tag: (r) => call(r, 'ecs.amazonaws.com', 'TagResource', { resourceArn: arnOf(r), tags: [] }),
    delete: (r) => call(r, 'ecs.amazonaws.com', 'DeleteCluster', { cluster: r.identifier }, { cluster: { clusterName: r.identifier, clusterArn: arnOf(r) } }),
    entityIdentifier: arnOf,
  },
  {
    kind: 'AWS::ECS::Service',
    resource: (account, region, name, tags) => {
      const serviceArn = `arn:aws:ecs:${region}:${account}:service/platform/${name}`;
      return { type: 'AWS::ECS::Service', account, region, identifier: `${serviceArn}|platform`, properties: { ServiceArn: serviceArn, ServiceName: name, Cluster: 'platform', DesiredCount: 2, Tags: tagList(tags) } };
    },
    create: (r) => call(r, 'ecs.amazonaws.com', 'CreateService', { serviceName: r.properties.ServiceName, cluster: 'platform' }, { service: { serviceArn: r.properties.ServiceArn, clusterArn: `arn:aws:ecs:${r.region}:${r.account}:cluster/platform` } }),
    tag: (r) => call(r, 'ecs.amazonaws.com', 'TagResource', { resourceArn: r.properties.ServiceArn, tags: [] }),
    delete: (r) => call(r, 'ecs.amazonaws.com', 'DeleteService', { service: r.properties.ServiceName, cluster: 'platform' }, { service: { serviceArn: r.properties.ServiceArn, clusterArn: `arn:aws:ecs:${r.region}:${r.account}:cluster/platform` } }),
    entityIdentifier: (r) => String(r.properties.ServiceArn),
  },
  {
    kind: 'AWS::EKS::Nodegroup',
    resource: (account, region, name, tags) => ({
      type: 'AWS::EKS::Nodegroup',
      account,
      region,
      identifier: `platform/${name}`,
      properties: { Id: `platform/${name}`, ClusterName: 'platform', NodegroupName: name, Arn: `arn:aws:eks:${region}:${account}:nodegroup/platform/${name}/0ec1d2f3`, Tags: tagList(tags) },
    }),
    parents: (r) => [{ type: 'AWS::EKS::Cluster', account: r.account, region: r.region, identifier: 'platform', properties: { Name: 'platform' } }],
    create: (r) => call(r, 'eks.amazonaws.com', 'CreateNodegroup', { name: 'platform', nodegroupName: r.properties.NodegroupName }, { nodegroup: { nodegroupName: r.properties.NodegroupName, nodegroupArn: arnOf(r), clusterName: 'platform' } }),
    tag: (r) => call(r, 'eks.amazonaws.com', 'TagResource', { resourceArn: arnOf(r), tags: {} }),
    delete: (r) => call(r, 'eks.amazonaws.com', 'DeleteNodegroup', { name: 'platform', nodegroupName: r.properties.NodegroupName }, { nodegroup: { nodegroupName: r.properties.NodegroupName, nodegroupArn: arnOf(r), clusterName: 'platform' } }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::ElasticLoadBalancingV2::Listener',
    resource: (account, region, name, tags) => {
      const lb = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/front/50dc6c495c0c9188`;
      const arn = `arn:aws:elasticloadbalancing:${region}:${account}:listener/app/front/50dc6c495c0c9188/${name}`;
      return { type: 'AWS::ElasticLoadBalancingV2::Listener', account, region, identifier: arn, properties: { ListenerArn: arn, LoadBalancerArn: lb, Port: 443, Protocol: 'HTTPS', Tags: tagList(tags) } };
    },
    parents: (r) => [
      { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', account: r.account, region: r.region, identifier: String(r.properties.LoadBalancerArn), properties: { LoadBalancerArn: r.properties.LoadBalancerArn } },
    ],
    create: (r) => call(r, 'elasticloadbalancing.amazonaws.com', 'CreateListener', { loadBalancerArn: r.properties.LoadBalancerArn, port: 443 }, { listeners: [{ listenerArn: r.identifier }] }),
    tag: (r) => call(r, 'elasticloadbalancing.amazonaws.com', 'AddTags', { resourceArns: [r.identifier], tags: [] }),
    delete: (r) => call(r, 'elasticloadbalancing.amazonaws.com', 'DeleteListener', { listenerArn: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::Lambda::Function',
    resource: (account, region, name, tags) => buildResource({ type: 'AWS::Lambda::Function', account, region, name, tags }),
    create: (r) => call(r, 'lambda.amazonaws.com', 'CreateFunction20150331', { functionName: r.identifier, runtime: 'nodejs20.x' }, { functionName: r.identifier, functionArn: arnOf(r) }),
    tag: (r) => call(r, 'lambda.amazonaws.com', 'TagResource20170331v2', { resource: arnOf(r), tags: {} }),
    delete: (r) => call(r, 'lambda.amazonaws.com', 'DeleteFunction20150331', { functionName: arnOf(r) }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::RDS::DBInstance',
    resource: (account, region, name, tags) => ({
      type: 'AWS::RDS::DBInstance',
      account,
      region,
      identifier: name,
      properties: { DBInstanceIdentifier: name, DBInstanceArn: `arn:aws:rds:${region}:${account}:db:${name}`, Engine: 'postgres', DBInstanceClass: 'db.t3.micro', Tags: tagList(tags) },
    }),
    // The caller typed capitals; AWS stores (and Cloud Control identifies) the instance in lower case.
    create: (r) => call(r, 'rds.amazonaws.com', 'CreateDBInstance', { dBInstanceIdentifier: r.identifier.toUpperCase(), engine: 'postgres' }),
    tag: (r) => call(r, 'rds.amazonaws.com', 'AddTagsToResource', { resourceName: r.properties.DBInstanceArn, tags: [] }),
    delete: (r) => call(r, 'rds.amazonaws.com', 'DeleteDBInstance', { dBInstanceIdentifier: r.identifier, skipFinalSnapshot: true }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::DynamoDB::Table',
    resource: (account, region, name, tags) => ({
      type: 'AWS::DynamoDB::Table',
      account,
      region,
      identifier: name,
      properties: { TableName: name, Arn: `arn:aws:dynamodb:${region}:${account}:table/${name}`, BillingMode: 'PAY_PER_REQUEST', Tags: tagList(tags) },
    }),
    create: (r) => call(r, 'dynamodb.amazonaws.com', 'CreateTable', { tableName: r.identifier }),
    tag: (r) => call(r, 'dynamodb.amazonaws.com', 'TagResource', { resourceArn: arnOf(r), tags: [] }),
    delete: (r) => call(r, 'dynamodb.amazonaws.com', 'DeleteTable', { tableName: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::SQS::Queue',
    resource: (account, region, name, tags) => {
      const url = `https://sqs.${region}.amazonaws.com/${account}/${name}`;
      return { type: 'AWS::SQS::Queue', account, region, identifier: url, properties: { QueueUrl: url, QueueName: name, Arn: `arn:aws:sqs:${region}:${account}:${name}`, Tags: tagList(tags) } };
    },
    // CloudTrail may spell the URL the legacy way; Cloud Control's identifier is the sqs.REGION form.
    create: (r) => call(r, 'sqs.amazonaws.com', 'CreateQueue', { queueName: r.properties.QueueName }, { queueUrl: `https://${r.region}.queue.amazonaws.com/${r.account}/${String(r.properties.QueueName)}` }),
    tag: (r) => call(r, 'sqs.amazonaws.com', 'TagQueue', { queueUrl: r.identifier, tags: {} }),
    delete: (r) => call(r, 'sqs.amazonaws.com', 'DeleteQueue', { queueUrl: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::SNS::Topic',
    resource: (account, region, name, tags) => {
      const arn = `arn:aws:sns:${region}:${account}:${name}`;
      return { type: 'AWS::SNS::Topic', account, region, identifier: arn, properties: { TopicArn: arn, TopicName: name, Tags: tagList(tags) } };
    },
    create: (r) => call(r, 'sns.amazonaws.com', 'CreateTopic', { name: r.properties.TopicName }, { topicArn: r.identifier }),
    tag: (r) => call(r, 'sns.amazonaws.com', 'TagResource', { resourceArn: r.identifier, tags: [] }),
    delete: (r) => call(r, 'sns.amazonaws.com', 'DeleteTopic', { topicArn: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
  {
    kind: 'AWS::IAM::Role',
    resource: (account, _region, name, tags) => ({
      type: 'AWS::IAM::Role',
      account,
      region: 'us-east-1',
      identifier: name,
      properties: { RoleName: name, Arn: `arn:aws:iam::${account}:role/${name}`, Path: '/', Tags: tagList(tags) },
    }),
    create: (r) => call(r, 'iam.amazonaws.com', 'CreateRole', { roleName: r.identifier, assumeRolePolicyDocument: '{}' }),
    tag: (r) => call(r, 'iam.amazonaws.com', 'TagRole', { roleName: r.identifier, tags: [] }),
    delete: (r) => call(r, 'iam.amazonaws.com', 'DeleteRole', { roleName: r.identifier }),
    entityIdentifier: (r) => r.identifier,
  },
];

/**
 * Resource configs for the kinds the seed mapping does not cover, in the seed's style (appended to
 * the seed's `resources:`). ECS services are identified by ARN: Port refuses the `|` of Cloud
 * Control's composite identifier.
 */
export const EXTRA_RESOURCES_YAML = ['AWS::ECS::Service', 'AWS::EKS::Nodegroup', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::Lambda::Function', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::IAM::Role']
  .map(
    (kind) => `- kind: ${kind}
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: ${kind === 'AWS::ECS::Service' ? '.Properties.ServiceArn' : '.Identifier'}
        title: .Identifier
        blueprint: '"cloudResource"'
        properties:
          kind: .__Kind
          region: .__Region
          tags: .Properties.Tags
        relations:
          account: .__AccountId
`,
  )
  .join('');
