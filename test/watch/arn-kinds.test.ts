import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARN_KINDS, refOfArn } from '../../src/watch/index.js';

const place = { account: '999999999999', region: 'ap-south-1' };
const identify = (arn: string) => {
  const ref = refOfArn(arn, place);
  return ref && `${ref.kind} ${ref.account}/${ref.region} ${ref.identifier}`;
};

describe('refOfArn', () => {
  const cases: Array<[string, string | undefined]> = [
    ['arn:aws:s3:::logs', 'AWS::S3::Bucket 999999999999/ap-south-1 logs'],
    ['arn:aws:s3:::logs/some/object.txt', undefined],
    ['arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc', 'AWS::EC2::Instance 111111111111/eu-west-1 i-0abc'],
    ['arn:aws:ecs:eu-west-1:111111111111:cluster/jobs', 'AWS::ECS::Cluster 111111111111/eu-west-1 jobs'],
    ['arn:aws:ecs:eu-west-1:111111111111:service/jobs/worker', 'AWS::ECS::Service 111111111111/eu-west-1 arn:aws:ecs:eu-west-1:111111111111:service/jobs/worker|jobs'],
    ['arn:aws:lambda:eu-west-1:111111111111:function:resize:3', 'AWS::Lambda::Function 111111111111/eu-west-1 resize'],
    ['arn:aws:rds:eu-west-1:111111111111:db:orders', 'AWS::RDS::DBInstance 111111111111/eu-west-1 orders'],
    ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders', 'AWS::DynamoDB::Table 111111111111/eu-west-1 orders'],
    ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders/stream/2024', undefined],
    ['arn:aws-cn:sqs:cn-north-1:111111111111:jobs', 'AWS::SQS::Queue 111111111111/cn-north-1 https://sqs.cn-north-1.amazonaws.com.cn/111111111111/jobs'],
    ['arn:aws:sns:eu-west-1:111111111111:alerts', 'AWS::SNS::Topic 111111111111/eu-west-1 arn:aws:sns:eu-west-1:111111111111:alerts'],
    ['arn:aws:sns:eu-west-1:111111111111:alerts:5f2b-subscription', undefined],
    ['arn:aws:iam::111111111111:role/service-role/deployer', 'AWS::IAM::Role 111111111111/ap-south-1 deployer'],
    ['arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/resize:*', 'AWS::Logs::LogGroup 111111111111/eu-west-1 /aws/lambda/resize'],
    ['not-an-arn', undefined],
    ['arn:aws:acm:us-east-1:111111111111:certificate/abc', undefined],
  ];
  for (const [arn, expected] of cases) {
    it(`${arn} -> ${expected ?? 'nothing'}`, () => assert.equal(identify(arn), expected));
  }

  it('has rows whose patterns compile and whose templates name only known placeholders', () => {
    for (const row of ARN_KINDS) {
      assert.doesNotThrow(() => new RegExp(row.resource), row.kind);
      for (const [, name] of row.identifier.matchAll(/\{(\w+)\}/g)) assert.ok(['arn', 'region', 'account', 'dnsSuffix'].includes(name!) || /^\d$/.test(name!), `${row.kind}: {${name}}`);
    }
  });
});
