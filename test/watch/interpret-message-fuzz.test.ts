import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { interpretMessage, type InterpretContext, type Interpretation } from '../../src/watch/index.js';
import { fuzzParameters } from '../support/fuzz-runs.js';
import { cloudTrailEvent, instanceStateChange, nativeEvent, s3Notification, S3_TEST_EVENT, snsEnvelope } from './event-builders.js';

const A = '111111111111';
const context: InterpretContext = { queueAccount: A, accountOfBucket: (name) => (name === 'owned' ? '222222222222' : undefined) };

const OUTCOMES = new Set(['resources', 'garbage', 'test_event', 'failed_call', 'read_only', 'unknown_event']);

/** The parser's promise for any body: an outcome with a description, and only well-formed resources. */
function assertOutcome(body: string): Interpretation {
  const result = interpretMessage(body, context);
  assert.ok(OUTCOMES.has(result.outcome), `unknown outcome ${result.outcome}`);
  assert.equal(typeof result.description, 'string');
  if (result.outcome === 'resources') {
    assert.ok(result.refs.length > 0, 'a resources outcome names at least one');
    for (const ref of result.refs) {
      assert.match(ref.account, /^\d{12}$/);
      assert.ok(typeof ref.region === 'string' && ref.region.length > 0, JSON.stringify(ref));
      assert.ok(typeof ref.kind === 'string' && ref.kind.length > 0, JSON.stringify(ref));
      assert.ok(typeof ref.identifier === 'string' && ref.identifier.length > 0, JSON.stringify(ref));
    }
  }
  return result;
}

/** Well-formed events of every shape the queue carries, as the tests' builders make them. */
const wellFormedEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    source: fc.constantFrom('s3.amazonaws.com', 'ec2.amazonaws.com', 'ecs.amazonaws.com', 'lambda.amazonaws.com', 'rds.amazonaws.com', 'sqs.amazonaws.com', 'iam.amazonaws.com', 'x.amazonaws.com'),
    name: fc.constantFrom('CreateBucket', 'RunInstances', 'CreateTags', 'UpdateService', 'TagResource', 'CreateFunction20150331', 'ModifyDBInstance', 'CreateQueue', 'CreateRole', 'Nothing'),
    requestParameters: fc.dictionary(fc.constantFrom('bucketName', 'functionName', 'resourceArn', 'queueUrl', 'roleName', 'dBInstanceIdentifier', 'instancesSet', 'resourcesSet'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
    responseElements: fc.option(fc.dictionary(fc.constantFrom('instancesSet', 'cluster', 'service', 'queueUrl', 'topicArn'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 2 }), { nil: null }),
  }).map((call) => cloudTrailEvent({ ...call, account: A, region: 'us-east-1' })),
  fc.constantFrom(instanceStateChange(A, 'us-east-1', 'i-0abc', 'running'), S3_TEST_EVENT, s3Notification([{ region: 'us-east-1', bucket: 'owned' }]), nativeEvent({ source: 'aws.health', detailType: 'AWS Health Event', account: A, region: 'us-east-1', resources: [`arn:aws:ec2:us-east-1:${A}:instance/i-0abc`] })),
);

/** Values that could turn up in any field of a message that something upstream got wrong. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1e308, true, [], {}, '__proto__', 'constructor', 'arn:', 'arn:aws:iam::', `arn:aws:s3:::`, 'Notification', 'AWS API Call via CloudTrail', 's3:TestEvent'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'Type', 'Message', 'detail', 'Records', 'resources'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

type Path = Array<string | number>;

function pathsIn(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsIn((value as Record<string | number, unknown>)[key], [...prefix, key])]);
}

/** `event` with the value at some of its paths replaced by a hostile value, or removed. */
function damaged(event: unknown, changes: ReadonlyArray<{ path: number; value: unknown; isRemoved: boolean }>): unknown {
  const copy = structuredClone(event);
  for (const change of changes) {
    const paths = pathsIn(copy);
    if (paths.length === 0) return change.isRemoved ? copy : change.value;
    const path = paths[change.path % paths.length]!;
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (change.isRemoved) delete parent[last];
    else parent[last] = change.value;
  }
  return copy;
}

/** Wraps a body in SNS notifications, `depth` deep. */
function inSns(body: string, depth: number): string {
  let wrapped = body;
  for (let i = 0; i < depth; i++) wrapped = JSON.stringify({ ...snsEnvelope(null), Message: wrapped });
  return wrapped;
}

describe('interpretMessage under any body (property)', () => {
  it('answers any text with an outcome, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null')), (body) => {
        assertOutcome(body);
      }),
      fuzzParameters(500),
    );
  });

  it('answers EventBridge envelopes, S3 notifications and SNS wrappers with fields missing or wrong with an outcome', () => {
    const changes = fc.array(fc.record({ path: fc.nat(), value: hostileValue, isRemoved: fc.boolean() }), { maxLength: 4 });
    fc.assert(
      fc.property(wellFormedEvent, changes, fc.nat({ max: 5 }), (event, damage, snsDepth) => {
        assertOutcome(inSns(JSON.stringify(damaged(event, damage)), snsDepth));
      }),
      fuzzParameters(500),
    );
  });

  it('answers an SNS wrapper whose message is not an event, or not JSON, with an outcome', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.json({ maxDepth: 3 })), fc.nat({ max: 5 }), (message, depth) => {
        assertOutcome(inSns(message, Math.max(1, depth)));
      }),
      fuzzParameters(300),
    );
  });

  it('answers JSON nested far deeper than any event with an outcome', () => {
    for (const depth of [1_000, 100_000]) {
      assert.equal(assertOutcome(`${'['.repeat(depth)}${']'.repeat(depth)}`).outcome, 'garbage');
      assert.equal(assertOutcome(`${'{"detail":'.repeat(depth)}1${'}'.repeat(depth)}`).outcome, 'unknown_event');
      const deepDetail = `${'{"requestParameters":'.repeat(depth)}1${'}'.repeat(depth)}`;
      assertOutcome(`{"detail-type": "AWS API Call via CloudTrail", "source": "aws.s3", "account": "${A}", "region": "us-east-1", "detail": ${deepDetail}}`);
    }
  });
});
