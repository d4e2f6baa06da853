import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateEstate, startAwsSimulator, type AwsFaults, type AwsSimulator, type GenerateEstateOptions } from '../simulators/aws/index.js';

/**
 * The AWS simulator in a process of its own, so that a benchmark's process spends its CPU on
 * aws2port alone (its CPU per call is then aws2port's) and the simulator has the other core.
 * Run as a script, this file is that process; imported, `startSimulatorProcess` forks it.
 */

/** What the simulator process serves. */
export interface SimulatorProcessOptions {
  estate: GenerateEstateOptions;
  faults: Partial<AwsFaults>;
  pageSize?: number;
}

/** What the Cloud Control calls were, counted in the simulator process. */
export interface CallSummary {
  /** Calls answered 200. */
  succeeded: number;
  /** Calls answered a throttling error. */
  throttled: number;
  /** Every call, failures included. */
  calls: number;
  /** (account, region) lanes that were called. */
  lanes: number;
  /** Epoch ms of the first call; NaN when none. */
  firstAt: number;
  /** CPU time (user + system) the simulator process used since it started serving (or the previous summary), ms. */
  cpuMs: number;
  /** GetResource calls of S3 buckets in the busiest (account, region) lane, and the mean over the lanes that had any. */
  bucketGets: { busiest: number; mean: number };
}

/** A running simulator process. */
export interface SimulatorProcess {
  /** Environment that points aws2port at it (AWS_ENDPOINT_URL, keys, region). */
  env: Record<string, string>;
  /** The Cloud Control calls so far (and forgets them). */
  summary(): Promise<CallSummary>;
  close(): Promise<void>;
}

type Reply = { type: 'started'; env: Record<string, string> } | { type: 'summary'; summary: CallSummary };

/** Forks the simulator process and waits until it listens. */
export async function startSimulatorProcess(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<Reply>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Reply));
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
  });
  const started = next();
  child.send({ type: 'start', options });
  const { env } = (await started) as Extract<Reply, { type: 'started' }>;
  return {
    env,
    async summary() {
      const reply = next();
      child.send({ type: 'summary' });
      return ((await reply) as Extract<Reply, { type: 'summary' }>).summary;
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'close' });
  });
}

let cpuAtLastSummary = process.cpuUsage();

function summarize(sim: AwsSimulator): CallSummary {
  const cpu = process.cpuUsage(cpuAtLastSummary);
  cpuAtLastSummary = process.cpuUsage();
  const calls = sim.calls.filter((c) => c.service === 'cloudcontrol');
  sim.calls.length = 0;
  const bucketGets = new Map<string, number>();
  for (const c of calls) {
    if (c.operation === 'GetResource' && c.typeName === 'AWS::S3::Bucket') bucketGets.set(`${c.account}/${c.region}`, (bucketGets.get(`${c.account}/${c.region}`) ?? 0) + 1);
  }
  const gets = [...bucketGets.values()];
  return {
    succeeded: calls.filter((c) => c.status === 200).length,
    throttled: calls.filter((c) => c.errorCode === 'ThrottlingException').length,
    calls: calls.length,
    lanes: new Set(calls.map((c) => `${c.account}/${c.region}`)).size,
    firstAt: calls.reduce((first, c) => Math.min(first, c.at), Infinity),
    cpuMs: (cpu.user + cpu.system) / 1000,
    bucketGets: { busiest: Math.max(0, ...gets), mean: gets.length > 0 ? gets.reduce((a, b) => a + b, 0) / gets.length : 0 },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let sim: AwsSimulator | undefined;
  // The benchmark that forked it is gone (it failed, or was stopped): nothing is left to serve.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: { type: 'start'; options: SimulatorProcessOptions } | { type: 'summary' } | { type: 'close' }) => {
    void (async () => {
      if (message.type === 'start') {
        const { estate, faults, pageSize } = message.options;
        sim = await startAwsSimulator({ estate: generateEstate(estate), faults, ...(pageSize ? { pageSize } : {}) });
        cpuAtLastSummary = process.cpuUsage();
        process.send!({ type: 'started', env: sim.env() });
      } else if (message.type === 'summary') {
        process.send!({ type: 'summary', summary: summarize(sim!) });
      } else {
        await sim?.close();
        process.exit(0);
      }
    })();
  });
}
