import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_MAX_RECEIVES, parseArguments } from '../../cmd/arguments.js';
import { CLOUDTRAIL_RULES, NATIVE_EVENT_RULES } from '../../src/watch/index.js';
import { STOP_TIMEOUT_MS } from '../../src/watch/constants.js';
import { EXAMPLES_DIR } from '../support/world.js';

type Json = Record<string, any>;

const WATCH_DIR = join(EXAMPLES_DIR, 'watch');
const read = (name: string) => readFileSync(join(WATCH_DIR, name), 'utf8');
const template = (name: string): Json => parse(read(name)) as Json;
const resourcesOf = (t: Json, type: string): Array<[string, Json]> => Object.entries(t.Resources as Json).filter(([, r]) => (r as Json).Type === type) as Array<[string, Json]>;

/** Whether an EventBridge eventName list (strings and `{prefix}`) matches a CloudTrail event name. */
const matchesName = (patterns: unknown[], name: string) => patterns.some((p) => (typeof p === 'string' ? p === name : name.startsWith((p as { prefix: string }).prefix)));
/** The name a table entry stands for in a pattern (`PutBucket*` -> a name with that prefix). */
const sampleName = (event: string, source: string) => (event.endsWith('*') ? `${event.slice(0, -1)}Sample` : source === 'lambda.amazonaws.com' ? `${event}20150331` : event);

/** Checks that the template's rules ask EventBridge for exactly the events the watch tables understand. */
function assertRulesCoverTheTables(t: Json): void {
  const rules = resourcesOf(t, 'AWS::Events::Rule').map(([, r]) => r.Properties as Json);
  const apiRules = rules.filter((r) => r.EventPattern['detail-type']?.includes('AWS API Call via CloudTrail'));
  for (const rule of CLOUDTRAIL_RULES) {
    for (const event of rule.events) {
      const name = sampleName(event, rule.source);
      assert.ok(
        apiRules.some((r) => r.EventPattern.detail.eventSource.includes(rule.source) && matchesName(r.EventPattern.detail.eventName, name)),
        `no rule sends ${rule.source} ${event}`,
      );
    }
  }
  for (const r of apiRules) {
    const { eventSource, eventName, errorCode } = r.EventPattern.detail;
    assert.deepEqual(errorCode, [{ exists: false }], 'failed calls are filtered out at the source');
    for (const pattern of eventName as unknown[]) {
      const understood = CLOUDTRAIL_RULES.some((rule) => eventSource.includes(rule.source) && rule.events.some((e) => matchesName([pattern], sampleName(e, rule.source))));
      assert.ok(understood, `a rule sends ${JSON.stringify(pattern)} of ${eventSource}, which watch does not understand`);
    }
    assert.ok(JSON.stringify(r.EventPattern).length < 2048, 'an event pattern stays under EventBridge default size quota');
  }
  for (const native of NATIVE_EVENT_RULES) {
    assert.ok(rules.some((r) => r.EventPattern.source?.includes(native.source) && r.EventPattern['detail-type']?.includes(native.detailType)), `no rule sends ${native.detailType}`);
  }
  for (const r of rules) {
    assert.equal(r.EventBusName, 'default');
    assert.equal(r.State, 'ENABLED');
  }
}

describe('examples/watch/events-to-sqs.cfn.yml (one account, or the central one)', () => {
  const t = template('events-to-sqs.cfn.yml');
  const queue = (t.Resources as Json).EventQueue as Json;

  it('makes the queue with a dead-letter queue that a message reaches before aws2port would drop it', () => {
    assert.equal(queue.Type, 'AWS::SQS::Queue');
    assert.deepEqual(queue.Properties.RedrivePolicy.deadLetterTargetArn, { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] });
    assert.deepEqual(queue.Properties.RedrivePolicy.maxReceiveCount, { Ref: 'MaxReceiveCount' });
    assert.ok((t.Parameters as Json).MaxReceiveCount.Default <= DEFAULT_MAX_RECEIVES);
    assert.equal((t.Resources as Json).DeadLetterQueue.Type, 'AWS::SQS::Queue');
    assert.deepEqual((t.Outputs as Json).QueueUrl.Value, { Ref: 'EventQueue' });
  });

  it('sends every rule to the queue, and lets exactly those rules send', () => {
    const ruleIds = resourcesOf(t, 'AWS::Events::Rule').map(([id]) => id);
    assert.ok(ruleIds.length >= 10);
    for (const [, rule] of resourcesOf(t, 'AWS::Events::Rule')) assert.deepEqual(rule.Properties.Targets[0].Arn, { 'Fn::GetAtt': ['EventQueue', 'Arn'] });
    const [[, policy]] = resourcesOf(t, 'AWS::SQS::QueuePolicy') as [[string, Json]];
    const [statement] = policy.Properties.PolicyDocument.Statement as Json[];
    assert.deepEqual(statement!.Principal, { Service: 'events.amazonaws.com' });
    assert.equal(statement!.Action, 'sqs:SendMessage');
    assert.deepEqual(statement!.Condition.ArnEquals['aws:SourceArn'], ruleIds.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })));
  });

  it('accepts the Organization member accounts events on the default bus when asked', () => {
    const [[, busPolicy]] = resourcesOf(t, 'AWS::Events::EventBusPolicy') as [[string, Json]];
    assert.equal(busPolicy.Condition, 'AcceptsOrganizationEvents');
    assert.equal(busPolicy.Properties.Statement.Action, 'events:PutEvents');
    assert.deepEqual(busPolicy.Properties.Statement.Condition.StringEquals['aws:PrincipalOrgID'], { Ref: 'OrganizationId' });
  });

  it('asks EventBridge for exactly the events watch understands', () => assertRulesCoverTheTables(t));
});

describe('examples/watch/forward-events.cfn.yml (each member account and region)', () => {
  const t = template('forward-events.cfn.yml');
  const centralBus = { 'Fn::Sub': 'arn:${AWS::Partition}:events:${CentralRegion}:${CentralAccountId}:event-bus/default' };

  it("forwards every rule to the central account's default bus with a role allowed to put events there", () => {
    for (const [, rule] of resourcesOf(t, 'AWS::Events::Rule')) {
      assert.deepEqual(rule.Properties.Targets[0].Arn, centralBus);
      assert.deepEqual(rule.Properties.Targets[0].RoleArn, { 'Fn::GetAtt': ['ForwardRole', 'Arn'] });
    }
    const role = (t.Resources as Json).ForwardRole as Json;
    assert.deepEqual(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal, { Service: 'events.amazonaws.com' });
    const statement = role.Properties.Policies[0].PolicyDocument.Statement[0] as Json;
    assert.equal(statement.Action, 'events:PutEvents');
    assert.deepEqual(statement.Resource, centralBus);
  });

  it('asks EventBridge for exactly the events watch understands', () => assertRulesCoverTheTables(t));
});

describe('examples/watch/iam-policy.json', () => {
  const policy = JSON.parse(read('iam-policy.json')) as Json;
  const actions = (policy.Statement as Json[]).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]) as string[]);

  it('grants what aws2port calls', () => {
    for (const action of ['cloudformation:ListResources', 'cloudformation:GetResource', 'organizations:ListAccounts', 'account:ListRegions', 'sts:AssumeRole', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes']) {
      assert.ok(actions.includes(action), action);
    }
    assert.equal(policy.Version, '2012-10-17');
  });

  it('is read-only apart from consuming its own queue and assuming the read role', () => {
    const writes = actions.filter((a) => !/^[a-z0-9]+:(Describe|Get|List)/.test(a) && !['sts:AssumeRole', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility'].includes(a));
    assert.deepEqual(writes, []);
    const consume = (policy.Statement as Json[]).find((s) => s.Sid === 'ConsumeTheEventQueue')!;
    assert.match(consume.Resource, /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+$/, 'queue actions only on the queue');
  });
});

describe('examples/watch Kubernetes manifests', () => {
  const documents = (name: string) => parseAllDocuments(read(name)).map((d) => d.toJS() as Json);
  const deployment = documents('k8s-watch-deployment.yml').find((d) => d.kind === 'Deployment')!;
  const cronJob = documents('k8s-nightly-apply-cronjob.yml').find((d) => d.kind === 'CronJob')!;
  const parseArgs = (args: string[], env: Record<string, string> = {}) => parseArguments(args, { env, isStdoutTty: false }, '0.0.0');

  it('runs one watch pod at a time, with metrics on its metrics port and /healthz as its probes', async () => {
    assert.equal(deployment.spec.replicas, 1);
    assert.equal(deployment.spec.strategy.type, 'Recreate');
    const pod = deployment.spec.template.spec as Json;
    const container = pod.containers[0] as Json;
    const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, e.value]));
    const args = await parseArgs(container.args, env);
    assert.ok(args.command === 'watch');
    assert.equal(args.queueUrl, env.AWS2PORT_QUEUE_URL);
    const metricsPort = (container.ports as Json[]).find((p) => p.name === 'metrics')!;
    assert.equal(args.metricsPort, metricsPort.containerPort);
    assert.equal(deployment.spec.template.metadata.annotations['prometheus.io/port'], String(metricsPort.containerPort));
    for (const probe of [container.livenessProbe, container.readinessProbe]) assert.deepEqual(probe.httpGet, { path: '/healthz', port: 'metrics' });
    assert.ok(pod.terminationGracePeriodSeconds * 1000 > STOP_TIMEOUT_MS);
    const stateMount = (container.volumeMounts as Json[]).find((m) => args.state.startsWith(`${m.mountPath}/`))!;
    const stateVolume = (pod.volumes as Json[]).find((v) => v.name === stateMount.name)!;
    assert.equal(stateVolume.persistentVolumeClaim.claimName, 'aws2port-state');
  });

  it('runs a nightly apply --auto-approve on the same state, never two at once', async () => {
    assert.match(cronJob.spec.schedule, /^\d+ \d+ \* \* \*$/);
    assert.equal(cronJob.spec.concurrencyPolicy, 'Forbid');
    const pod = cronJob.spec.jobTemplate.spec.template.spec as Json;
    assert.equal(pod.restartPolicy, 'Never');
    const args = await parseArgs(pod.containers[0].args);
    assert.ok(args.command === 'apply' && args.isAutoApprove);
    const watchArgs = await parseArgs(deployment.spec.template.spec.containers[0].args, { AWS2PORT_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/events' });
    assert.ok(watchArgs.command === 'watch');
    assert.equal(args.state, watchArgs.state);
    assert.equal(args.config, watchArgs.config);
  });
});
