import { refOfArn } from './arn-kinds.js';
import { CLOUDTRAIL_DETAIL_TYPE, CLOUDTRAIL_RULES, NATIVE_EVENT_RULES, cloudTrailRuleFor, type CloudTrailRule, type NativeEventRule } from './event-table.js';
import type { IgnoredOutcome } from './event-outcome.js';
import { refOfValue, type EventPlace } from './identifier-forms.js';
import { readPath } from './read-path.js';
import { refKey, type ResourceRef } from './resource-ref.js';

/** What a message says: resources to look at again, or why there is nothing to do. */
export type Interpretation =
  | {
      outcome: 'resources';
      /** At least one, each once. */
      refs: ResourceRef[];
      /** What the event was, for logs: `CloudTrail s3.amazonaws.com PutBucketTagging`. */
      description: string;
    }
  | { outcome: IgnoredOutcome; description: string }
  /** The body cannot be read as an event: a poison message, left for the dead-letter queue. */
  | { outcome: 'garbage'; description: string };

/** What interpreting needs beyond the body. */
export interface InterpretContext {
  /** The account of the queue (from its URL): S3 notifications name no account. */
  queueAccount: string;
  /** The account the state says owns a bucket; S3 notifications name only the bucket. */
  accountOfBucket(name: string): string | undefined;
  /** The tables to use (default: CLOUDTRAIL_RULES, NATIVE_EVENT_RULES). */
  cloudTrailRules?: readonly CloudTrailRule[];
  nativeRules?: readonly NativeEventRule[];
}

/** SNS envelopes inside SNS envelopes are unwrapped this deep at most. */
const MAX_ENVELOPES = 3;

type Json = Record<string, unknown>;

/**
 * Reads one SQS message body: an EventBridge event (a CloudTrail API call or a native event), the
 * same inside an SNS notification, or an S3 notification sent straight to the queue. Never throws:
 * a body it cannot read is `garbage`, an event it has no use for an ignored outcome.
 */
export function interpretMessage(body: string, context: InterpretContext): Interpretation {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { outcome: 'garbage', description: 'the body is not JSON' };
  }
  return interpretValue(parsed, context, 0);
}

function interpretValue(value: unknown, context: InterpretContext, depth: number): Interpretation {
  if (!isObject(value)) return { outcome: 'garbage', description: 'the body is not a JSON object' };
  if (value.Type === 'Notification' && typeof value.Message === 'string') {
    if (depth >= MAX_ENVELOPES) return { outcome: 'unknown_event', description: 'SNS envelopes nested too deep' };
    let inner: unknown;
    try {
      inner = JSON.parse(value.Message);
    } catch {
      return { outcome: 'garbage', description: 'the SNS message is not JSON' };
    }
    return interpretValue(inner, context, depth + 1);
  }
  if (value.Event === 's3:TestEvent') return { outcome: 'test_event', description: 'S3 test event' };
  if (Array.isArray(value.Records)) return interpretS3Notification(value.Records, context);
  if (typeof value['detail-type'] === 'string' && typeof value.source === 'string') {
    return value['detail-type'] === CLOUDTRAIL_DETAIL_TYPE ? interpretCloudTrail(value, context) : interpretNative(value, context);
  }
  return { outcome: 'unknown_event', description: 'neither an EventBridge event nor an S3 notification' };
}

function interpretCloudTrail(event: Json, context: InterpretContext): Interpretation {
  const detail = isObject(event.detail) ? event.detail : {};
  const source = text(detail.eventSource);
  const name = text(detail.eventName);
  const description = `CloudTrail ${source} ${name}`;
  if (detail.errorCode !== undefined && detail.errorCode !== null) return { outcome: 'failed_call', description: `${description} failed (${text(detail.errorCode)})` };
  if (detail.readOnly === true) return { outcome: 'read_only', description };
  const place = { account: text(detail.recipientAccountId) || text(event.account), region: text(detail.awsRegion) || text(event.region) };
  const rule = cloudTrailRuleFor(source, name, context.cloudTrailRules ?? CLOUDTRAIL_RULES);
  const refs = rule ? refsOfRule(detail, rule, place) : [];
  if (refs.length === 0) {
    const arns = Array.isArray(detail.resources) ? detail.resources.flatMap((r) => (isObject(r) && typeof r.ARN === 'string' ? [r.ARN] : [])) : [];
    refs.push(...refsOfArns(arns, place));
  }
  return withRefs(refs, description);
}

function interpretNative(event: Json, context: InterpretContext): Interpretation {
  const source = text(event.source);
  const detailType = text(event['detail-type']);
  const description = `${source} ${detailType}`;
  const place = { account: text(event.account), region: text(event.region) };
  const rule = (context.nativeRules ?? NATIVE_EVENT_RULES).find((r) => r.source === source && r.detailType === detailType);
  const refs = rule ? refsOfRule(event, rule, place) : [];
  if (refs.length === 0) refs.push(...refsOfArns(Array.isArray(event.resources) ? event.resources.filter((r): r is string => typeof r === 'string') : [], place));
  return withRefs(refs, description);
}

function interpretS3Notification(records: unknown[], context: InterpretContext): Interpretation {
  const refs: ResourceRef[] = [];
  for (const record of records) {
    if (!isObject(record) || record.eventSource !== 'aws:s3') continue;
    const [bucket] = readPath(record, 's3.bucket.name');
    if (!bucket) continue;
    const account = context.accountOfBucket(bucket) ?? context.queueAccount;
    refs.push({ kind: 'AWS::S3::Bucket', account, region: text(record.awsRegion), identifier: bucket });
  }
  return withRefs(refs, 'S3 notification');
}

function refsOfRule(root: Json, rule: CloudTrailRule | NativeEventRule, place: EventPlace): ResourceRef[] {
  return rule.paths.flatMap((path) => readPath(root, path)).flatMap((value) => {
    const ref = refOfValue(value, rule.form ?? 'verbatim', rule.kind, place);
    return ref ? [ref] : [];
  });
}

function refsOfArns(arns: readonly string[], place: EventPlace): ResourceRef[] {
  return arns.flatMap((arn) => {
    const ref = refOfArn(arn, place);
    return ref ? [ref] : [];
  });
}

/** Keeps refs with a real account and region, each once. */
function withRefs(refs: readonly ResourceRef[], description: string): Interpretation {
  const unique = new Map<string, ResourceRef>();
  for (const ref of refs) {
    if (/^\d{12}$/.test(ref.account) && ref.region) unique.set(refKey(ref), ref);
  }
  if (unique.size === 0) return { outcome: 'unknown_event', description: `${description}: names no resource this table knows` };
  return { outcome: 'resources', refs: [...unique.values()], description };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
