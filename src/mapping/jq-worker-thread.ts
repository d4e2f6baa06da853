import { workerData, type MessagePort } from 'node:worker_threads';
import { loadJq } from 'jq-wasm';

/** What a jq worker is started with (its workerData). */
export interface JqWorkerSetup {
  /** jq-wasm's module, compiled by the thread that starts the worker. */
  module: WebAssembly.Module;
  /** The worker's end of the channel requests and answers go through. */
  port: MessagePort;
  /** One Int32: set to a non-zero value and notified when the worker is ready, and after each answer. */
  signal: SharedArrayBuffer;
}

/** A run request: jq `filter` over the JSON text `input`, compact output. */
export interface JqWorkerRequest {
  input: string;
  filter: string;
}

/** The answer to a request: what jq printed, or `crash` when jq-wasm trapped (the worker is then useless). */
export type JqWorkerAnswer = { stdout: string; stderr: string; exitCode: number } | { crash: string };

/**
 * The thread of a TerminableJq: loads jq-wasm from the module it is given, then answers each request
 * on its port, raising the shared signal after each answer (the requesting thread waits on it).
 */
const { module, port, signal } = workerData as JqWorkerSetup;
const flag = new Int32Array(signal);
const raise = () => {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
// jq-wasm writes `Aborted()` to the console when it crashes; the crash is reported as a failed run.
console.error = () => undefined;
console.warn = () => undefined;
const jq = await loadJq({ wasmModule: module });
port.on('message', ({ input, filter }: JqWorkerRequest) => {
  let answer: JqWorkerAnswer;
  try {
    answer = jq.raw(input, filter, ['-c']);
  } catch (error) {
    answer = { crash: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
  raise();
});
raise();
