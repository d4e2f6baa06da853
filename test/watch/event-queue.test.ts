import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { EventQueue } from '../../src/watch/index.js';
import { MessageDeleter } from '../../src/watch/message-deleter.js';
import { startAwsSimulator, type AwsSimulator } from '../simulators/aws/index.js';
import { demoEstate } from '../support/world.js';

describe('EventQueue against the SQS simulator', () => {
  let aws: AwsSimulator;
  let simulatorUrl: string;
  /** The queue as AWS would name it: on AWS's host, not the simulator's. */
  let awsStyleUrl: string;

  before(async () => {
    aws = await startAwsSimulator({ estate: demoEstate() });
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION } = aws.env();
    Object.assign(process.env, { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_EC2_METADATA_DISABLED: 'true' });
    simulatorUrl = aws.createQueue('events', { visibilityTimeoutSeconds: 30 });
    awsStyleUrl = `https://sqs.us-east-1.amazonaws.com/111111111111/events`;
  });
  after(() => aws.close());

  const queueAt = (queueUrl: string, waitSeconds = 20) => new EventQueue({ queueUrl, fallbackRegion: 'us-east-1', env: { AWS_ENDPOINT_URL_SQS: aws.url }, waitSeconds });

  it("sends every call to the configured endpoint, not to the QueueUrl's host", async () => {
    const queue = queueAt(awsStyleUrl);
    const sentAfter = Date.now();
    const id = aws.sendMessage(simulatorUrl, '{"hello":1}');
    const sentBefore = Date.now();
    const [message] = await queue.receive(new AbortController().signal);
    assert.equal(message?.id, id);
    assert.equal(message?.body, '{"hello":1}');
    assert.equal(message?.receiveCount, 1);
    assert.ok(message!.sentAtMs! >= sentAfter && message!.sentAtMs! <= sentBefore, `sent at ${message?.sentAtMs}`);
    assert.deepEqual(await queue.deleteBatch([message!]), []);
    assert.deepEqual(aws.queueDepth(simulatorUrl), { visible: 0, inFlight: 0, delayed: 0 });
    assert.equal(queue.account, '111111111111');
    queue.close();
  });

  it('gives up a pending long poll at once when stopping', async () => {
    const queue = queueAt(simulatorUrl);
    const stop = new AbortController();
    const started = performance.now();
    const polling = queue.receive(stop.signal);
    setTimeout(() => stop.abort(), 100);
    assert.deepEqual(await polling, []);
    assert.ok(performance.now() - started < 2000);
    queue.close();
  });

  it('reports the deletes SQS refuses', async () => {
    const queue = queueAt(simulatorUrl, 0);
    const failures = await queue.deleteBatch([{ id: 'x', receiptHandle: 'bm90LWlzc3VlZA.AAAA', body: '', sentAtMs: undefined, receiveCount: 1 }]);
    assert.deepEqual(failures.map((f) => [f.id, f.code]), [['x', 'ReceiptHandleIsInvalid']]);
    queue.close();
  });

  it('deletes settled messages in batches of at most ten', async () => {
    const queue = queueAt(simulatorUrl, 0);
    for (let i = 0; i < 25; i++) aws.sendMessage(simulatorUrl, `{"n":${i}}`);
    const received = [];
    while (received.length < 25) received.push(...(await queue.receive(new AbortController().signal)));
    const callsBefore = aws.calls.filter((c) => c.operation === 'DeleteMessageBatch').length;
    const failures: string[] = [];
    const deleter = new MessageDeleter(queue, (messages, reason) => failures.push(`${messages.length}: ${reason}`));
    for (const message of received) deleter.delete(message);
    await deleter.flush();
    assert.deepEqual(failures, []);
    assert.equal(aws.calls.filter((c) => c.operation === 'DeleteMessageBatch').length - callsBefore, 3);
    assert.equal(aws.queueDepth(simulatorUrl).inFlight, 0);
    queue.close();
  });
});
