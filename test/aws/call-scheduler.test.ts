import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudControlServiceException } from '@aws-sdk/client-cloudcontrol';
import { CallScheduler, type CallLane } from '../../src/aws/index.js';
import type { AttemptRecord } from '../../src/aws/call-scheduler.js';
import { TokenBuckets } from '../simulators/aws/token-buckets.js';
import type { ThrottleSetting } from '../simulators/aws/faults.js';
import { ManualClock, settle } from './manual-clock.js';
import { HostLoadGuard } from '../../src/concurrency/index.js';

const LANE_A: CallLane = { account: '111111111111', region: 'us-east-1', service: 'cloudcontrol' };
const LANE_B: CallLane = { account: '222222222222', region: 'eu-west-1', service: 'cloudcontrol' };

/** An AWS error as the SDK throws it. */
function awsError(name: string, status: number): Error {
  return new CloudControlServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message: name, $metadata: { httpStatusCode: status } });
}

/** A deterministic scheduler: manual clock, randomness fixed at one half. */
function scheduler(clock: ManualClock, parallelism = 4, isPaced = false): CallScheduler {
  return new CallScheduler({ parallelism, isPaced, clock, random: () => 0.5 });
}

/** A send that answers when `release` is called. */
function controlledSend() {
  let release!: () => void;
  const answered = new Promise<string>((resolve) => (release = () => resolve('ok')));
  return { send: () => answered, release: () => release() };
}

/** Sends that answer (or throw `failure()`) `latencyMs` later on the manual clock, counting the calls in flight. */
function slowSends(clock: ManualClock, latencyMs: () => number, failure: () => Error | undefined = () => undefined) {
  const counts = { inFlight: 0, peak: 0, sent: 0 };
  const send = () =>
    new Promise<void>((resolve, reject) => {
      counts.sent++;
      counts.peak = Math.max(counts.peak, ++counts.inFlight);
      const error = failure();
      clock.setTimer(latencyMs(), () => {
        counts.inFlight--;
        if (error) reject(error);
        else resolve();
      });
    });
  return { counts, send };
}

describe(CallScheduler.name, () => {
  it("keeps more of a lane's calls in flight when AWS answers slowly (rate x latency), with no --parallelism", async () => {
    const peakAt = async (latencyMs: number) => {
      const clock = new ManualClock();
      const calls = new CallScheduler({ clock, random: () => 0.5, aimd: { initialRate: 10, maxRate: 10 } });
      const { counts, send } = slowSends(clock, () => latencyMs);
      const done = Array.from({ length: 100 }, () => calls.call(LANE_A, send));
      // past the lane's first burst, in the steady state
      await clock.advance(4000);
      counts.peak = 0;
      await clock.advance(3000);
      const steady = { peak: counts.peak, concurrency: calls.laneStates()[0]!.concurrency };
      await clock.advance(20_000);
      await Promise.all(done);
      return steady;
    };
    const fast = await peakAt(100);
    const slow = await peakAt(1500);
    // 10 calls/s at 1.5 s need 15 in flight; at 100 ms, one or two
    assert.ok(fast.peak <= 2, `peak ${fast.peak} at 100 ms`);
    assert.ok(slow.peak >= 14, `peak ${slow.peak} at 1.5 s`);
    assert.ok(slow.concurrency > fast.concurrency);
  });

  it('stops sending in a lane whose calls stall instead of piling them up at its rate', async () => {
    // Given a lane that learnt 100 ms answers at 10 calls/s
    const clock = new ManualClock();
    const calls = new CallScheduler({ clock, random: () => 0.5, aimd: { initialRate: 10, maxRate: 10 } });
    let latencyMs = 100;
    const { counts, send } = slowSends(clock, () => latencyMs);
    await Promise.all([...Array.from({ length: 10 }, () => calls.call(LANE_A, send)), clock.advance(3000)]);
    // When its answers stop coming for a minute while 600 calls wait
    latencyMs = 3_600_000;
    counts.peak = 0;
    for (let i = 0; i < 600; i++) void calls.call(LANE_A, send).catch(() => undefined);
    await clock.advance(60_000);
    // Then only the lane's few calls are out, not 600
    const { concurrency } = calls.laneStates()[0]!;
    assert.equal(counts.inFlight, concurrency);
    assert.ok(concurrency <= 2, `concurrency ${concurrency}`);
  });

  it("keeps fewer of a lane's calls in flight once AWS throttles it", async () => {
    // Given a lane at 20 calls/s with 1 s answers
    const clock = new ManualClock();
    const calls = new CallScheduler({ clock, random: () => 0.5, aimd: { initialRate: 20, maxRate: 20, decreaseFactor: 0.5 } });
    let isThrottling = false;
    const { counts, send } = slowSends(clock, () => 1000, () => (isThrottling ? awsError('ThrottlingException', 400) : undefined));
    const done = Array.from({ length: 400 }, () => calls.call(LANE_A, send).catch(() => undefined));
    await clock.advance(4000);
    const before = calls.laneStates()[0]!;
    // When throttles come for two seconds
    isThrottling = true;
    await clock.advance(2000);
    isThrottling = false;
    await clock.advance(3000);
    const after = calls.laneStates()[0]!;
    // Then its rate and the calls it keeps in flight went down
    assert.ok(after.rate < before.rate, `rate ${before.rate} -> ${after.rate}`);
    assert.ok(after.concurrency < before.concurrency, `concurrency ${before.concurrency} -> ${after.concurrency}`);
    assert.ok(counts.inFlight <= after.concurrency, `${counts.inFlight} in flight, concurrency ${after.concurrency}`);
    assert.ok(counts.inFlight < before.inFlight, `in flight ${before.inFlight} -> ${counts.inFlight}`);
    await clock.advance(120_000);
    await Promise.all(done);
  });

  it("holds the host's limit across all lanes, and lowers it while the event loop lags", async () => {
    // Given 40 lanes, a host cap of 30, and a lag reading the test controls
    const clock = new ManualClock();
    let lagMs = 0;
    const hostGuard = new HostLoadGuard({ cap: 30, sampleMs: 1000 }, () => ({ lagMs, cpuShare: 1 }));
    const calls = new CallScheduler({ clock, random: () => 0.5, hostGuard });
    const { counts, send } = slowSends(clock, () => 2000);
    const lanes = Array.from({ length: 40 }, (_, i): CallLane => ({ account: String(100000000000 + i), region: 'us-east-1', service: 'cloudcontrol' }));
    const done = Array.from({ length: 2000 }, (_, i) => calls.call(lanes[i % lanes.length]!, send));
    await clock.advance(5000);
    assert.equal(counts.peak, 30);
    // When the loop lags
    lagMs = 200;
    await clock.advance(5000);
    counts.peak = 0;
    await clock.advance(5000);
    // Then fewer calls are in flight, and the limit climbs back once the lag is gone
    assert.ok(counts.peak < 30, `peak ${counts.peak}`);
    const lowered = calls.globalLimit;
    lagMs = 0;
    await clock.advance(10_000);
    assert.ok(calls.globalLimit > lowered && calls.globalLimit <= 30, `limit ${lowered} -> ${calls.globalLimit}`);
    await clock.advance(600_000);
    await Promise.all(done);
  });

  it('never has more calls in flight than its parallelism', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock, 3);
    let inFlight = 0;
    let peak = 0;
    const send = async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => calls.call(i % 2 ? LANE_A : LANE_B, send)));
    assert.equal(peak, 3);
  });

  it('lets an STS call through when every slot is held by calls waiting for the credentials it renews', async () => {
    // Given one slot, taken by a Cloud Control call whose send first renews its credentials through STS
    const clock = new ManualClock();
    const calls = scheduler(clock, 1);
    const sts: CallLane = { account: 'caller', region: 'us-east-1', service: 'sts' };
    const read = calls.call(LANE_A, async () => {
      await calls.call(sts, async () => 'credentials');
      return 'read';
    });
    await clock.advance(1000);
    // Then both finish
    assert.equal(await read, 'read');
  });

  it('takes lanes in turn, so one busy API does not hold back another', async () => {
    // Given 10 calls queued in lane A before one call in lane B, with one call in flight at a time
    const clock = new ManualClock();
    const calls = scheduler(clock, 1);
    const order: string[] = [];
    const done = [
      ...Array.from({ length: 10 }, (_, i) => calls.call(LANE_A, async () => order.push(`A${i}`))),
      calls.call(LANE_B, async () => order.push('B')),
    ];
    await Promise.all(done);
    // Then B went second, not eleventh
    assert.equal(order.indexOf('B'), 1);
  });

  it('paces a lane at its rate and slows it down when throttled', async () => {
    // Given a lane starting at 2 calls/s that halves on a throttle and hardly grows
    const clock = new ManualClock();
    const calls = new CallScheduler({ parallelism: 10, clock, random: () => 0.5, aimd: { initialRate: 2, minRate: 0.5, decreaseFactor: 0.5, increasePerSecond: 0.01 } });
    const sentAt: number[] = [];
    let isThrottling = true;
    // When the first of four calls is throttled
    const results = Array.from({ length: 4 }, () =>
      calls.call(LANE_A, async () => {
        sentAt.push(clock.now());
        if (isThrottling) {
          isThrottling = false;
          throw awsError('ThrottlingException', 400);
        }
      }),
    );
    await clock.advance(6000);
    await Promise.all(results);
    // Then the lane's rate is halved to 1/s, and the retry and the other calls leave a second apart
    const rate = calls.laneStates()[0]?.rate ?? 0;
    assert.ok(rate >= 1 && rate < 1.05, `rate ${rate}`);
    const gaps = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    assert.ok(gaps.every((gap) => gap >= 950 && gap <= 1002), `gaps ${gaps}`);
  });

  it('retries throttling and 5xx with jittered backoff and then succeeds', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock);
    const failures = [awsError('ThrottlingException', 400), awsError('InternalFailure', 500)];
    let attempts = 0;
    const result = calls.call(LANE_A, async () => {
      attempts++;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'read';
    });
    await clock.advance(1000);
    assert.equal(await result, 'read');
    assert.equal(attempts, 3);
  });

  it('does not retry a client error, and the error it rejects with is the original one', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock);
    let attempts = 0;
    const denied = awsError('AccessDeniedException', 403);
    await assert.rejects(
      calls.call(LANE_A, async () => {
        attempts++;
        throw denied;
      }),
      (error) => error === denied,
    );
    assert.equal(attempts, 1);
  });

  it('gives up on throttling after 10 attempts, the error keeping the attempts and total delay', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock);
    const result = calls.call(LANE_A, async () => {
      throw awsError('ThrottlingException', 400);
    });
    const rejected = assert.rejects(result, (error: Error & { $metadata: AttemptRecord }) => {
      assert.equal(error.name, 'ThrottlingException');
      assert.equal(error.$metadata.attempts, 10);
      // half of 50 ms x (1 + 2 + ... + 128) + half of the 10 s cap: the jittered delays with randomness fixed at 0.5
      assert.equal(error.$metadata.totalRetryDelay, Math.round(0.5 * (50 * 255 + 10_000)));
      return true;
    });
    await clock.advance(60_000);
    await rejected;
  });

  it('stops retrying server errors of a lane whose retry budget ran out, while other lanes still retry', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock, 10);
    const broken = async () => {
      throw awsError('InternalFailure', 500);
    };
    let attempts = 0;
    const counted = async () => {
      attempts++;
      throw awsError('InternalFailure', 500);
    };
    // 500 tokens at 5 per retry: 100 retries, then none
    const outcomes = Array.from({ length: 60 }, () => calls.call(LANE_A, broken).catch(() => 'failed'));
    await clock.advance(60_000);
    await Promise.all(outcomes);
    const last = calls.call(LANE_A, counted).catch(() => 'failed');
    await clock.advance(60_000);
    await last;
    assert.equal(attempts, 1, 'no retry once the budget is spent');
    let otherAttempts = 0;
    const other = calls.call(LANE_B, async () => {
      otherAttempts++;
      if (otherAttempts < 3) throw awsError('InternalFailure', 500);
    });
    await clock.advance(60_000);
    await other;
    assert.equal(otherAttempts, 3);
  });

  it('drops calls still waiting when their signal aborts', async () => {
    const clock = new ManualClock();
    const calls = scheduler(clock, 1);
    const first = controlledSend();
    const running = calls.call(LANE_A, first.send);
    const aborted = new AbortController();
    let isSent = false;
    const waiting = calls.call(
      LANE_A,
      async () => {
        isSent = true;
      },
      { signal: aborted.signal },
    );
    aborted.abort(new Error('scope failed'));
    first.release();
    await running;
    await assert.rejects(waiting, /scope failed/);
    await settle();
    assert.equal(isSent, false);
  });
});

describe('CallScheduler against an API that throttles with a token bucket', () => {
  /**
   * Sends that answer `latencyMs` later on the manual clock, or throttle when the API's token bucket
   * (the AWS simulator's own, on the manual clock) is empty; `limit` may change between measures.
   */
  function throttlingApi(clock: ManualClock, latencyMs: number) {
    const buckets = new TokenBuckets();
    const api = { limit: { ratePerSecond: 20, burst: 5 } as ThrottleSetting, succeeded: 0, throttled: 0 };
    const send = () =>
      new Promise<void>((resolve, reject) => {
        const isAllowed = buckets.take('lane', api.limit, clock.now());
        clock.setTimer(latencyMs, () => {
          if (!isAllowed) {
            api.throttled++;
            return reject(awsError('ThrottlingException', 400));
          }
          api.succeeded++;
          resolve();
        });
      });
    return { api, send };
  }

  /** Successful calls per second over `ms` of the manual clock, with 8 callers always waiting, and the share of calls throttled. */
  async function measure(clock: ManualClock, calls: CallScheduler, api: { succeeded: number; throttled: number }, send: () => Promise<void>, ms: number) {
    const stopAt = clock.now() + ms;
    const before = { ...api };
    const caller = async () => {
      while (clock.now() < stopAt) await calls.call(LANE_A, send);
    };
    const callers = Promise.all(Array.from({ length: 8 }, caller));
    await clock.advance(ms);
    const succeeded = api.succeeded - before.succeeded;
    const throttled = api.throttled - before.throttled;
    const figures = { rate: (succeeded * 1000) / ms, throttledShare: throttled / (succeeded + throttled) };
    // let the calls queued before the stop finish before the next measure
    await clock.advance(10_000);
    await callers;
    return figures;
  }

  it('settles near the rate the API allows, and follows it down when the API tightens', async () => {
    // Given an API that allows 20 calls/s (burst 5) and answers in 5 ms
    const clock = new ManualClock();
    const calls = new CallScheduler({ parallelism: 8, clock, random: () => 0.5 });
    const { api, send } = throttlingApi(clock, 5);
    // When 8 callers call it without pause, the scheduler learning first
    await measure(clock, calls, api, send, 5000);
    const steady = await measure(clock, calls, api, send, 10_000);
    // Then it reaches most of the 20 calls/s, with few calls throttled
    assert.ok(steady.rate >= 17, `steady rate ${steady.rate}/s against a limit of 20/s`);
    assert.ok(steady.throttledShare < 0.1, `${steady.throttledShare} of calls throttled`);
    // And when the API tightens to 8 calls/s, it follows it down
    api.limit = { ratePerSecond: 8, burst: 2 };
    await measure(clock, calls, api, send, 5000);
    const tightened = await measure(clock, calls, api, send, 10_000);
    assert.ok(tightened.rate >= 6.5, `rate ${tightened.rate}/s against a limit of 8/s`);
    assert.ok(tightened.throttledShare < 0.15, `${tightened.throttledShare} of calls throttled`);
  });
});
