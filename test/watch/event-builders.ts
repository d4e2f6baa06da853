/**
 * AWS events as they land in an SQS queue (shapes as `docs/compatibility-aws.md` sources them): the
 * EventBridge envelope of a CloudTrail API call, a native event, an SNS envelope, an S3 notification.
 * Shared by the unit tests, the end-to-end tests and the benchmark.
 */

/** What a CloudTrail call event says. */
export interface CloudTrailCall {
  /** `s3.amazonaws.com`. */
  source: string;
  /** `CreateBucket`. */
  name: string;
  account: string;
  region: string;
  requestParameters?: Record<string, unknown>;
  responseElements?: Record<string, unknown> | null;
  errorCode?: string;
  readOnly?: boolean;
  /** CloudTrail's own `resources` list (inside `detail`). */
  resources?: Array<{ ARN: string; accountId?: string; type?: string }>;
}

let sequence = 0;

/** The EventBridge event of a CloudTrail-recorded API call (envelope `resources` is empty, as AWS sends it). */
export function cloudTrailEvent(call: CloudTrailCall): Record<string, unknown> {
  sequence++;
  return {
    version: '0',
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${call.source.split('.')[0]}`,
    account: call.account,
    time: new Date().toISOString(),
    region: call.region,
    resources: [],
    detail: {
      eventVersion: '1.09',
      userIdentity: { type: 'AssumedRole', accountId: call.account, arn: `arn:aws:sts::${call.account}:assumed-role/Admin/someone` },
      eventTime: new Date().toISOString(),
      eventSource: call.source,
      eventName: call.name,
      awsRegion: call.region,
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2.15.0',
      requestParameters: call.requestParameters ?? null,
      responseElements: call.responseElements ?? null,
      requestID: `req-${sequence}`,
      eventID: `evt-${sequence}`,
      readOnly: call.readOnly ?? false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: call.account,
      ...(call.resources ? { resources: call.resources } : {}),
      ...(call.errorCode ? { errorCode: call.errorCode, errorMessage: 'simulated failure' } : {}),
    },
  };
}

/** A native AWS event (`EC2 Instance State-change Notification`, ...). */
export function nativeEvent(options: { source: string; detailType: string; account: string; region: string; resources?: string[]; detail?: Record<string, unknown> }): Record<string, unknown> {
  sequence++;
  return {
    version: '0',
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    'detail-type': options.detailType,
    source: options.source,
    account: options.account,
    time: new Date().toISOString(),
    region: options.region,
    resources: options.resources ?? [],
    detail: options.detail ?? {},
  };
}

/** The EC2 state-change event of an instance. */
export function instanceStateChange(account: string, region: string, instanceId: string, state: string): Record<string, unknown> {
  return nativeEvent({
    source: 'aws.ec2',
    detailType: 'EC2 Instance State-change Notification',
    account,
    region,
    resources: [`arn:aws:ec2:${region}:${account}:instance/${instanceId}`],
    detail: { 'instance-id': instanceId, state },
  });
}

/** An event delivered through SNS with raw delivery off: the event is a string inside. */
export function snsEnvelope(inner: unknown, topicArn = 'arn:aws:sns:us-east-1:111111111111:aws-events'): Record<string, unknown> {
  return {
    Type: 'Notification',
    MessageId: `sns-${++sequence}`,
    TopicArn: topicArn,
    Message: JSON.stringify(inner),
    Timestamp: new Date().toISOString(),
    SignatureVersion: '1',
  };
}

/** An S3 event notification sent straight to SQS (one record per bucket). */
export function s3Notification(records: Array<{ bucket: string; region: string; eventName?: string }>): Record<string, unknown> {
  return {
    Records: records.map((r) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: r.region,
      eventTime: new Date().toISOString(),
      eventName: r.eventName ?? 'ObjectCreated:Put',
      s3: { s3SchemaVersion: '1.0', bucket: { name: r.bucket, arn: `arn:aws:s3:::${r.bucket}` }, object: { key: 'some/key', size: 1 } },
    })),
  };
}

/** The message S3 sends when notifications to a queue are set up. */
export const S3_TEST_EVENT = { Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2024-01-01T00:00:00.000Z', Bucket: 'any-bucket', RequestId: 'R', HostId: 'H' };
