import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARN_KINDS, CLOUDTRAIL_RULES, NATIVE_EVENT_RULES } from '../../src/watch/index.js';
import { EC2_ID_KINDS } from '../../src/watch/identifier-forms.js';
import { registrySchemas } from '../simulators/aws/list-parents.js';

const SCHEMAS = registrySchemas();

/** A primaryIdentifier entry's property name: `/properties/ServiceArn` -> `ServiceArn`. */
const propertyOf = (pointer: string) => pointer.replace(/^\/properties\//, '');

describe("watch's identifier forms against the CloudFormation registry schemas' primaryIdentifier", () => {
  it('knows the schema of every kind the event table, the EC2 id prefixes and the ARN table name', () => {
    const kinds = new Set([...ARN_KINDS.map((r) => r.kind), ...Object.values(EC2_ID_KINDS), ...[...CLOUDTRAIL_RULES, ...NATIVE_EVENT_RULES].flatMap((r) => (r.kind ? [r.kind] : []))]);
    for (const kind of kinds) assert.ok(SCHEMAS[kind], `registry-schemas.json has ${kind}`);
  });

  it('builds each ARN kind\'s identifier from as many parts as its primaryIdentifier, an ARN where the schema names one', () => {
    for (const row of ARN_KINDS) {
      const parts = row.identifier.split('|');
      const properties = SCHEMAS[row.kind]!.primaryIdentifier.map(propertyOf);
      assert.equal(parts.length, properties.length, `${row.kind}: ${row.identifier} against ${properties.join('|')}`);
      parts.forEach((part, i) => {
        const isArnProperty = /Arn$/.test(properties[i]!) || properties[i] === 'StackId';
        assert.equal(part === '{arn}', isArnProperty, `${row.kind} part ${i + 1} (${part}) is ${properties[i]}`);
      });
    }
  });

  it('gives AWS::ECS::Service its two-part identifier, the service ARN then the cluster', () => {
    assert.deepEqual(SCHEMAS['AWS::ECS::Service']!.primaryIdentifier, ['/properties/ServiceArn', '/properties/Cluster']);
    assert.equal(ARN_KINDS.find((r) => r.kind === 'AWS::ECS::Service')!.identifier, '{arn}|{1}');
  });

  it('names single-value kinds by the property their primaryIdentifier is', () => {
    const single: Record<string, string> = {
      'AWS::S3::Bucket': 'BucketName',
      'AWS::EC2::Instance': 'InstanceId',
      'AWS::EC2::SecurityGroup': 'Id',
      'AWS::ECS::Cluster': 'ClusterName',
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
      'AWS::DynamoDB::Table': 'TableName',
      'AWS::SQS::Queue': 'QueueUrl',
      'AWS::SNS::Topic': 'TopicArn',
      'AWS::IAM::Role': 'RoleName',
      'AWS::CloudFormation::Stack': 'StackId',
    };
    for (const [kind, property] of Object.entries(single)) assert.deepEqual(SCHEMAS[kind]!.primaryIdentifier, [`/properties/${property}`], kind);
  });
});
