import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { expectAwsError } from './expect-aws-error.js';
import { fixtureEstate, MANAGEMENT } from './fixture-estate.js';
import { startAwsSimulator, type AwsSimulator } from './index.js';

describe('AWS simulator: SQS', () => {
  let sim: AwsSimulator;
  let client: SQSClient;
  let queueCount = 0;
  /** A fresh queue per test keeps the tests apart. */
  const newQueue = (options?: Parameters<AwsSimulator['createQueue']>[1]) => sim.createQueue(`q${++queueCount}`, options);
  const receive = (QueueUrl: string, extra: Partial<ConstructorParameters<typeof ReceiveMessageCommand>[0]> = {}) =>
    client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'], ...extra }));

  before(async () => {
    sim = await startAwsSimulator({ estate: fixtureEstate() });
    client = new SQSClient({ ...sim.clientConfig(), maxAttempts: 1 });
  });
  after(() => sim.close());

  it('hands out queue URLs on its own address, per account', () => {
    assert.equal(newQueue(), `${sim.url}/${MANAGEMENT}/q${queueCount}`);
  });

  it('delivers a sent message with an MD5 of its UTF-8 body that the SDK accepts', async () => {
    const queue = newQueue();
    const body = 'héllo ✓ 🚀';
    const sent = await client.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: body }));
    const out = await receive(queue);
    assert.equal(out.Messages?.length, 1);
    const [message] = out.Messages ?? [];
    assert.equal(message?.MessageId, sent.MessageId);
    assert.equal(message?.Body, body);
    assert.equal(message?.Attributes?.ApproximateReceiveCount, '1');
    assert.ok(Math.abs(Number(message?.Attributes?.SentTimestamp) - Date.now()) < 5000);
  });

  it('answers an empty receive as no Messages', async () => {
    const out = await receive(newQueue());
    assert.equal(out.Messages, undefined);
  });

  it('makes the SDK reject a tampered MD5 when corruptMd5 is on', async () => {
    const queue = newQueue();
    sim.sendMessage(queue, 'payload');
    sim.faults.corruptMd5 = true;
    try {
      await assert.rejects(receive(queue), /Invalid MD5 checksum/);
      await assert.rejects(client.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: 'x' })), /InvalidChecksumError/);
    } finally {
      sim.faults.corruptMd5 = false;
    }
  });

  it('ends a long poll as soon as a message arrives', async () => {
    const queue = newQueue();
    const started = Date.now();
    const polling = receive(queue, { WaitTimeSeconds: 10 });
    setTimeout(() => sim.sendMessage(queue, 'late'), 150);
    const out = await polling;
    assert.equal(out.Messages?.[0]?.Body, 'late');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 100 && elapsed < 2000, `long poll took ${elapsed} ms`);
  });

  it('redelivers a message not deleted within its visibility timeout, counting receives', async () => {
    const queue = newQueue();
    sim.sendMessage(queue, 'retry me');
    const first = await receive(queue, { VisibilityTimeout: 1 });
    assert.equal(first.Messages?.[0]?.Attributes?.ApproximateReceiveCount, '1');
    assert.deepEqual(sim.queueDepth(queue), { visible: 0, inFlight: 1, delayed: 0 });
    assert.equal((await receive(queue)).Messages, undefined);
    // The long poll wakes when the timeout ends
    const second = await receive(queue, { WaitTimeSeconds: 5 });
    assert.equal(second.Messages?.[0]?.Body, 'retry me');
    assert.equal(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount, '2');
    assert.notEqual(second.Messages?.[0]?.ReceiptHandle, first.Messages?.[0]?.ReceiptHandle);
  });

  it('makes a message visible again at once with ChangeMessageVisibility 0', async () => {
    const queue = newQueue();
    sim.sendMessage(queue, 'now');
    const handle = (await receive(queue)).Messages?.[0]?.ReceiptHandle;
    assert.deepEqual((await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queue, ReceiptHandle: handle, VisibilityTimeout: 0 }))).$metadata.httpStatusCode, 200);
    assert.equal((await receive(queue)).Messages?.[0]?.Attributes?.ApproximateReceiveCount, '2');
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives', async () => {
    const deadLetter = newQueue();
    const queue = newQueue({ maxReceiveCount: 2, deadLetterQueueName: `q${queueCount}` });
    sim.sendMessage(queue, 'poison');
    for (const count of ['1', '2']) {
      assert.equal((await receive(queue, { VisibilityTimeout: 0 })).Messages?.[0]?.Attributes?.ApproximateReceiveCount, count);
    }
    assert.equal((await receive(queue, { VisibilityTimeout: 0 })).Messages, undefined);
    assert.equal((await receive(deadLetter)).Messages?.[0]?.Body, 'poison');
  });

  it('deletes with the latest handle, refuses a stale one, and ignores an outdated one as AWS does', async () => {
    const queue = newQueue();
    sim.sendMessage(queue, 'once');
    const oldHandle = (await receive(queue, { VisibilityTimeout: 0 })).Messages?.[0]?.ReceiptHandle;
    const newHandle = (await receive(queue)).Messages?.[0]?.ReceiptHandle;
    // An outdated handle succeeds but deletes nothing
    await client.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle: oldHandle }));
    assert.deepEqual(sim.queueDepth(queue), { visible: 0, inFlight: 1, delayed: 0 });
    await client.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle: newHandle }));
    assert.deepEqual(sim.queueDepth(queue), { visible: 0, inFlight: 0, delayed: 0 });
    await expectAwsError(client.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle: newHandle })), 'ReceiptHandleIsInvalid', 404);
  });

  it('reports a partial failure of DeleteMessageBatch per entry', async () => {
    const queue = newQueue();
    sim.sendMessage(queue, 'a');
    sim.sendMessage(queue, 'b');
    const [first] = (await receive(queue)).Messages ?? [];
    const out = await client.send(
      new DeleteMessageBatchCommand({ QueueUrl: queue, Entries: [{ Id: 'good', ReceiptHandle: first?.ReceiptHandle }, { Id: 'bad', ReceiptHandle: 'bogus' }] }),
    );
    assert.deepEqual(out.Successful, [{ Id: 'good' }]);
    assert.equal(out.Failed?.length, 1);
    assert.equal(out.Failed?.[0]?.Id, 'bad');
    assert.equal(out.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
    assert.equal(out.Failed?.[0]?.SenderFault, true);
    assert.deepEqual(sim.queueDepth(queue), { visible: 0, inFlight: 1, delayed: 0 });
    const entry = { Id: 'same', ReceiptHandle: 'x' };
    await expectAwsError(client.send(new DeleteMessageBatchCommand({ QueueUrl: queue, Entries: [entry, entry] })), 'BatchEntryIdsNotDistinct', 400);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, ReceiptHandle: 'x' }));
    await expectAwsError(client.send(new DeleteMessageBatchCommand({ QueueUrl: queue, Entries: eleven })), 'TooManyEntriesInBatchRequest', 400);
  });

  it('counts visible and in-flight messages in GetQueueAttributes', async () => {
    const queue = newQueue();
    for (const body of ['1', '2', '3']) sim.sendMessage(queue, body);
    await receive(queue, { MaxNumberOfMessages: 1 });
    const out = await client.send(new GetQueueAttributesCommand({ QueueUrl: queue, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    assert.deepEqual(out.Attributes, { ApproximateNumberOfMessages: '2', ApproximateNumberOfMessagesNotVisible: '1' });
  });

  it('answers QueueDoesNotExist for an unknown queue', async () => {
    await expectAwsError(client.send(new SendMessageCommand({ QueueUrl: `${sim.url}/${MANAGEMENT}/missing`, MessageBody: 'x' })), 'QueueDoesNotExist', 400);
  });

  it('ends pending long polls promptly when it closes', async () => {
    const closing = await startAwsSimulator({ estate: fixtureEstate() });
    const queue = closing.createQueue('waiting');
    const closingClient = new SQSClient({ ...closing.clientConfig(), maxAttempts: 1 });
    const started = Date.now();
    const polling = closingClient.send(new ReceiveMessageCommand({ QueueUrl: queue, WaitTimeSeconds: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await closing.close();
    const out = await polling;
    assert.equal(out.Messages, undefined);
    assert.ok(Date.now() - started < 2000);
  });
});
