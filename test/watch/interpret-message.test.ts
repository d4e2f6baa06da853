import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpretMessage, type InterpretContext } from '../../src/watch/index.js';
import { cloudTrailEvent, instanceStateChange, nativeEvent, s3Notification, S3_TEST_EVENT, snsEnvelope, type CloudTrailCall } from './event-builders.js';

const A = '111111111111';
const B = '222222222222';
const context: InterpretContext = { queueAccount: A, accountOfBucket: (name) => (name === 'member-bucket' ? B : undefined) };

/** What a message comes to, as `outcome` or `kind account/region identifier` lines. */
function read(body: unknown): string[] {
  const result = interpretMessage(typeof body === 'string' ? body : JSON.stringify(body), context);
  return result.outcome === 'resources' ? result.refs.map((r) => `${r.kind} ${r.account}/${r.region} ${r.identifier}`) : [result.outcome];
}

const call = (source: string, name: string, fields: Partial<CloudTrailCall> = {}) => cloudTrailEvent({ source, name, account: B, region: 'eu-west-1', ...fields });

describe('interpretMessage: CloudTrail calls of each supported service', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['S3 CreateBucket', call('s3.amazonaws.com', 'CreateBucket', { requestParameters: { bucketName: 'logs' } }), [`AWS::S3::Bucket ${B}/eu-west-1 logs`]],
    ['S3 PutBucketTagging', call('s3.amazonaws.com', 'PutBucketTagging', { requestParameters: { bucketName: 'logs' } }), [`AWS::S3::Bucket ${B}/eu-west-1 logs`]],
    ['S3 DeleteBucketPolicy', call('s3.amazonaws.com', 'DeleteBucketPolicy', { requestParameters: { bucketName: 'logs' } }), [`AWS::S3::Bucket ${B}/eu-west-1 logs`]],
    [
      'EC2 RunInstances of two instances',
      call('ec2.amazonaws.com', 'RunInstances', { responseElements: { instancesSet: { items: [{ instanceId: 'i-01' }, { instanceId: 'i-02' }] } } }),
      [`AWS::EC2::Instance ${B}/eu-west-1 i-01`, `AWS::EC2::Instance ${B}/eu-west-1 i-02`],
    ],
    // CloudTrail wraps these two calls' parameters in a PascalCase request object (unlike other EC2 calls)
    [
      'EC2 ModifyInstanceMetadataOptions (PascalCase request wrapper)',
      call('ec2.amazonaws.com', 'ModifyInstanceMetadataOptions', { requestParameters: { ModifyInstanceMetadataOptionsRequest: { HttpTokens: 'required', InstanceId: 'i-07' } } }),
      [`AWS::EC2::Instance ${B}/eu-west-1 i-07`],
    ],
    [
      'EC2 AssociateIamInstanceProfile (PascalCase request wrapper)',
      call('ec2.amazonaws.com', 'AssociateIamInstanceProfile', { requestParameters: { AssociateIamInstanceProfileRequest: { IamInstanceProfile: { Name: 'web' }, InstanceId: 'i-08' } } }),
      [`AWS::EC2::Instance ${B}/eu-west-1 i-08`],
    ],
    ['EC2 TerminateInstances', call('ec2.amazonaws.com', 'TerminateInstances', { requestParameters: { instancesSet: { items: [{ instanceId: 'i-03' }] } } }), [`AWS::EC2::Instance ${B}/eu-west-1 i-03`]],
    [
      'EC2 CreateTags on an instance and a volume',
      call('ec2.amazonaws.com', 'CreateTags', { requestParameters: { resourcesSet: { items: [{ resourceId: 'i-04' }, { resourceId: 'vol-05' }, { resourceId: 'ami-06' }] } } }),
      [`AWS::EC2::Instance ${B}/eu-west-1 i-04`, `AWS::EC2::Volume ${B}/eu-west-1 vol-05`],
    ],
    ['ECS CreateCluster', call('ecs.amazonaws.com', 'CreateCluster', { responseElements: { cluster: { clusterName: 'jobs', clusterArn: `arn:aws:ecs:eu-west-1:${B}:cluster/jobs` } } }), [`AWS::ECS::Cluster ${B}/eu-west-1 jobs`]],
    [
      'ECS UpdateService (identifier ServiceArn|ClusterName)',
      call('ecs.amazonaws.com', 'UpdateService', { responseElements: { service: { serviceArn: `arn:aws:ecs:eu-west-1:${B}:service/jobs/worker` } } }),
      [`AWS::ECS::Service ${B}/eu-west-1 arn:aws:ecs:eu-west-1:${B}:service/jobs/worker|jobs`],
    ],
    ['ECS TagResource on a cluster', call('ecs.amazonaws.com', 'TagResource', { requestParameters: { resourceArn: `arn:aws:ecs:eu-west-1:${B}:cluster/jobs` } }), [`AWS::ECS::Cluster ${B}/eu-west-1 jobs`]],
    ['Lambda CreateFunction (versioned event name)', call('lambda.amazonaws.com', 'CreateFunction20150331', { requestParameters: { functionName: 'resize' } }), [`AWS::Lambda::Function ${B}/eu-west-1 resize`]],
    [
      'Lambda UpdateFunctionConfiguration by ARN with a qualifier',
      call('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', { requestParameters: { functionName: `arn:aws:lambda:eu-west-1:${B}:function:resize:live` } }),
      [`AWS::Lambda::Function ${B}/eu-west-1 resize`],
    ],
    ['Lambda DeleteFunction by partial ARN', call('lambda.amazonaws.com', 'DeleteFunction20150331', { requestParameters: { functionName: `${B}:function:resize` } }), [`AWS::Lambda::Function ${B}/eu-west-1 resize`]],
    ['Lambda TagResource', call('lambda.amazonaws.com', 'TagResource20170331v2', { requestParameters: { resource: `arn:aws:lambda:eu-west-1:${B}:function:resize` } }), [`AWS::Lambda::Function ${B}/eu-west-1 resize`]],
    ['RDS CreateDBInstance (stored in lower case)', call('rds.amazonaws.com', 'CreateDBInstance', { requestParameters: { dBInstanceIdentifier: 'Orders-DB' } }), [`AWS::RDS::DBInstance ${B}/eu-west-1 orders-db`]],
    [
      'RDS ModifyDBInstance with a rename: both names',
      call('rds.amazonaws.com', 'ModifyDBInstance', { requestParameters: { dBInstanceIdentifier: 'old', newDBInstanceIdentifier: 'new' } }),
      [`AWS::RDS::DBInstance ${B}/eu-west-1 old`, `AWS::RDS::DBInstance ${B}/eu-west-1 new`],
    ],
    ['RDS AddTagsToResource', call('rds.amazonaws.com', 'AddTagsToResource', { requestParameters: { resourceName: `arn:aws:rds:eu-west-1:${B}:db:orders-db` } }), [`AWS::RDS::DBInstance ${B}/eu-west-1 orders-db`]],
    ['DynamoDB UpdateTable', call('dynamodb.amazonaws.com', 'UpdateTable', { requestParameters: { tableName: 'orders' } }), [`AWS::DynamoDB::Table ${B}/eu-west-1 orders`]],
    ['DynamoDB TagResource', call('dynamodb.amazonaws.com', 'TagResource', { requestParameters: { resourceArn: `arn:aws:dynamodb:eu-west-1:${B}:table/orders` } }), [`AWS::DynamoDB::Table ${B}/eu-west-1 orders`]],
    [
      'SQS CreateQueue with a legacy queue URL',
      call('sqs.amazonaws.com', 'CreateQueue', { responseElements: { queueUrl: `https://eu-west-1.queue.amazonaws.com/${B}/jobs` } }),
      [`AWS::SQS::Queue ${B}/eu-west-1 https://sqs.eu-west-1.amazonaws.com/${B}/jobs`],
    ],
    ['SQS TagQueue', call('sqs.amazonaws.com', 'TagQueue', { requestParameters: { queueUrl: `https://sqs.eu-west-1.amazonaws.com/${B}/jobs` } }), [`AWS::SQS::Queue ${B}/eu-west-1 https://sqs.eu-west-1.amazonaws.com/${B}/jobs`]],
    ['SNS CreateTopic', call('sns.amazonaws.com', 'CreateTopic', { responseElements: { topicArn: `arn:aws:sns:eu-west-1:${B}:alerts` } }), [`AWS::SNS::Topic ${B}/eu-west-1 arn:aws:sns:eu-west-1:${B}:alerts`]],
    ['SNS TagResource', call('sns.amazonaws.com', 'TagResource', { requestParameters: { resourceArn: `arn:aws:sns:eu-west-1:${B}:alerts` } }), [`AWS::SNS::Topic ${B}/eu-west-1 arn:aws:sns:eu-west-1:${B}:alerts`]],
    ['IAM CreateRole', call('iam.amazonaws.com', 'CreateRole', { region: 'us-east-1', requestParameters: { roleName: 'deployer' } }), [`AWS::IAM::Role ${B}/us-east-1 deployer`]],
    ['IAM AttachRolePolicy', call('iam.amazonaws.com', 'AttachRolePolicy', { region: 'us-east-1', requestParameters: { roleName: 'deployer', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }), [`AWS::IAM::Role ${B}/us-east-1 deployer`]],
  ];
  for (const [name, event, expected] of cases) {
    it(name, () => assert.deepEqual(read(event), expected));
  }
});

describe('interpretMessage: native events, envelopes and fallbacks', () => {
  it('reads the instance of an EC2 state-change notification', () => {
    assert.deepEqual(read(instanceStateChange(B, 'eu-west-1', 'i-07', 'stopped')), [`AWS::EC2::Instance ${B}/eu-west-1 i-07`]);
  });

  it('reads the stack id of a CloudFormation stack status change', () => {
    const stackId = `arn:aws:cloudformation:eu-west-1:${B}:stack/web/1b2c3d4e-0000-4000-8000-000000000000`;
    const event = nativeEvent({ source: 'aws.cloudformation', detailType: 'CloudFormation Stack Status Change', account: B, region: 'eu-west-1', resources: [stackId], detail: { 'stack-id': stackId, 'status-details': { status: 'UPDATE_COMPLETE' } } });
    assert.deepEqual(read(event), [`AWS::CloudFormation::Stack ${B}/eu-west-1 ${stackId}`]);
  });

  it('falls back on the ARNs of an unlisted native event (an ECS service action)', () => {
    const event = nativeEvent({ source: 'aws.ecs', detailType: 'ECS Service Action', account: B, region: 'eu-west-1', resources: [`arn:aws:ecs:eu-west-1:${B}:service/jobs/worker`] });
    assert.deepEqual(read(event), [`AWS::ECS::Service ${B}/eu-west-1 arn:aws:ecs:eu-west-1:${B}:service/jobs/worker|jobs`]);
  });

  it("falls back on the ARNs in an unlisted CloudTrail call's own resources", () => {
    const event = call('kinesis.amazonaws.com', 'IncreaseStreamRetentionPeriod', { requestParameters: { streamName: 'clicks' }, resources: [{ ARN: `arn:aws:kinesis:eu-west-1:${B}:stream/clicks` }] });
    assert.deepEqual(read(event), [`AWS::Kinesis::Stream ${B}/eu-west-1 clicks`]);
  });

  it('fills the account and region an ARN leaves empty from the event', () => {
    const event = nativeEvent({ source: 'aws.s3', detailType: 'Object Created', account: B, region: 'eu-west-1', resources: ['arn:aws:s3:::logs'] });
    assert.deepEqual(read(event), [`AWS::S3::Bucket ${B}/eu-west-1 logs`]);
  });

  it('unwraps an event delivered through SNS, even twice', () => {
    const inner = call('s3.amazonaws.com', 'CreateBucket', { requestParameters: { bucketName: 'logs' } });
    assert.deepEqual(read(snsEnvelope(snsEnvelope(inner))), [`AWS::S3::Bucket ${B}/eu-west-1 logs`]);
  });

  it("reads S3 notifications in the bucket owner's account, else the queue's", () => {
    assert.deepEqual(read(s3Notification([{ bucket: 'member-bucket', region: 'eu-west-1' }, { bucket: 'unknown-bucket', region: 'us-east-1' }])), [
      `AWS::S3::Bucket ${B}/eu-west-1 member-bucket`,
      `AWS::S3::Bucket ${A}/us-east-1 unknown-bucket`,
    ]);
  });

  it('names each resource once per message', () => {
    const event = call('ec2.amazonaws.com', 'CreateTags', { requestParameters: { resourcesSet: { items: [{ resourceId: 'i-08' }, { resourceId: 'i-08' }] } } });
    assert.deepEqual(read(event), [`AWS::EC2::Instance ${B}/eu-west-1 i-08`]);
  });
});

describe('interpretMessage: messages with nothing to do', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a body that is not JSON', 'hello', 'garbage'],
    ['a JSON array', '[1]', 'garbage'],
    ['an SNS envelope around text', snsEnvelope('plain text'), 'garbage'],
    ['the S3 test event', S3_TEST_EVENT, 'test_event'],
    ['a failed call', call('s3.amazonaws.com', 'CreateBucket', { requestParameters: { bucketName: 'taken' }, errorCode: 'BucketAlreadyExists' }), 'failed_call'],
    ['a read-only call', call('s3.amazonaws.com', 'GetBucketPolicy', { requestParameters: { bucketName: 'logs' }, readOnly: true }), 'read_only'],
    ['an object-level S3 call', call('s3.amazonaws.com', 'PutObject', { requestParameters: { bucketName: 'logs', key: 'a' } }), 'unknown_event'],
    ['a call of a service with no rule and no ARN', call('kms.amazonaws.com', 'CreateKey', { responseElements: { keyMetadata: { keyId: 'k' } } }), 'unknown_event'],
    ['a native event with no ARN', nativeEvent({ source: 'aws.health', detailType: 'AWS Health Event', account: A, region: 'us-east-1' }), 'unknown_event'],
    ['an ARN of an unknown type', nativeEvent({ source: 'aws.acm', detailType: 'ACM Certificate Approaching Expiration', account: A, region: 'us-east-1', resources: [`arn:aws:acm:us-east-1:${A}:certificate/abc`] }), 'unknown_event'],
    ['an event without an account', { 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2', region: 'us-east-1', detail: { 'instance-id': 'i-1' } }, 'unknown_event'],
    ['any other JSON object', { message: 'hi' }, 'unknown_event'],
  ];
  for (const [name, body, outcome] of cases) {
    it(`${name}: ${outcome}`, () => assert.deepEqual(read(body), [outcome]));
  }
});
