import { readFile } from 'node:fs/promises';
import { loadJq } from 'jq-wasm';
import { Aws2PortError } from '../errors/index.js';
import { TerminableJq, type JqRunFailure } from './terminable-jq.js';

/** What one jq run printed. */
export interface JqRunResult {
  /** Standard output: with compact output, one JSON value per line. Empty when jq printed nothing. */
  stdout: string;
  /** Standard error: jq's error messages, `debug` and `stderr` output, `halt_error` text. */
  stderr: string;
  /** jq's exit code: 0 success, 2 usage or system error, 3 compile error, 5 runtime error (of the last input). */
  exitCode: number;
}

/**
 * The jq engine the mapping runs on: jq 1.8.2 compiled to WebAssembly (`jq-wasm`), used through its
 * synchronous raw interface. There is no compile-once: every run re-parses the filter (about 1-2 ms),
 * so callers batch many inputs into one run.
 */
export interface JqEngine {
  /**
   * Runs `filter` over `input`, JSON text holding zero or more values (with zero values the filter is
   * only compiled), printing compact output. Never throws on a jq compile or runtime error.
   */
  run(input: string, filter: string): JqRunResult;
  /**
   * Runs `filter` over `input` as `run` does, but in a worker thread that is ended when the run takes
   * longer than `budgetMs` or crashes jq-wasm: a failure then, and the next run gets a fresh jq. For
   * programs over items, whose data can make jq run away or trap. Throws Aws2PortError `Internal`
   * when the worker thread does not start.
   */
  evaluate(input: string, filter: string, budgetMs: number): JqRunResult | JqRunFailure;
  /** jq's version string, e.g. `jq-1.8.2`. */
  readonly version: string;
}

let loading: Promise<JqEngine> | undefined;

/**
 * jq-wasm's WebAssembly compiled, to hand to worker threads: instantiating a compiled module is much
 * cheaper than compiling it again in each thread. Throws Aws2PortError `Internal` when it cannot load.
 */
export async function compileJqModule(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compile(await readFile(new URL(import.meta.resolve('jq-wasm/jq.wasm'))));
  } catch (cause) {
    throw new Aws2PortError('Internal', 'The jq engine (jq-wasm) could not be loaded.', { source: 'internal', cause });
  }
}

/**
 * Loads jq-wasm once per thread (memoised: every call returns the same engine), from `module` when
 * given (see compileJqModule). A failed load is not memoised, so a later call tries again. Throws
 * Aws2PortError `Internal` when the WASM cannot load.
 */
export function loadJqEngine(module?: WebAssembly.Module): Promise<JqEngine> {
  loading ??= (async () => {
    const wasmModule = module ?? (await compileJqModule());
    return { jq: await loadJq({ wasmModule }), worker: new TerminableJq(wasmModule) };
  })().then(
    ({ jq, worker }): JqEngine => ({
      run: (input, filter) => jq.raw(input, filter, ['-c']),
      evaluate: (input, filter, budgetMs) => worker.run(input, filter, budgetMs),
      get version() {
        return jq.version;
      },
    }),
    (cause: unknown) => {
      loading = undefined;
      throw new Aws2PortError('Internal', 'The jq engine (jq-wasm) could not be loaded.', {
        source: 'internal',
        cause,
      });
    },
  );
  return loading;
}
