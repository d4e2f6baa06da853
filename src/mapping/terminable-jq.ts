import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { Aws2PortError } from '../errors/index.js';
import type { JqRunResult } from './jq-engine.js';
import type { JqWorkerAnswer, JqWorkerRequest, JqWorkerSetup } from './jq-worker-thread.js';

/** How a run on a TerminableJq ended when jq gave no output: it ran out of time, or jq-wasm crashed (a WebAssembly trap). */
export interface JqRunFailure {
  failure: 'timeout' | 'crash';
  /** The crash's message (`memory access out of bounds`...), or the budget that ran out. One line. */
  message: string;
}

/** How long a worker may take to start (load jq-wasm from a compiled module) before it counts as crashed. */
const START_BUDGET_MS = 60_000;

/** A started worker and its ends. */
interface JqThread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

/**
 * jq-wasm in a worker thread, called synchronously: the calling thread posts the run and sleeps on a
 * shared flag until the answer comes or the time budget runs out. A run that runs out of time (a
 * runaway program: `repeat`, `range(1e12)`) or crashes jq-wasm (a trap on a deeply nested value,
 * after which jq-wasm answers every later run with `Aborted()`) ends the worker, and the next run
 * starts a fresh one: nothing of a failed run reaches the next. Costs a message of the input and
 * one of the output per run, which batch runs amortise; the worker starts at the first run. `run`
 * throws Aws2PortError `Internal` when the worker does not start.
 */
export class TerminableJq {
  private thread: JqThread | null = null;

  constructor(private readonly module: WebAssembly.Module) {}

  /** Runs `filter` over JSON text `input` (compact output), giving up after `budgetMs` milliseconds. */
  run(input: string, filter: string, budgetMs: number): JqRunResult | JqRunFailure {
    const thread = this.started();
    Atomics.store(thread.flag, 0, 0);
    thread.port.postMessage({ input, filter } satisfies JqWorkerRequest);
    const waited = Atomics.wait(thread.flag, 0, 0, budgetMs);
    const answer = receiveMessageOnPort(thread.port)?.message as JqWorkerAnswer | undefined;
    if (waited === 'timed-out' || !answer) {
      this.stop();
      return { failure: 'timeout', message: `jq ran longer than its time budget of ${budgetMs} ms` };
    }
    if ('crash' in answer) {
      this.stop();
      return { failure: 'crash', message: answer.crash.replace(/\s*\n\s*/g, ' ') };
    }
    return answer;
  }

  /** Ends the worker, if one runs. */
  stop(): void {
    if (!this.thread) return;
    this.thread.port.close();
    void this.thread.worker.terminate();
    this.thread = null;
  }

  /**
   * The running worker, started (and waited for) when there is none. Throws Aws2PortError `Internal`
   * when it does not start: that is the machine's problem, not an item's, and would recur for every item.
   */
  private started(): JqThread {
    if (this.thread) return this.thread;
    const channel = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const setup: JqWorkerSetup = { module: this.module, port: channel.port2, signal };
    // No execArgv: the process's own (`--input-type`, `--test`...) may not apply to a worker file.
    const worker = new Worker(new URL('./jq-worker-thread.js', import.meta.url), { workerData: setup, transferList: [channel.port2], execArgv: [] });
    // The worker never keeps the process alive, and its failures surface as failed runs.
    worker.unref();
    worker.on('error', () => undefined);
    const thread = { worker, port: channel.port1, flag: new Int32Array(signal) };
    if (Atomics.wait(thread.flag, 0, 0, START_BUDGET_MS) === 'timed-out') {
      channel.port1.close();
      void worker.terminate();
      throw new Aws2PortError('Internal', `The jq worker thread did not start within ${START_BUDGET_MS / 1000} s.`, { source: 'internal' });
    }
    this.thread = thread;
    return thread;
  }
}
